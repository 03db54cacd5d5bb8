/** Follow-up (督办) states of an alert. `closed`: the data no longer support it (closed by the system). */
export const ALERT_STATUSES = ['issued', 'acknowledged', 'escalated', 'resolved', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** What a person can do to an alert. */
export const ALERT_ACTIONS = ['acknowledge', 'resolve', 'escalate', 'comment'] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

/** Open alerts still need follow-up; the reconciler closes them when the data stop supporting them. */
export const OPEN_ALERT_STATUSES: readonly AlertStatus[] = ['issued', 'acknowledged', 'escalated'];

export const ALERT_STATUS_NAMES: Record<AlertStatus, string> = {
  issued: '已下发',
  acknowledged: '已认领',
  escalated: '已升级督办',
  resolved: '已办结',
  closed: '已自动关闭',
};

/**
 * The follow-up workflow: issued → acknowledged (with an action plan and a due date) → resolved, or
 * escalated (from issued or acknowledged) → acknowledged again or resolved. A comment is allowed in any
 * state and changes nothing. Returns the next status, or null when the action is not allowed from `from`.
 */
export function nextAlertStatus(from: AlertStatus, action: AlertAction): AlertStatus | null {
  if (action === 'comment') return from;
  if (action === 'acknowledge') return from === 'issued' || from === 'escalated' ? 'acknowledged' : null;
  if (action === 'escalate') return from === 'issued' || from === 'acknowledged' ? 'escalated' : null;
  return from === 'acknowledged' || from === 'escalated' ? 'resolved' : null;
}
