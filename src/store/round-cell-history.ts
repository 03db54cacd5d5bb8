import type { Kysely } from 'kysely';
import type { ObservationSource } from '../domain/observations/observation.js';
import type { SqliteHandle } from './create-database.js';
import { inChunks } from './in-chunks.js';
import { idMaker } from './round-row-ids.js';
import { prepared } from './round-statements.js';
import type { OutsideRoundChange } from './observation-history-repository.js';
import type { ObservationHistoryRow } from './round-tables.js';
import type { Database } from './tables.js';

const HISTORY_COLUMNS = [
  'id',
  'indicator_code',
  'region_code',
  'year',
  'sex',
  'urban_rural',
  'age',
  'round_id',
  'cell_id',
  'action',
  'old_value',
  'new_value',
  'old_state',
  'new_state',
  'reason',
  'source',
  'user_id',
  'at',
] as const satisfies readonly (keyof ObservationHistoryRow)[];

/** Appends history rows in the write transaction (SQLite: one prepared statement run per row). */
export function insertHistorySqlite(raw: SqliteHandle, history: readonly ObservationHistoryRow[]): void {
  const insert = prepared(
    raw,
    `insert into observation_history (${HISTORY_COLUMNS.join(', ')}) values (${HISTORY_COLUMNS.map(() => '?').join(', ')})`,
  );
  for (const r of history) insert.run(HISTORY_COLUMNS.map((c) => r[c]));
}

/** Appends history rows in the write transaction: multi-row inserts of 1,000 (PostgreSQL, and imports). */
export async function insertHistory(
  trx: Kysely<Database>,
  history: readonly ObservationHistoryRow[],
): Promise<void> {
  await inChunks(history, (chunk) => trx.insertInto('observation_history').values(chunk).execute(), 1000);
}

/** A value an import wrote in a round's year: the history of that key (and of the round cell it fills). */
export interface ImportedValueChange extends OutsideRoundChange {
  /** The round cell the value fills, with its state before and after; null outside any round's cells. */
  cell: { roundId: string; id: string; oldState: string; newState: string } | null;
}

/** Appends the history of values written by an import (in its transaction) or outside a round (action `save`). */
export async function appendImportHistory(
  trx: Kysely<Database>,
  changes: readonly ImportedValueChange[],
  by: { userId: string | null; source: ObservationSource; at: Date },
): Promise<void> {
  const nextId = idMaker();
  const at = by.at.toISOString();
  await insertHistory(
    trx,
    changes.map((c) => ({
      id: nextId(),
      indicator_code: c.indicatorCode,
      region_code: c.regionCode,
      year: c.year,
      sex: c.sex,
      urban_rural: c.urbanRural,
      age: c.age,
      round_id: c.cell?.roundId ?? null,
      cell_id: c.cell?.id ?? null,
      action: 'save',
      old_value: c.oldValue,
      new_value: c.newValue,
      old_state: c.cell?.oldState ?? null,
      new_state: c.cell?.newState ?? null,
      reason: c.reason,
      source: by.source,
      user_id: by.userId,
      at,
    })),
  );
}
