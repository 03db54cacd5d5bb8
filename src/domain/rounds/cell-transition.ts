import type { CellState } from './round.js';

/** What may be done to a cell of a round. */
export type CellAction = 'save' | 'submit' | 'approve' | 'return' | 'reopen';

const FROM: Readonly<Record<CellAction, readonly CellState[]>> = {
  save: ['owed', 'draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reopen: ['approved'],
};

const TO: Readonly<Record<CellAction, CellState>> = {
  save: 'draft',
  submit: 'submitted',
  approve: 'approved',
  return: 'returned',
  reopen: 'returned',
};

const STATE_ZH: Readonly<Record<CellState, string>> = {
  owed: '未填报',
  draft: '草稿',
  submitted: '已报送待审核',
  returned: '已退回',
  approved: '已审核锁定',
};

const ACTION_ZH: Readonly<Record<CellAction, string>> = {
  save: '修改',
  submit: '报送',
  approve: '审核通过',
  return: '退回',
  reopen: '重新开放',
};

/**
 * The review workflow: drafts change freely until submitted; a submitted value is approved (locked) or
 * returned with a reason, then corrected and resubmitted; only reopening (the monitoring lead, with a
 * reason) unlocks an approved value. Returns the new state, or why the action is refused (Chinese and
 * English) — a result, since a bulk request reports every refused cell.
 */
export function cellTransition(
  state: CellState,
  action: CellAction,
): { ok: true; state: CellState } | { ok: false; zh: string; en: string } {
  if (FROM[action].includes(state)) return { ok: true, state: TO[action] };
  const hint =
    state === 'submitted'
      ? { zh: '；如需修改，请审核人退回', en: '; ask the reviewer to return it' }
      : state === 'approved'
        ? { zh: '；只有监测组可重新开放', en: '; only the monitoring lead can reopen it' }
        : { zh: '', en: '' };
  return {
    ok: false,
    zh: `单元格${STATE_ZH[state]}，不能${ACTION_ZH[action]}${hint.zh}`,
    en: `the cell is ${state}; cannot ${action}${hint.en}`,
  };
}

/**
 * Whether an action may still change a cell of a closed round: only approval, so that the review of values
 * submitted before closing can finish; saving, submitting, returning and reopening wait for the round to be
 * reopened.
 */
export function allowedInClosedRound(action: CellAction): boolean {
  return action === 'approve';
}
