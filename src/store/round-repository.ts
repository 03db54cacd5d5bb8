import {
  SQLITE_INSERT_OR_IGNORE,
  SQLITE_UPDATE,
  UPSERT_COLUMNS,
  writeSqliteObservation,
} from './observation-repository.js';
import { randomBytes } from 'node:crypto';
import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type {
  ObservationSource,
  ObservationStatus,
  Sex,
  UrbanRural,
} from '../domain/observations/observation.js';
import type { CellAction } from '../domain/rounds/cell-transition.js';
import type { CellKey, CellState, OwedCell, Round, RoundStatus } from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase, type SqliteHandle } from './create-database.js';
import { inChunks } from './in-chunks.js';
import type { ObservationHistoryRow, RoundCellRow } from './round-tables.js';
import type { Database, ObservationRow } from './tables.js';

/** A warning kept with a cell for the reviewer. */
export interface StoredWarning {
  check: string;
  zh: string;
  en: string;
}

/** A cell of a round as stored: its key, department, review state and current value (if any). */
export interface StoredRoundCell extends OwedCell {
  id: string;
  state: CellState;
  returnReason: string | null;
  warnings: StoredWarning[];
  submittedValue: number | null;
  submittedComment: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  /** The same key's value of the year before the round's, null when there is none. */
  lastYearValue: number | null;
  /** The observation of the round's year; null while the cell is owed. */
  observation: {
    value: number;
    numerator: number | null;
    denominator: number | null;
    comment: string | null;
    version: number;
    source: ObservationSource;
    updatedAt: string;
    updatedBy: string | null;
  } | null;
}

/** Sequential ids (time, random block, counter): appends to the primary-key B-tree, as observations do. */
function idMaker(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  const block = randomBytes(6).toString('hex');
  let seq = 0;
  return () => `${time}-${block}-${(seq++).toString(16).padStart(8, '0')}`;
}

const CHUNK = 1000;

/**
 * Stores a new round and its owed cells in one transaction; `initialState` gives each cell's starting state
 * (a value already stored for that year starts as it stands). Throws on a duplicate plan × year (unique).
 */
export async function insertRound(
  db: HalfskyDatabase,
  round: Round,
  cells: readonly (OwedCell & { state: CellState })[],
): Promise<void> {
  const nextId = idMaker();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rounds')
      .values({
        id: round.id,
        plan_id: round.planId,
        year: round.year,
        region_code: round.regionCode,
        deadline: round.deadline,
        status: round.status,
        opened_by: round.openedBy,
        opened_at: round.openedAt,
      })
      .execute();
    const rows: RoundCellRow[] = cells.map((c) => ({
      id: nextId(),
      round_id: round.id,
      indicator_code: c.indicatorCode,
      region_code: c.regionCode,
      sex: c.sex,
      urban_rural: c.urbanRural,
      age: c.age,
      department: c.department,
      state: c.state,
      return_reason: null,
      warnings: null,
      submitted_value: null,
      submitted_comment: null,
      first_submitted_at: null,
      submitted_at: null,
      reviewed_by: null,
      reviewed_at: null,
      updated_at: round.openedAt,
    }));
    await inChunks(rows, (chunk) => trx.insertInto('round_cells').values(chunk).execute(), CHUNK);
  });
}

function rowToRound(r: Database['rounds']): Round {
  return {
    id: r.id,
    planId: r.plan_id,
    year: Number(r.year),
    regionCode: r.region_code,
    deadline: r.deadline,
    status: r.status as RoundStatus,
    openedBy: r.opened_by,
    openedAt: r.opened_at,
  };
}

export async function getRound(db: HalfskyDatabase, id: string): Promise<Round | null> {
  const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? rowToRound(row) : null;
}

export async function findRound(db: HalfskyDatabase, planId: string, year: number): Promise<Round | null> {
  const row = await db
    .selectFrom('rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .executeTakeFirst();
  return row ? rowToRound(row) : null;
}

/** Every round, newest year first. */
export async function listRounds(db: HalfskyDatabase): Promise<Round[]> {
  const rows = await db.selectFrom('rounds').selectAll().orderBy('year', 'desc').orderBy('plan_id').execute();
  return rows.map(rowToRound);
}

export async function setRoundStatus(db: HalfskyDatabase, id: string, status: RoundStatus): Promise<void> {
  await db.updateTable('rounds').set({ status }).where('id', '=', id).execute();
}

export interface RoundCellFilter {
  indicatorCodes?: readonly string[];
  departments?: readonly string[];
  regionCodes?: readonly string[];
  states?: readonly CellState[];
  ids?: readonly string[];
}

/**
 * The cells of a round with their current observation and last year's value, in indicator, region and
 * breakdown order.
 */
export async function listRoundCells(
  db: HalfskyDatabase | Transaction<Database>,
  round: Pick<Round, 'id' | 'year'>,
  filter: RoundCellFilter = {},
): Promise<StoredRoundCell[]> {
  let query = db
    .selectFrom('round_cells as c')
    .leftJoin('observations as o', (join) =>
      join
        .onRef('o.indicator_code', '=', 'c.indicator_code')
        .onRef('o.region_code', '=', 'c.region_code')
        .onRef('o.sex', '=', 'c.sex')
        .onRef('o.urban_rural', '=', 'c.urban_rural')
        .onRef('o.age', '=', 'c.age')
        .on('o.year', '=', round.year),
    )
    .leftJoin('observations as p', (join) =>
      join
        .onRef('p.indicator_code', '=', 'c.indicator_code')
        .onRef('p.region_code', '=', 'c.region_code')
        .onRef('p.sex', '=', 'c.sex')
        .onRef('p.urban_rural', '=', 'c.urban_rural')
        .onRef('p.age', '=', 'c.age')
        .on('p.year', '=', round.year - 1),
    )
    .selectAll('c')
    .select([
      'o.value as o_value',
      'o.numerator as o_numerator',
      'o.denominator as o_denominator',
      'o.comment as o_comment',
      'o.version as o_version',
      'o.source as o_source',
      'o.updated_at as o_updated_at',
      'o.updated_by as o_updated_by',
      'p.value as p_value',
    ])
    .where('c.round_id', '=', round.id);
  if (filter.indicatorCodes) query = query.where('c.indicator_code', 'in', ['', ...filter.indicatorCodes]);
  if (filter.departments) query = query.where('c.department', 'in', ['', ...filter.departments]);
  if (filter.regionCodes) query = query.where('c.region_code', 'in', ['', ...filter.regionCodes]);
  if (filter.states) query = query.where('c.state', 'in', ['', ...filter.states]);
  if (filter.ids) query = query.where('c.id', 'in', ['', ...filter.ids]);
  const rows = await query.orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    sex: r.sex as Sex,
    urbanRural: r.urban_rural as UrbanRural,
    age: r.age,
    department: r.department,
    state: r.state as CellState,
    returnReason: r.return_reason,
    warnings: r.warnings ? (JSON.parse(r.warnings) as StoredWarning[]) : [],
    submittedValue: r.submitted_value === null ? null : Number(r.submitted_value),
    submittedComment: r.submitted_comment,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    lastYearValue: r.p_value === null ? null : Number(r.p_value),
    observation:
      r.o_version === null || r.o_value === null
        ? null
        : {
            value: Number(r.o_value),
            numerator: r.o_numerator === null ? null : Number(r.o_numerator),
            denominator: r.o_denominator === null ? null : Number(r.o_denominator),
            comment: r.o_comment,
            version: Number(r.o_version),
            source: r.o_source as ObservationSource,
            updatedAt: r.o_updated_at!,
            updatedBy: r.o_updated_by,
          },
  }));
}

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
): Promise<
  | { kind: 'applied'; count: number; versions: Map<string, number> }
  | { kind: 'conflict'; conflicts: ChangeConflict[] }
> {
  const ids = changes.map((c) => c.cellId);
  return changeRoundCells(db, round, ids.length <= 500 ? { ids } : {}, () => changes, options);
}

/**
 * applyCellChanges with the changes planned from the cells as read inside the transaction (`filter`): the
 * writer's checks and the write see the same data, and the cells are read once. `plan` may throw (a coded
 * error) to refuse: nothing is written.
 */
export async function changeRoundCells(
  db: HalfskyDatabase,
  round: Pick<Round, 'id' | 'year'>,
  filter: RoundCellFilter,
  plan: (cells: StoredRoundCell[]) => readonly CellChange[] | Promise<readonly CellChange[]>,
  options: ChangeOptions,
): Promise<
  | { kind: 'applied'; count: number; versions: Map<string, number> }
  | { kind: 'conflict'; conflicts: ChangeConflict[] }
> {
  try {
    const { count, versions } = await db.transaction().execute(async (trx) => {
      if (trx.getExecutor().adapter instanceof PostgresAdapter)
        await sql`select pg_advisory_xact_lock(hashtext(${round.id}))`.execute(trx);
      const cells = await listRoundCells(trx, round, filter);
      const changes = await plan(cells);
      const versions = await applyInTransaction(
        db,
        trx,
        round,
        new Map(cells.map((c) => [c.id, c])),
        changes,
        options,
      );
      return { count: changes.length, versions };
    });
    return { kind: 'applied', count, versions };
  } catch (error) {
    if (error instanceof ConflictRollback) return { kind: 'conflict', conflicts: error.conflicts };
    throw error;
  }
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
    const insert = prepared(
      raw,
      `insert into observation_history (${HISTORY_COLUMNS.join(', ')}) values (${HISTORY_COLUMNS.map(() => '?').join(', ')})`,
    );
    for (const r of history) insert.run(HISTORY_COLUMNS.map((c) => r[c]));
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
  await inChunks(history, (chunk) => trx.insertInto('observation_history').values(chunk).execute(), CHUNK);
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

const statements = new WeakMap<SqliteHandle, Map<string, ReturnType<SqliteHandle['prepare']>>>();

/** A prepared statement of this connection, prepared once (a save of one cell should not re-prepare four). */
function prepared(raw: SqliteHandle, text: string): ReturnType<SqliteHandle['prepare']> {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = raw.prepare(text)));
  return statement;
}

/**
 * The observation keys (indicator, region, year, breakdown) held by a round cell that is submitted or
 * approved: values under review or locked, which only the round workflow may change.
 */
export async function lockedRoundKeys(
  db: HalfskyDatabase,
  keys: readonly (CellKey & { year: number })[],
): Promise<Set<string>> {
  const locked = new Set<string>();
  if (keys.length === 0) return locked;
  const rows = await db
    .selectFrom('round_cells as c')
    .innerJoin('rounds as r', 'r.id', 'c.round_id')
    .select(['c.indicator_code', 'c.region_code', 'c.sex', 'c.urban_rural', 'c.age', 'r.year'])
    .where('c.state', 'in', ['submitted', 'approved'])
    .where('c.indicator_code', 'in', [...new Set(keys.map((k) => k.indicatorCode))])
    .where('c.region_code', 'in', [...new Set(keys.map((k) => k.regionCode))])
    .where('r.year', 'in', [...new Set(keys.map((k) => k.year))])
    .execute();
  for (const r of rows)
    locked.add([r.indicator_code, r.region_code, Number(r.year), r.sex, r.urban_rural, r.age].join('|'));
  return locked;
}
