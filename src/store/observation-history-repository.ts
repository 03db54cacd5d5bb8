import type { ObservationSource } from '../domain/observations/observation.js';
import type { CellAction } from '../domain/rounds/cell-transition.js';
import type { CellState } from '../domain/rounds/round.js';
import type { HalfskyDatabase } from './create-database.js';
import { appendImportHistory } from './round-cell-history.js';
import type { ObservationHistoryRow } from './round-tables.js';

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
  return rows.map(toEntry);
}

function toEntry(r: ObservationHistoryRow & { user_name: string | null }): HistoryEntry {
  return {
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
  };
}

/** A change made outside a round (PUT /api/observations): the key, old and new value, who and how. */
export interface OutsideRoundChange {
  indicatorCode: string;
  regionCode: string;
  year: number;
  sex: string;
  urbanRural: string;
  age: string;
  oldValue: number | null;
  newValue: number;
  reason: string | null;
}

/** Appends history rows (action `save`, no round) for values written outside a round. */
export async function appendOutsideRoundHistory(
  db: HalfskyDatabase,
  changes: readonly OutsideRoundChange[],
  by: { userId: string; source: ObservationSource; at: Date },
): Promise<void> {
  await appendImportHistory(
    db,
    changes.map((c) => ({ ...c, cell: null })),
    by,
  );
}

/**
 * The history of one value by its key, round or not (the cell history of a round joined with changes
 * made through PUT /api/observations), oldest first.
 */
export async function listKeyHistory(
  db: HalfskyDatabase,
  key: {
    indicatorCode: string;
    regionCode: string;
    year: number;
    sex: string;
    urbanRural: string;
    age: string;
  },
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('observation_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .selectAll('h')
    .select('u.display_name as user_name')
    .where('h.indicator_code', '=', key.indicatorCode)
    .where('h.region_code', '=', key.regionCode)
    .where('h.year', '=', key.year)
    .where('h.sex', '=', key.sex)
    .where('h.urban_rural', '=', key.urbanRural)
    .where('h.age', '=', key.age)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
  return rows.map(toEntry);
}
