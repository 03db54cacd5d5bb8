import type { AlertAction } from '../../domain/evaluation/alert-workflow.js';
import { ALERT_STATUS_NAMES } from '../../domain/evaluation/alert-workflow.js';
import { HalfskyError } from '../../domain/errors.js';
import {
  applyAlertAction,
  getAlert,
  listAlerts,
  type AlertEvent,
  type AlertFilter,
  type StoredAlert,
} from '../../store/alert-repository.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { planEngine, type EvaluationContext } from './plan-engine.js';

/**
 * A plan's alerts, reconciled with the current data first when the filter names the plan and year (so a
 * list never shows an alert the data stopped supporting a moment ago).
 */
export async function listPlanAlerts(
  db: HalfskyDatabase,
  filter: AlertFilter,
  context: EvaluationContext = {},
): Promise<{ alerts: StoredAlert[]; total: number }> {
  if (filter.planId !== undefined && filter.year !== undefined) {
    await planEngine(db, filter.planId, filter.year, context);
  }
  return listAlerts(db, filter);
}

/** One alert and its follow-up history; ALERT_NOT_FOUND when there is none. */
export async function getAlertWithHistory(
  db: HalfskyDatabase,
  id: string,
): Promise<{ alert: StoredAlert; events: AlertEvent[] }> {
  const found = await getAlert(db, id);
  if (!found) throw new HalfskyError('ALERT_NOT_FOUND', { id });
  return found;
}

/**
 * One follow-up step (督办) by a person: acknowledge with an action plan and due date, resolve, escalate,
 * or comment. ALERT_NOT_FOUND, or ALERT_ACTION_NOT_ALLOWED when the alert's status does not allow it.
 */
export async function alertAction(
  db: HalfskyDatabase,
  id: string,
  input: {
    action: AlertAction;
    actor: string;
    note?: string | null;
    actionPlan?: string | null;
    dueDate?: string | null;
  },
  now: Date = new Date(),
): Promise<StoredAlert> {
  const result = await applyAlertAction(db, id, { ...input, note: input.note ?? null }, now);
  if (result.kind === 'not_found') throw new HalfskyError('ALERT_NOT_FOUND', { id });
  if (result.kind === 'not_allowed') {
    throw new HalfskyError('ALERT_ACTION_NOT_ALLOWED', {
      id,
      action: input.action,
      status: ALERT_STATUS_NAMES[result.status],
    });
  }
  return result.alert;
}
