import type { AccessUser } from '../../domain/access/access-user.js';
import { can, roleAllows } from '../../domain/access/can.js';
import type { Action } from '../../domain/access/action.js';
import { HalfskyError } from '../../domain/errors.js';
import { allowedInClosedRound, type CellAction } from '../../domain/rounds/cell-transition.js';
import type { Round } from '../../domain/rounds/round.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { loadRegionTree } from '../../store/regions/load-region-tree.js';
import { getRound } from '../../store/round-repository.js';

/** A round with the region tree its cells are named in (townships for a county-level plan). */
export interface RoundContext {
  round: Round;
  tree: RegionTree;
}

/** The region tree of a round's region: with its townships when the region is a county or district. */
export function roundTree(regionCode: string): RegionTree {
  const base = loadRegionTree();
  const level = base.get(regionCode)?.level;
  return level === 'county' || level === 'district' ? loadRegionTree({ townships: [regionCode] }) : base;
}

/** The region code followed by its ancestors', for the policy. */
export function lineageOf(tree: RegionTree, code: string): string[] {
  return [code, ...tree.ancestors(code).map((r) => r.code)];
}

/**
 * Loads a round the user may see with this action: a missing round, or one whose region lies outside the
 * user's scope, is ROUND_NOT_FOUND (outside the scope answers as missing).
 */
export async function loadRound(
  db: HalfskyDatabase,
  user: AccessUser,
  id: string,
  action: Action = 'observation:read',
): Promise<RoundContext> {
  // Read on every request (a prepared statement on SQLite): the status changes when the round is closed.
  const round = await getRound(db, id);
  if (!round) throw new HalfskyError('ROUND_NOT_FOUND', { id });
  const tree = roundTree(round.regionCode);
  // A county office sees the round of its city for its own county's cells: scope by any cell region.
  const lineage = lineageOf(tree, round.regionCode);
  // Region scope here; a reporter's departments are checked per cell by the service.
  const inScope =
    roleAllows(user, action) &&
    (can(user, 'observation:read', { regionLineage: lineage }) ||
      tree.subtree(round.regionCode).some((r) => r.code === user.regionCode));
  if (!inScope) throw new HalfskyError('ROUND_NOT_FOUND', { id });
  return { round, tree };
}

/** Whether the user's scope covers this cell region (for reading). */
export function canSeeRegion(user: AccessUser, tree: RegionTree, regionCode: string): boolean {
  return can(user, 'observation:read', { regionLineage: lineageOf(tree, regionCode) });
}

/**
 * Refuses an action on a closed round before any work (ROUND_CLOSED): saving, submitting, uploading,
 * returning and reopening values; approval may finish. The write transaction checks the stored status again.
 */
export function assertRoundOpenFor(round: Round, actions: readonly CellAction[]): void {
  if (round.status === 'closed' && (actions.length === 0 || actions.some((a) => !allowedInClosedRound(a))))
    throw new HalfskyError('ROUND_CLOSED', { id: round.id });
}
