import { randomBytes } from 'node:crypto';
import type {
  Observation,
  ObservationInput,
  ObservationSource,
  ObservationStatus,
  Sex,
  UrbanRural,
} from '../domain/observations/observation.js';
import { sql, type Transaction } from 'kysely';
import { observationKey } from '../domain/observations/observation.js';
import { sqliteHandle, type HalfskyDatabase, type SqliteHandle } from './create-database.js';
import { inChunks } from './in-chunks.js';
import type { Database, ObservationRow } from './tables.js';

/** The transaction an upsert runs in, for the work a caller does inside it (`inTransaction`). */
export type ObservationTransaction = Transaction<Database>;

export interface UpsertObservationsOptions {
  source: ObservationSource;
  /** Administrators' imports are approved at once; the data-collection workflow will submit drafts. */
  status?: ObservationStatus;
  updatedBy?: string | null;
  now?: Date;
  /** Called after each chunk with the number of rows stored so far (for a progress bar). */
  onProgress?: (done: number) => void;
  /**
   * Optimistic locking: for each observation (by index) the version the writer last saw, 0 for "not stored
   * yet", undefined for no check. Compared inside the transaction; any mismatch stores nothing.
   */
  expectedVersions?: readonly (number | undefined)[];
  /**
   * Work of the caller in the same transaction: `before` runs before anything is written (it may throw to
   * store nothing), `after` once every row is written. An import uses them for the reporting rounds.
   */
  inTransaction?: {
    before?: (trx: ObservationTransaction) => Promise<void>;
    after?: (trx: ObservationTransaction) => Promise<void>;
  };
}

/** An observation whose stored version is not the one the writer expected. */
export interface VersionConflict {
  index: number;
  expected: number;
  /** The stored version, 0 when the key is not stored. */
  actual: number;
}

/** Thrown inside the upsert transaction to roll it back; upsertObservations returns it as a result. */
class ConflictRollback extends Error {
  constructor(readonly conflicts: VersionConflict[]) {
    super('version conflict');
  }
}

/** Rows between progress reports, and per lookup of stored versions (parameters well under both engines' limits). */
const UPSERT_CHUNK = 1900;

/**
 * Ids that sort in insertion order (time, then a random block, then a counter): appending to the primary-key
 * B-tree instead of inserting at random places, as random UUIDs do, keeps a million-row import fast.
 */
function orderedIds(): { next: () => string; prefix: string } {
  const time = Date.now().toString(16).padStart(12, '0');
  const block = randomBytes(6).toString('hex');
  const prefix = `${time}-${block}-`;
  let seq = 0;
  return { next: () => `${prefix}${(seq++).toString(16).padStart(8, '0')}`, prefix };
}

/**
 * Inserts or updates observations by their key (indicator, region, year, sex, urban/rural, age), all in ONE
 * transaction: on any error nothing is stored. An update replaces value, numerator, denominator, comment,
 * status and source and increments the version. Returns how many keys were new and how many updated.
 */
export async function upsertObservations(
  db: HalfskyDatabase,
  observations: readonly ObservationInput[],
  options: UpsertObservationsOptions,
): Promise<{ inserted: number; updated: number }> {
  return upsertInTransaction(db, observations, options);
}

/**
 * upsertObservations with optimistic locking: when any observation's stored version differs from
 * `expectedVersions`, nothing is stored and the conflicts are returned.
 */
export async function upsertCurrentObservations(
  db: HalfskyDatabase,
  observations: readonly ObservationInput[],
  options: UpsertObservationsOptions & { expectedVersions: readonly (number | undefined)[] },
): Promise<
  { kind: 'stored'; inserted: number; updated: number } | { kind: 'conflict'; conflicts: VersionConflict[] }
> {
  try {
    return { kind: 'stored', ...(await upsertInTransaction(db, observations, options)) };
  } catch (error) {
    if (error instanceof ConflictRollback) return { kind: 'conflict', conflicts: error.conflicts };
    throw error;
  }
}

async function upsertInTransaction(
  db: HalfskyDatabase,
  observations: readonly ObservationInput[],
  options: UpsertObservationsOptions,
): Promise<{ inserted: number; updated: number }> {
  const at = (options.now ?? new Date()).toISOString();
  const ids = orderedIds();
  const nextId = ids.next;
  // In key order, so that the unique index (and the ordered ids) grow at their ends rather than at random places.
  const sorted = isSorted(observations) ? observations : [...observations].sort(compareKeys);
  const status = options.status ?? 'approved';
  const updatedBy = options.updatedBy ?? null;
  return db.transaction().execute(async (trx) => {
    // Rows this call inserted: the ones holding an id of this call (an update keeps the stored id); a range
    // of the primary key, not a count of the whole table. Bounds in hex digits, so that the range is the same
    // under PostgreSQL's collations as in byte order.
    const countInserted = async () =>
      Number(
        (
          await trx
            .selectFrom('observations')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('id', '>=', `${ids.prefix}00000000`)
            .where('id', '<=', `${ids.prefix}ffffffff`)
            .executeTakeFirstOrThrow()
        ).n,
      );
    if (options.expectedVersions?.some((v) => v !== undefined)) {
      const conflicts = await findConflicts(trx, observations, options.expectedVersions);
      if (conflicts.length > 0) throw new ConflictRollback(conflicts);
    }
    await options.inTransaction?.before?.(trx);
    let done = 0;
    const raw = sqliteHandle(db);
    if (raw) {
      // SQLite: one prepared statement run per row inside the transaction (same connection), several times
      // faster than building multi-row statements for a million rows. Parameters in UPSERT_COLUMNS order.
      // INSERT OR IGNORE, then UPDATE when the key exists: an ON CONFLICT upsert runs about 2.5× slower
      // on a table with update triggers (the data-version ones), even when it only inserts.
      const statements = { insert: raw.prepare(SQLITE_INSERT_OR_IGNORE), update: raw.prepare(SQLITE_UPDATE) };
      let inserted = 0;
      for (const o of sorted) {
        const values = [
          nextId(),
          o.indicatorCode,
          o.regionCode,
          o.year,
          o.sex,
          o.urbanRural,
          o.age,
          o.value,
          o.numerator,
          o.denominator,
          o.comment,
          o.simulated ? 1 : 0,
          status,
          options.source,
          1,
          at,
          updatedBy,
        ];
        if (writeSqliteObservation(statements, values)) inserted++;
        if (++done % UPSERT_CHUNK === 0) options.onProgress?.(done);
      }
      options.onProgress?.(done);
      await options.inTransaction?.after?.(trx);
      return { inserted, updated: sorted.length - inserted };
    }
    // PostgreSQL: one statement per chunk, each column sent as one array and spread by unnest(): 17
    // parameters a statement instead of 17 per row.
    for (let from = 0; from < sorted.length; from += POSTGRES_CHUNK) {
      const chunk = sorted.slice(from, from + POSTGRES_CHUNK);
      const column = <T>(pick: (o: ObservationInput) => T) => chunk.map(pick);
      await sql`
        insert into observations (${sql.raw(UPSERT_COLUMNS.join(', '))})
        select * from unnest(
          ${chunk.map(() => nextId())}::text[], ${column((o) => o.indicatorCode)}::text[],
          ${column((o) => o.regionCode)}::text[], ${column((o) => o.year)}::integer[],
          ${column((o) => o.sex)}::text[], ${column((o) => o.urbanRural)}::text[], ${column((o) => o.age)}::text[],
          ${column((o) => o.value)}::double precision[], ${column((o) => o.numerator)}::double precision[],
          ${column((o) => o.denominator)}::double precision[], ${column((o) => o.comment)}::text[],
          ${column((o) => (o.simulated ? 1 : 0))}::integer[], ${column(() => status)}::text[],
          ${column(() => options.source)}::text[], ${column(() => 1)}::integer[], ${column(() => at)}::text[],
          ${column(() => updatedBy)}::text[])
        on conflict (indicator_code, region_code, year, sex, urban_rural, age) do update set
          ${sql.raw(UPDATED_ON_CONFLICT.map((c) => `${c} = excluded.${c}`).join(', '))},
          version = observations.version + 1`.execute(trx);
      done += chunk.length;
      options.onProgress?.(done);
    }
    const inserted = await countInserted();
    await options.inTransaction?.after?.(trx);
    return { inserted, updated: sorted.length - inserted };
  });
}

/** Rows per PostgreSQL upsert statement (its parameters are 17 arrays of this length). */
const POSTGRES_CHUNK = 5000;

/** Columns of an upsert, in parameter order. */
export const UPSERT_COLUMNS = [
  'id',
  'indicator_code',
  'region_code',
  'year',
  'sex',
  'urban_rural',
  'age',
  'value',
  'numerator',
  'denominator',
  'comment',
  'simulated',
  'status',
  'source',
  'version',
  'updated_at',
  'updated_by',
] as const satisfies readonly (keyof ObservationRow)[];
const UPDATED_ON_CONFLICT = UPSERT_COLUMNS.filter(
  (c) => !['id', 'indicator_code', 'region_code', 'year', 'sex', 'urban_rural', 'age', 'version'].includes(c),
);
/** One row, as a SQLite statement: inserted unless its key is stored. */
export const SQLITE_INSERT_OR_IGNORE = `insert or ignore into observations (${UPSERT_COLUMNS.join(', ')}) values (${UPSERT_COLUMNS.map(() => '?').join(', ')})`;
/** The update of a stored key: UPDATED_ON_CONFLICT's columns, then the key, as parameters. */
export const SQLITE_UPDATE =
  `update observations set ${UPDATED_ON_CONFLICT.map((c) => `${c} = ?`).join(', ')}, version = version + 1 ` +
  `where indicator_code = ? and region_code = ? and year = ? and sex = ? and urban_rural = ? and age = ?`;

/**
 * Writes one observation on SQLite, its values in UPSERT_COLUMNS order, with the two statements above
 * (prepared by the caller on its handle):
 * inserted when its key is new, else the stored row updated and its version bumped. True when inserted.
 * Throws when the row was neither (it breaks a constraint that IGNORE skipped), so the transaction fails.
 */
export function writeSqliteObservation(
  statements: {
    insert: ReturnType<SqliteHandle['prepare']>;
    update: ReturnType<SqliteHandle['prepare']>;
  },
  values: readonly unknown[],
): boolean {
  if (statements.insert.run(values).changes === 1) return true;
  const updated = statements.update.run([
    ...UPDATED_INDEXES.map((i) => values[i]),
    ...KEY_INDEXES.map((i) => values[i]),
  ]);
  // IGNORE also skips a row that breaks a CHECK or NOT NULL constraint: such a row has no stored key to
  // update, and must fail the whole write rather than vanish.
  if (updated.changes !== 1)
    throw new Error(
      `observation ${KEY_INDEXES.map((i) => String(values[i])).join('|')} violates a constraint of the observations table`,
    );
  return false;
}

const UPDATED_INDEXES = UPDATED_ON_CONFLICT.map((c) => UPSERT_COLUMNS.indexOf(c));
const KEY_INDEXES = (['indicator_code', 'region_code', 'year', 'sex', 'urban_rural', 'age'] as const).map(
  (c) => UPSERT_COLUMNS.indexOf(c),
);

function compareKeys(a: ObservationInput, b: ObservationInput): number {
  return (
    compareText(a.indicatorCode, b.indicatorCode) ||
    compareText(a.regionCode, b.regionCode) ||
    a.year - b.year ||
    compareText(a.sex, b.sex) ||
    compareText(a.urbanRural, b.urbanRural) ||
    compareText(a.age, b.age)
  );
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function isSorted(observations: readonly ObservationInput[]): boolean {
  for (let i = 1; i < observations.length; i++)
    if (compareKeys(observations[i - 1]!, observations[i]!) > 0) return false;
  return true;
}

/** The stored version of every observation with an expected version, compared with it. */
async function findConflicts(
  trx: Transaction<Database>,
  observations: readonly ObservationInput[],
  expected: readonly (number | undefined)[],
): Promise<VersionConflict[]> {
  const checked = observations
    .map((o, index) => ({ o, index, expected: expected[index] }))
    .filter((c): c is { o: ObservationInput; index: number; expected: number } => c.expected !== undefined);
  const stored = new Map<string, number>();
  await inChunks(
    checked,
    async (chunk) => {
      const rows = await trx
        .selectFrom('observations')
        .select(['indicator_code', 'region_code', 'year', 'sex', 'urban_rural', 'age', 'version'])
        .where('indicator_code', 'in', [...new Set(chunk.map((c) => c.o.indicatorCode))])
        .where('region_code', 'in', [...new Set(chunk.map((c) => c.o.regionCode))])
        .where('year', 'in', [...new Set(chunk.map((c) => c.o.year))])
        .execute();
      for (const r of rows) {
        const key = observationKey({
          indicatorCode: r.indicator_code,
          regionCode: r.region_code,
          year: Number(r.year),
          sex: r.sex as Sex,
          urbanRural: r.urban_rural as UrbanRural,
          age: r.age,
        });
        stored.set(key, Number(r.version));
      }
    },
    UPSERT_CHUNK,
  );
  return checked
    .map((c) => ({ index: c.index, expected: c.expected, actual: stored.get(observationKey(c.o)) ?? 0 }))
    .filter((c) => c.actual !== c.expected);
}

export interface ObservationFilter {
  indicatorCodes?: readonly string[];
  regionCodes?: readonly string[];
  sexes?: readonly Sex[];
  yearFrom?: number;
  yearTo?: number;
}

/** Stored observations matching the filter, ordered by indicator, region, year, sex, urban/rural and age. */
export async function listObservations(
  db: HalfskyDatabase,
  filter: ObservationFilter = {},
): Promise<Observation[]> {
  let query = db.selectFrom('observations').selectAll();
  if (filter.indicatorCodes) query = query.where('indicator_code', 'in', ['', ...filter.indicatorCodes]);
  if (filter.regionCodes) query = query.where('region_code', 'in', ['', ...filter.regionCodes]);
  if (filter.sexes) query = query.where('sex', 'in', ['', ...filter.sexes]);
  if (filter.yearFrom !== undefined) query = query.where('year', '>=', filter.yearFrom);
  if (filter.yearTo !== undefined) query = query.where('year', '<=', filter.yearTo);
  const rows = await query
    .orderBy('indicator_code')
    .orderBy('region_code')
    .orderBy('year')
    .orderBy('sex')
    .orderBy('urban_rural')
    .orderBy('age')
    .execute();
  return rows.map(rowToObservation);
}

function rowToObservation(r: ObservationRow): Observation {
  return {
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    year: r.year,
    sex: r.sex as Sex,
    urbanRural: r.urban_rural as UrbanRural,
    age: r.age,
    value: Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
    comment: r.comment,
    simulated: Number(r.simulated) === 1,
    status: r.status as ObservationStatus,
    source: r.source as ObservationSource,
    version: Number(r.version),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
