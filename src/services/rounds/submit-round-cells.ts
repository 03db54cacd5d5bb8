import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { applyCellChanges } from '../../store/round-cell-changes.js';
import { listRoundCells } from '../../store/round-cell-repository.js';
import { assertRoundOpenFor, lineageOf, type RoundContext } from './round-context.js';

export interface SubmitScope {
  /** Submit this department's cells; default: every department the user may write for. */
  department?: string;
  /** Submit only this region's cells; default: every region in the user's scope. */
  regionCode?: string;
}

/**
 * Submits a department's (or a region's) saved cells for review: every draft or returned cell in the scope
 * the user may write becomes submitted, its value recorded as the submitted one (what the reviewer compares
 * the next resubmission with). Owed cells without a value stay owed and are counted as missing.
 */
export async function submitRoundCells(
  db: HalfskyDatabase,
  user: AccessUser,
  { round, tree }: RoundContext,
  scope: SubmitScope,
  now: Date,
): Promise<{ submitted: number; missing: number }> {
  assertRoundOpenFor(round, ['submit']);
  if (
    scope.department !== undefined &&
    user.role === 'reporter' &&
    !user.departments.includes(scope.department)
  )
    throw new HalfskyError('OBSERVATIONS_FORBIDDEN', { cells: scope.department });
  const cells = (
    await listRoundCells(db, round, {
      ...(scope.department !== undefined ? { departments: [scope.department] } : {}),
      ...(scope.regionCode !== undefined ? { regionCodes: [scope.regionCode] } : {}),
    })
  ).filter((c) =>
    can(user, 'observation:write', {
      regionLineage: lineageOf(tree, c.regionCode),
      department: c.department,
    }),
  );
  const ready = cells.filter((c) => c.state === 'draft' || c.state === 'returned');
  const result = await applyCellChanges(
    db,
    round,
    ready.map((c) => ({ cellId: c.id, action: 'submit', fromState: c.state, toState: 'submitted' })),
    { userId: user.id, source: 'api', now },
  );
  if (result.kind === 'conflict')
    throw new HalfskyError('OBSERVATION_CONFLICT', {
      cells: result.conflicts.map((c) => c.cellId).join(', '),
    });
  return { submitted: ready.length, missing: cells.filter((c) => c.state === 'owed').length };
}
