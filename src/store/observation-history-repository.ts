import type { ObservationSource } from '../domain/observations/observation.js';
import type { CellAction } from '../domain/rounds/cell-transition.js';
import type { CellState } from '../domain/rounds/round.js';
import type { HalfskyDatabase } from './create-database.js';

/** One change of a value or its review state: who, when, old and new, why, and through what. */
export interface HistoryEntry {
  action: CellAction;
  oldValue: number | null;
  newValue: number | null;
  oldState: CellState | null;
  newState: CellState | null;
  reason: string | null;
  source: ObservationSource | null;
  userId: string | null;
  /** The user's display name, when the user still exists. */
  userName: string | null;
  at: string;
}

/** The audit trail of one cell of a round, oldest first. */
export async function listCellHistory(db: HalfskyDatabase, cellId: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('observation_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .selectAll('h')
    .select('u.display_name as user_name')
    .where('h.cell_id', '=', cellId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    action: r.action as CellAction,
    oldValue: r.old_value === null ? null : Number(r.old_value),
    newValue: r.new_value === null ? null : Number(r.new_value),
    oldState: r.old_state as CellState | null,
    newState: r.new_state as CellState | null,
    reason: r.reason,
    source: r.source as ObservationSource | null,
    userId: r.user_id,
    userName: r.user_name,
    at: r.at,
  }));
}
