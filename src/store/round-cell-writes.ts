import type { Transaction } from 'kysely';
import type { ObservationStatus } from '../domain/observations/observation.js';
import type { CellKey, CellState, Round } from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase, type SqliteHandle } from './create-database.js';
import { inChunks } from './in-chunks.js';
import {
  SQLITE_INSERT_OR_IGNORE,
  SQLITE_UPDATE,
  UPSERT_COLUMNS,
  writeSqliteObservation,
} from './observation-repository.js';
import type { CellChange, ChangeConflict, ChangeOptions } from './round-cell-changes.js';
import type { StoredRoundCell } from './round-cell-repository.js';
import { insertHistory, insertHistorySqlite } from './round-cell-history.js';
import { idMaker } from './round-row-ids.js';
import { prepared } from './round-statements.js';
import type { ObservationHistoryRow, RoundCellRow } from './round-tables.js';
import type { Database, ObservationRow } from './tables.js';

const CHUNK = 1000;

/** Thrown inside a change's transaction to roll it back; the change returns the conflicts as a result. */
export class ConflictRollback extends Error {
  constructor(readonly conflicts: ChangeConflict[]) {
    super('round conflict');
  }
}

const OBSERVATION_STATUS: Readonly<Record<CellState, ObservationStatus>> = {
  owed: 'draft',
  draft: 'draft',
  returned: 'draft',
  submitted: 'submitted',
  approved: 'approved',
};

/**
 * Writes planned changes of cells read in this transaction (`stored`): refuses them all (ConflictRollback)
 * when any cell's state or value version is not what the writer saw; otherwise upserts the values
 * (observations of the round's year, status following the cell state), updates the cells and appends one
 * history row per change. SQLite: prepared statements on the transaction's connection; PostgreSQL: multi-row
 * statements of 1,000.
 */
export async function applyInTransaction(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  round: Pick<Round, 'id' | 'year'>,
  stored: ReadonlyMap<string, StoredRoundCell>,
  changes: readonly CellChange[],
  options: ChangeOptions,
): Promise<Map<string, number>> {
  const conflicts = conflictsOf(round, stored, changes);
  if (conflicts.length > 0) throw new ConflictRollback(conflicts);
  const rows = plannedRows(round, stored, changes, options);
  const raw = sqliteHandle(db);
  if (raw) await writeSqlite(raw, round, rows, options);
  else await writePostgres(trx, round, rows, options);
  return rows.versions;
}

/** The changes whose cell moved since the writer read it: another state, or (when checked) value version. */
function conflictsOf(
  round: Pick<Round, 'id'>,
  stored: ReadonlyMap<string, StoredRoundCell>,
  changes: readonly CellChange[],
): ChangeConflict[] {
  const conflicts: ChangeConflict[] = [];
  for (const change of changes) {
    const cell = stored.get(change.cellId);
    if (!cell) throw new Error(`cell ${change.cellId} is not in round ${round.id}`);
    const actualVersion = cell.observation?.version ?? 0;
    const versionMoved = change.expectedVersion !== undefined && change.expectedVersion !== actualVersion;
    if (versionMoved || cell.state !== change.fromState)
      conflicts.push({
        cellId: change.cellId,
        expectedVersion: change.expectedVersion ?? null,
        actualVersion,
        expectedState: change.fromState,
        actualState: cell.state,
      });
  }
  return conflicts;
}

/** What a batch of changes writes, row by row, and each changed cell's value version after it. */
interface PlannedRows {
  at: string;
  observationRows: ObservationRow[];
  /** Stored values that keep their value and take the status of their cell's new state. */
  statusChanges: Map<ObservationStatus, CellKey[]>;
  cellRows: RoundCellRow[];
  history: ObservationHistoryRow[];
  versions: Map<string, number>;
}

function plannedRows(
  round: Pick<Round, 'id' | 'year'>,
  stored: ReadonlyMap<string, StoredRoundCell>,
  changes: readonly CellChange[],
  options: ChangeOptions,
): PlannedRows {
  const at = options.now.toISOString();
  const nextId = idMaker();
  const observationRows: ObservationRow[] = [];
  const statusChanges = new Map<ObservationStatus, CellKey[]>();
  const cellRows: RoundCellRow[] = [];
  const history: ObservationHistoryRow[] = [];
  /** The value version of each changed cell after the change (every change of a stored value bumps it). */
  const versions = new Map<string, number>();
  for (const change of changes) {
    const cell = stored.get(change.cellId)!;
    const before = cell.observation;
    if (change.value || before) versions.set(cell.id, (before?.version ?? 0) + 1);
    const submitting = change.action === 'submit';
    const reviewing = change.action === 'approve' || change.action === 'return' || change.action === 'reopen';
    const value = change.value;
    if (value) {
      observationRows.push({
        id: nextId(),
        indicator_code: cell.indicatorCode,
        region_code: cell.regionCode,
        year: round.year,
        sex: cell.sex,
        urban_rural: cell.urbanRural,
        age: cell.age,
        value: value.value,
        numerator: value.numerator,
        denominator: value.denominator,
        comment: value.comment,
        status: OBSERVATION_STATUS[change.toState],
        source: options.source,
        version: 1,
        updated_at: at,
        updated_by: options.userId,
        simulated: 0,
      });
    } else if (before) {
      const status = OBSERVATION_STATUS[change.toState];
      const keys = statusChanges.get(status);
      if (keys) keys.push(cell);
      else statusChanges.set(status, [cell]);
    }
    cellRows.push({
      id: cell.id,
      round_id: round.id,
      indicator_code: cell.indicatorCode,
      region_code: cell.regionCode,
      sex: cell.sex,
      urban_rural: cell.urbanRural,
      age: cell.age,
      department: cell.department,
      state: change.toState,
      return_reason:
        change.action === 'return' || change.action === 'reopen'
          ? (change.reason ?? null)
          : change.action === 'approve'
            ? null
            : cell.returnReason,
      warnings:
        change.warnings !== undefined
          ? change.warnings.length > 0
            ? JSON.stringify(change.warnings)
            : null
          : cell.warnings.length > 0
            ? JSON.stringify(cell.warnings)
            : null,
      submitted_value: submitting ? (before?.value ?? null) : cell.submittedValue,
      submitted_comment: submitting ? (before?.comment ?? null) : cell.submittedComment,
      first_submitted_at: submitting ? (cell.firstSubmittedAt ?? at) : cell.firstSubmittedAt,
      submitted_at: submitting ? at : cell.submittedAt,
      reviewed_by: reviewing ? options.userId : null,
      reviewed_at: reviewing ? at : null,
      updated_at: at,
    });
    history.push({
      id: nextId(),
      indicator_code: cell.indicatorCode,
      region_code: cell.regionCode,
      year: round.year,
      sex: cell.sex,
      urban_rural: cell.urbanRural,
      age: cell.age,
      round_id: round.id,
      cell_id: cell.id,
      action: change.action,
      old_value: before?.value ?? null,
      new_value: value ? value.value : (before?.value ?? null),
      old_state: cell.state,
      new_state: change.toState,
      reason: change.reason ?? (value ? value.comment : null),
      source: options.source,
      user_id: options.userId,
      at,
    });
  }
  return { at, observationRows, statusChanges, cellRows, history, versions };
}

/**
 * SQLite: prepared statements run row by row inside the transaction (the same connection), several times
 * faster than building multi-row statements for a 100,000-cell upload.
 */
async function writeSqlite(
  raw: SqliteHandle,
  round: Pick<Round, 'year'>,
  { at, observationRows, statusChanges, cellRows, history }: PlannedRows,
  options: ChangeOptions,
): Promise<void> {
  // A bulk write touches several indexes of three tables: give this connection's page cache room for them
  // (64 MB instead of SQLite's 2 MB default; a cache size, nothing durable).
  if (cellRows.length > 10_000) raw.pragma('cache_size = -65536');
  const statements = {
    insert: prepared(raw, SQLITE_INSERT_OR_IGNORE),
    update: prepared(raw, SQLITE_UPDATE),
  };
  let done = 0;
  for (const r of observationRows) {
    writeSqliteObservation(
      statements,
      UPSERT_COLUMNS.map((c) => r[c]),
    );
    if (++done % CHUNK === 0) await options.afterChunk?.(done);
  }
  if (done % CHUNK !== 0) await options.afterChunk?.(done);
  const status = prepared(
    raw,
    'update observations set status = ?, updated_at = ?, version = version + 1 where indicator_code = ? and region_code = ? and year = ? and sex = ? and urban_rural = ? and age = ?',
  );
  for (const [s, keys] of statusChanges)
    for (const k of keys)
      status.run([s, at, k.indicatorCode, k.regionCode, round.year, k.sex, k.urbanRural, k.age]);
  const update = prepared(
    raw,
    `update round_cells set ${CELL_UPDATE_COLUMNS.map((c) => `${c} = ?`).join(', ')} where id = ?`,
  );
  for (const r of cellRows) update.run([...CELL_UPDATE_COLUMNS.map((c) => r[c]), r.id]);
  insertHistorySqlite(raw, history);
}

/** PostgreSQL: multi-row statements of 1,000 in the transaction. */
async function writePostgres(
  trx: Transaction<Database>,
  round: Pick<Round, 'year'>,
  { at, observationRows, statusChanges, cellRows, history }: PlannedRows,
  options: ChangeOptions,
): Promise<void> {
  let done = 0;
  await inChunks(
    observationRows,
    async (chunk) => {
      await trx
        .insertInto('observations')
        .values(chunk)
        .onConflict((oc) =>
          oc
            .columns(['indicator_code', 'region_code', 'year', 'sex', 'urban_rural', 'age'])
            .doUpdateSet((eb) => ({
              value: eb.ref('excluded.value'),
              numerator: eb.ref('excluded.numerator'),
              denominator: eb.ref('excluded.denominator'),
              comment: eb.ref('excluded.comment'),
              // A value entered in a round replaces a simulated one as reported data.
              simulated: eb.ref('excluded.simulated'),
              status: eb.ref('excluded.status'),
              source: eb.ref('excluded.source'),
              updated_at: eb.ref('excluded.updated_at'),
              updated_by: eb.ref('excluded.updated_by'),
              version: eb(eb.ref('observations.version'), '+', 1),
            })),
        )
        .execute();
      done += chunk.length;
      await options.afterChunk?.(done);
    },
    CHUNK,
  );
  for (const [status, keys] of statusChanges) {
    // Review actions change the status, not the value; the version moves so open editors see the change.
    for (const key of keys)
      await trx
        .updateTable('observations')
        .set((eb) => ({ status, updated_at: at, version: eb(eb.ref('version'), '+', 1) }))
        .where('indicator_code', '=', key.indicatorCode)
        .where('region_code', '=', key.regionCode)
        .where('year', '=', round.year)
        .where('sex', '=', key.sex)
        .where('urban_rural', '=', key.urbanRural)
        .where('age', '=', key.age)
        .execute();
  }
  await inChunks(
    cellRows,
    (chunk) =>
      trx
        .insertInto('round_cells')
        .values(chunk)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            state: eb.ref('excluded.state'),
            return_reason: eb.ref('excluded.return_reason'),
            warnings: eb.ref('excluded.warnings'),
            submitted_value: eb.ref('excluded.submitted_value'),
            submitted_comment: eb.ref('excluded.submitted_comment'),
            first_submitted_at: eb.ref('excluded.first_submitted_at'),
            submitted_at: eb.ref('excluded.submitted_at'),
            reviewed_by: eb.ref('excluded.reviewed_by'),
            reviewed_at: eb.ref('excluded.reviewed_at'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute(),
    CHUNK,
  );
  await insertHistory(trx, history);
}

const CELL_UPDATE_COLUMNS = [
  'state',
  'return_reason',
  'warnings',
  'submitted_value',
  'submitted_comment',
  'first_submitted_at',
  'submitted_at',
  'reviewed_by',
  'reviewed_at',
  'updated_at',
] as const satisfies readonly (keyof RoundCellRow)[];
