import type { Transaction } from 'kysely';
import type { SqliteHandle } from './create-database.js';
import { inChunks } from './in-chunks.js';
import { prepared } from './round-statements.js';
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

/** Appends history rows in the write transaction (PostgreSQL: multi-row inserts of 1,000). */
export async function insertHistory(
  trx: Transaction<Database>,
  history: readonly ObservationHistoryRow[],
): Promise<void> {
  await inChunks(history, (chunk) => trx.insertInto('observation_history').values(chunk).execute(), 1000);
}
