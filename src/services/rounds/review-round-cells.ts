import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError, type ErrorField } from '../../domain/errors.js';
import { cellTransition, type CellAction } from '../../domain/rounds/cell-transition.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { applyCellChanges } from '../../store/round-cell-changes.js';
import { listRoundCells } from '../../store/round-cell-repository.js';
import { assertRoundOpenFor, lineageOf, type RoundContext } from './round-context.js';
import { cellLabel } from './save-round-cells.js';

export interface ReviewDecision {
  cellId: string;
  decision: 'approve' | 'return' | 'reopen';
  /** Required to return or reopen a value: shown to the reporter. */
  reason?: string | null;
}

/**
 * Applies review decisions, all or nothing: approve a submitted value (it locks) or return it with a reason
 * (the reporter corrects and resubmits); reopen an approved value, with a reason, only as the monitoring lead
 * (round:manage). Every cell must be in the user's region scope and in a state that allows the decision.
 */
export async function reviewRoundCells(
  db: HalfskyDatabase,
  user: AccessUser,
  { round, tree }: RoundContext,
  decisions: readonly ReviewDecision[],
  now: Date,
): Promise<{ approved: number; returned: number; reopened: number }> {
  assertRoundOpenFor(
    round,
    decisions.map((d) => d.decision),
  );
  const cells = new Map(
    (await listRoundCells(db, round, { ids: decisions.map((d) => d.cellId) })).map((c) => [c.id, c]),
  );
  const missing: ErrorField[] = [];
  const reasons: ErrorField[] = [];
  const states: ErrorField[] = [];
  const forbidden: ErrorField[] = [];
  decisions.forEach((d, i) => {
    const field = `decisions.${i}`;
    const cell = cells.get(d.cellId);
    const lineage = cell ? lineageOf(tree, cell.regionCode) : [];
    const action = d.decision === 'reopen' ? 'round:manage' : 'observation:approve';
    if (!cell || !can(user, 'observation:read', { regionLineage: lineage })) {
      missing.push({ field, zh: `找不到单元格 ${d.cellId}`, en: `no cell ${d.cellId}` });
      return;
    }
    const label = cellLabel(tree, cell);
    if (!can(user, action, { regionLineage: lineage })) {
      forbidden.push({
        field,
        zh:
          d.decision === 'reopen'
            ? `只有监测组可重新开放已审核的数据（${label.zh}）`
            : `无权审核 ${label.zh}`,
        en:
          d.decision === 'reopen'
            ? `only the monitoring lead can reopen approved data (${label.en})`
            : `not allowed to review ${label.en}`,
      });
      return;
    }
    if ((d.decision === 'return' || d.decision === 'reopen') && !(d.reason ?? '').trim())
      reasons.push({
        field: `${field}.reason`,
        zh: `${d.decision === 'return' ? '退回' : '重新开放'} ${label.zh} 须填写原因`,
        en: `a reason is required to ${d.decision} ${label.en}`,
      });
    const move = cellTransition(cell.state, d.decision as CellAction);
    if (!move.ok) states.push({ field, zh: `${label.zh}：${move.zh}`, en: `${label.en}: ${move.en}` });
  });
  if (missing.length > 0)
    throw new HalfskyError(
      'ROUND_CELLS_INVALID',
      { cells: missing.length, problems: missing.length },
      { fields: missing },
    );
  if (forbidden.length > 0) throw new HalfskyError('FORBIDDEN', {}, { fields: forbidden });
  if (reasons.length > 0)
    throw new HalfskyError(
      'REASON_REQUIRED',
      { fields: reasons.map((r) => r.field).join(', ') },
      { fields: reasons },
    );
  if (states.length > 0)
    throw new HalfskyError(
      'ROUND_CELL_STATE',
      { cells: states.map((s) => s.field).join(', ') },
      { fields: states },
    );

  const result = await applyCellChanges(
    db,
    round,
    decisions.map((d) => {
      const cell = cells.get(d.cellId)!;
      const move = cellTransition(cell.state, d.decision as CellAction);
      return {
        cellId: d.cellId,
        action: d.decision as CellAction,
        fromState: cell.state,
        toState: move.ok ? move.state : cell.state,
        reason: d.reason?.trim() || null,
      };
    }),
    { userId: user.id, source: 'api', now },
  );
  if (result.kind === 'conflict')
    throw new HalfskyError('OBSERVATION_CONFLICT', {
      cells: result.conflicts.map((c) => c.cellId).join(', '),
    });
  const count = (k: ReviewDecision['decision']) => decisions.filter((d) => d.decision === k).length;
  return { approved: count('approve'), returned: count('return'), reopened: count('reopen') };
}
