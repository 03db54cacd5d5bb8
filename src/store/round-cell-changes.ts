import { sql, type Transaction } from 'kysely';
import { HalfskyError } from '../domain/errors.js';
import type { ObservationSource, ObservationStatus } from '../domain/observations/observation.js';
import { allowedInClosedRound, type CellAction } from '../domain/rounds/cell-transition.js';
import type { CellKey, CellState, Round } from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';
import {
  SQLITE_INSERT_OR_IGNORE,
  SQLITE_UPDATE,
  UPSERT_COLUMNS,
  writeSqliteObservation,
} from './observation-repository.js';
import {
  listCellsNear,
  listRoundCells,
  type NearCells,
  type RoundCellFilter,
  type StoredRoundCell,
  type StoredWarning,
} from './round-cell-repository.js';
import { insertHistory, insertHistorySqlite } from './round-cell-history.js';
import { idMaker } from './round-row-ids.js';
import { prepared } from './round-statements.js';
import type { ObservationHistoryRow, RoundCellRow } from './round-tables.js';
import type { Database, ObservationRow } from './tables.js';

const CHUNK = 1000;

/** A value to store with a save. */
export interface CellValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

/** One change to one cell: an action, what the writer saw, and (for a save) the new value. */
export interface CellChange {
  cellId: string;
  action: CellAction;
  /** The state the writer saw; a different stored state is a conflict. */
  fromState: CellState;
  toState: CellState;
  /** For saves: the observation version the writer saw (0 = none stored); undefined = unchecked. */
  expectedVersion?: number;
  value?: CellValue;
  warnings?: readonly StoredWarning[];
  reason?: string | null;
}

export interface ChangeOptions {
  userId: string;
  source: ObservationSource;
  now: Date;
  /** Test hook: called after each stored chunk of observations (proves a failure mid-way rolls back). */
  afterChunk?: (done: number) => void | Promise<void>;
}

/** A change refused inside the transaction: the cell moved since the writer read it. */
export interface ChangeConflict {
  cellId: string;
  expectedVersion: number | null;
  actualVersion: number;
  expectedState: CellState;
  actualState: CellState;
}

class ConflictRollback extends Error {
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
 * Applies changes to cells of a round in ONE transaction, all or nothing: re-reads each cell inside it
 * (on PostgreSQL under a per-round advisory lock; SQLite has one writer) and refuses the whole batch when
 * any cell's state or value version is not what the writer saw (optimistic locking: a second save of the
 * same cell is refused, never a silent overwrite); then upserts the values (observations of the round's
 * year, status following the cell state), updates the cells and appends one history row per change.
 */
export async function applyCellChanges(
  db: HalfskyDatabase,
  round: Pick<Round, 'id' | 'year'>,
  changes: readonly CellChange[],
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  const ids = changes.map((c) => c.cellId);
  return changeRoundCells(db, round, ids.length <= 500 ? { ids } : {}, () => changes, options);
}

/** What a change of cells came to: applied (with each changed cell's new value version) or refused. */
export type ChangeOutcome =
  | { kind: 'applied'; count: number; versions: Map<string, number> }
  | { kind: 'conflict'; conflicts: ChangeConflict[] };

/** Which cells a change reads: a filter of listRoundCells, or the cells near a few keys (listCellsNear). */
export type CellSelection = RoundCellFilter | { near: NearCells };

type Plan = (cells: StoredRoundCell[]) => readonly CellChange[] | Promise<readonly CellChange[]>;

/**
 * applyCellChanges with the changes planned from the cells as read inside the transaction (`filter`): the
 * writer's checks and the write see the same data, and the cells are read once. `plan` may throw (a coded
 * error) to refuse: nothing is written. A closed round refuses every change but approval (ROUND_CLOSED),
 * read inside the same transaction.
 *
 * On SQLite, saves of a few cells (a `near` selection) that arrive together are committed together (group
 * commit): each runs in its own savepoint of one transaction, in arrival order, so each sees the ones before
 * it (a second save of the same cell is still a conflict) and a refused or failed change rolls back alone;
 * every caller hears its outcome only once the transaction has committed. One commit per burst instead of
 * one per save. Uploads, submissions and reviews run in a transaction of their own.
 */
export async function changeRoundCells(
  db: HalfskyDatabase,
  round: Pick<Round, 'id' | 'year'>,
  filter: CellSelection,
  plan: Plan,
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  const sqlite = sqliteHandle(db) !== null;
  if (sqlite && 'near' in filter) return queueChange(db, { round, filter, plan, options });
  try {
    return await db.transaction().execute(async (trx) => {
      if (!sqlite) await sql`select pg_advisory_xact_lock(hashtext(${round.id}))`.execute(trx);
      return runChange(db, trx, { round, filter, plan, options });
    });
  } catch (error) {
    if (error instanceof ConflictRollback) return { kind: 'conflict', conflicts: error.conflicts };
    throw error;
  }
}

interface ChangeRequest {
  round: Pick<Round, 'id' | 'year'>;
  filter: CellSelection;
  plan: Plan;
  options: ChangeOptions;
}

/** Reads the cells, checks the round is open, plans and applies one change, in the caller's transaction. */
async function runChange(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  { round, filter, plan, options }: ChangeRequest,
): Promise<Extract<ChangeOutcome, { kind: 'applied' }>> {
  const closed = (await roundStatusIn(db, trx, round.id)) === 'closed';
  const cells =
    'near' in filter
      ? await listCellsNear(db, trx, round, filter.near)
      : await listRoundCells(trx, round, filter);
  const changes = await plan(cells);
  if (closed && changes.some((c) => !allowedInClosedRound(c.action)))
    throw new HalfskyError('ROUND_CLOSED', { id: round.id });
  const versions = await applyInTransaction(
    db,
    trx,
    round,
    new Map(cells.map((c) => [c.id, c])),
    changes,
    options,
  );
  return { kind: 'applied', count: changes.length, versions };
}

/** A round's status as stored now, read in the transaction. */
async function roundStatusIn(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  id: string,
): Promise<string | undefined> {
  const raw = sqliteHandle(db);
  if (raw)
    return (prepared(raw, 'select status from rounds where id = ?').get(id) as { status: string } | undefined)
      ?.status;
  return (await trx.selectFrom('rounds').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

interface QueuedChange extends ChangeRequest {
  resolve: (outcome: ChangeOutcome) => void;
  reject: (error: unknown) => void;
}

/** Changes waiting for the next group commit, per SQLite database. */
const waiting = new WeakMap<HalfskyDatabase, QueuedChange[]>();

function queueChange(db: HalfskyDatabase, request: ChangeRequest): Promise<ChangeOutcome> {
  return new Promise((resolve, reject) => {
    let queue = waiting.get(db);
    if (!queue) {
      waiting.set(db, (queue = []));
      // After the requests that arrived together have reached this point: they share one transaction.
      setImmediate(() => void commitGroup(db));
    }
    queue.push({ ...request, resolve, reject });
  });
}

async function commitGroup(db: HalfskyDatabase): Promise<void> {
  const queue = waiting.get(db) ?? [];
  waiting.delete(db);
  const raw = sqliteHandle(db)!;
  const outcomes: ({ ok: ChangeOutcome } | { error: unknown })[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const change of queue) {
        prepared(raw, 'savepoint round_change').run([]);
        try {
          outcomes.push({ ok: await runChange(db, trx, change) });
          prepared(raw, 'release round_change').run([]);
        } catch (error) {
          prepared(raw, 'rollback to round_change').run([]);
          prepared(raw, 'release round_change').run([]);
          outcomes.push(
            error instanceof ConflictRollback
              ? { ok: { kind: 'conflict', conflicts: error.conflicts } }
              : { error },
          );
        }
      }
    });
  } catch (error) {
    // The commit itself failed: nothing of the group is stored.
    for (const change of queue) change.reject(error);
    return;
  }
  queue.forEach((change, i) => {
    const outcome = outcomes[i]!;
    if ('ok' in outcome) change.resolve(outcome.ok);
    else change.reject(outcome.error);
  });
}

async function applyInTransaction(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  round: Pick<Round, 'id' | 'year'>,
  stored: ReadonlyMap<string, StoredRoundCell>,
  changes: readonly CellChange[],
  options: ChangeOptions,
): Promise<Map<string, number>> {
  const at = options.now.toISOString();
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
  if (conflicts.length > 0) throw new ConflictRollback(conflicts);

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

  const raw = sqliteHandle(db);
  if (raw) {
    // SQLite: prepared statements run row by row inside the transaction (the same connection), several
    // times faster than building multi-row statements for a 100,000-cell upload.
    // A bulk write touches several indexes of three tables: give this connection's page cache room for them
    // (64 MB instead of SQLite's 2 MB default; a cache size, nothing durable).
    if (changes.length > 10_000) raw.pragma('cache_size = -65536');
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
    return versions;
  }
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
  return versions;
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

/**
 * Marks cells approved by an import (their values now are the imported, approved ones), in the import's
 * transaction: the state follows the value's status, as when a round opens on stored values.
 */
export async function approveImportedCells(
  trx: Transaction<Database>,
  ids: readonly string[],
  by: { userId: string | null; at: Date },
): Promise<void> {
  const at = by.at.toISOString();
  await inChunks(
    ids,
    (chunk) =>
      trx
        .updateTable('round_cells')
        .set({
          state: 'approved',
          return_reason: null,
          reviewed_by: by.userId,
          reviewed_at: at,
          updated_at: at,
        })
        .where('id', 'in', chunk)
        .execute(),
    CHUNK,
  );
}
