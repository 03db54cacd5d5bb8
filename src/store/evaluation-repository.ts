import { PostgresAdapter, sql } from 'kysely';
import type { DatasetObservation } from '../domain/evaluation/evaluation-dataset.js';
import type { AlertTables } from './alert-tables.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';

/** The NOTIFY channel the 0006 triggers send the new data version on (PostgreSQL). */
export const DATA_CHANNEL = 'halfsky_data_changed';

export function isPostgres(db: HalfskyDatabase): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Where the data an evaluation depends on stand: `version` as shown (the trigger-bumped counter, plus on
 * SQLite the largest observation rowid: the SQLite triggers leave inserts out so bulk imports stay fast),
 * and the parts a cached evaluation compares to catch up (migration 0012).
 */
export interface DataState {
  version: string;
  counter: number;
  /** The version of the last change the change log cannot express: a cache older than it rebuilds. */
  structure: number;
  /** The change log is complete for versions after this one. */
  changesFrom: number;
  /** SQLite: the largest observation rowid (inserts); PostgreSQL: 0 (its triggers log inserts). */
  top: number;
}

/** The data state, one small query (on SQLite the counter and the largest rowid in one statement). */
export async function readDataState(db: HalfskyDatabase): Promise<DataState> {
  const adb = db.withTables<AlertTables>();
  if (isPostgres(db)) {
    const row = await adb
      .selectFrom('evaluation_data_version')
      .select(['version', 'structure_version', 'changes_from'])
      .where('id', '=', 1)
      .executeTakeFirst();
    const counter = Number(row?.version ?? 0);
    return {
      version: String(counter),
      counter,
      structure: Number(row?.structure_version ?? 0),
      changesFrom: Number(row?.changes_from ?? 0),
      top: 0,
    };
  }
  const { rows } = await sql<{
    version: number;
    structure: number;
    changes_from: number;
    top: number | null;
  }>`
    select version, structure_version as structure, changes_from,
           (select max(rowid) from observations) as top
    from evaluation_data_version where id = 1`.execute(db);
  const row = rows[0];
  const counter = Number(row?.version ?? 0);
  const top = Number(row?.top ?? 0);
  return {
    version: `${counter}:${top}`,
    counter,
    structure: Number(row?.structure ?? 0),
    changesFrom: Number(row?.changes_from ?? 0),
    top,
  };
}

/** The data version as one string that changes whenever the evaluated data do (see `readDataState`). */
export async function readDataVersion(db: HalfskyDatabase): Promise<string> {
  return (await readDataState(db)).version;
}

/** One evaluated value as it stands now; `value` null when it is gone (deleted, or no longer approved). */
export type ObservationChange = Omit<DatasetObservation, 'value'> & { value: number | null };

/**
 * The evaluated observations (approved, all ages, urban + rural together) of these indicators and regions up
 * to `yearTo` that changed after `from` up to `to`, each as it stands now (so applying one twice is
 * harmless); null when the change log cannot say (a structural change or a large statement after `from`,
 * the log pruned, or more than `limit` changes): the caller then rebuilds. Reads the logged keys
 * (`evaluation_changes`) and, on SQLite, the rows inserted since `from` (rowids above its largest).
 */
export async function loadObservationChanges(
  db: HalfskyDatabase,
  from: DataState,
  to: DataState,
  filter: { indicatorCodes: ReadonlySet<string>; regionCodes: ReadonlySet<string>; yearTo: number },
  limit: number,
): Promise<ObservationChange[] | null> {
  if (to.structure > from.counter || from.counter < to.changesFrom || to.top < from.top) return null;
  if (to.top - from.top > limit) return null;
  const adb = db.withTables<AlertTables>();
  const logged =
    to.counter > from.counter
      ? await adb
          .selectFrom('evaluation_changes')
          .select(['indicator_code', 'region_code', 'year', 'sex'])
          .where('version', '>', from.counter)
          .where('version', '<=', to.counter)
          .limit(limit + 1)
          .execute()
      : [];
  if (logged.length > limit) return null;
  const wanted = (r: { indicator_code: string; region_code: string; year: number | string }) =>
    filter.indicatorCodes.has(r.indicator_code) &&
    filter.regionCodes.has(r.region_code) &&
    Number(r.year) <= filter.yearTo;
  const key = (r: { indicator_code: string; region_code: string; year: number | string; sex: string }) =>
    `${r.indicator_code}|${r.region_code}|${Number(r.year)}|${r.sex}`;
  const changes = new Map<string, ObservationChange>();
  const gone = (r: { indicator_code: string; region_code: string; year: number | string; sex: string }) => ({
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    year: Number(r.year),
    sex: r.sex,
    value: null,
    numerator: null,
    denominator: null,
  });
  for (const r of logged) if (wanted(r)) changes.set(key(r), gone(r));
  const evaluated = evaluatedObservations(db);
  const set = (r: (typeof rows)[number]) => changes.set(key(r), datasetObservation(r));
  let rows: Awaited<ReturnType<typeof evaluated.execute>> = [];
  if (changes.size > 0) {
    const keys = [...changes.values()];
    const distinct = <T>(pick: (c: ObservationChange) => T) => [...new Set(keys.map(pick))];
    rows = await evaluated
      .where(
        'indicator_code',
        'in',
        distinct((c) => c.indicatorCode),
      )
      .where(
        'region_code',
        'in',
        distinct((c) => c.regionCode),
      )
      .where(
        'year',
        'in',
        distinct((c) => c.year),
      )
      .where(
        'sex',
        'in',
        distinct((c) => c.sex),
      )
      .execute();
    // The `in` lists cross the keys' fields: keep only the keys asked for.
    for (const r of rows) if (changes.has(key(r))) set(r);
  }
  if (to.top > from.top) {
    rows = await evaluated
      .where(sql<boolean>`rowid > ${from.top}`)
      .where(sql<boolean>`rowid <= ${to.top}`)
      .execute();
    for (const r of rows) if (wanted(r)) set(r);
  }
  return [...changes.values()];
}

/**
 * Drops change-log entries up to `version` and records that the log now starts after it (a cache older than
 * that rebuilds instead of catching up).
 */
export async function pruneEvaluationChanges(db: HalfskyDatabase, version: number): Promise<void> {
  const adb = db.withTables<AlertTables>();
  await adb.transaction().execute(async (trx) => {
    await trx
      .updateTable('evaluation_data_version')
      .set({ changes_from: version })
      .where('id', '=', 1)
      .where('changes_from', '<', version)
      .execute();
    await trx.deleteFrom('evaluation_changes').where('version', '<=', version).execute();
  });
}

/**
 * The observation rows an evaluation reads: approved, all ages, urban and rural together (drafts and submitted
 * values left out); the columns of a `DatasetObservation`.
 */
function evaluatedObservations(db: HalfskyDatabase) {
  return headlineApproved(db).select([
    'indicator_code',
    'region_code',
    'year',
    'sex',
    'value',
    'numerator',
    'denominator',
  ]);
}

/** Approved headline observations (all ages, urban and rural together), no columns chosen yet. */
export function headlineApproved(db: HalfskyDatabase) {
  return db
    .selectFrom('observations')
    .where('status', '=', 'approved')
    .where('urban_rural', '=', '合计')
    .where('age', '=', '');
}

type EvaluatedRow = Awaited<ReturnType<ReturnType<typeof evaluatedObservations>['execute']>>[number];

function datasetObservation(r: EvaluatedRow): DatasetObservation {
  return {
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    year: Number(r.year),
    sex: r.sex,
    value: Number(r.value),
    numerator: r.numerator === null ? null : Number(r.numerator),
    denominator: r.denominator === null ? null : Number(r.denominator),
  };
}

/**
 * Approved observations (all ages, urban and rural together) of these indicators in these regions up to
 * `yearTo`: what an evaluation reads. Drafts and submitted values are left out.
 */
export async function loadApprovedObservations(
  db: HalfskyDatabase,
  filter: { indicatorCodes: readonly string[]; regionCodes: readonly string[]; yearTo: number },
): Promise<DatasetObservation[]> {
  const out: DatasetObservation[] = [];
  if (filter.indicatorCodes.length === 0 || filter.regionCodes.length === 0) return out;
  await inChunks(
    filter.regionCodes,
    async (regions) => {
      const rows = await evaluatedObservations(db)
        .where('year', '<=', filter.yearTo)
        .where('indicator_code', 'in', filter.indicatorCodes)
        .where('region_code', 'in', regions)
        .execute();
      for (const r of rows) out.push(datasetObservation(r));
    },
    500,
  );
  return out;
}

/** A LISTEN connection; `close` ends it. */
export interface DataChangeListener {
  close: () => Promise<void>;
}

/**
 * Listens on PostgreSQL for data-version notifications (sent by the 0006 triggers at each commit that
 * changed the watched tables), on its own connection, and calls `onChange` with the new version. The
 * connection reconnects after an error (`onChange(null)` then, since notifications may have been missed).
 */
export async function listenForDataChanges(
  url: string,
  onChange: (version: string | null) => void,
): Promise<DataChangeListener> {
  const { default: pg } = await import('pg');
  let client: InstanceType<typeof pg.Client> | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (n) => {
      if (n.channel === DATA_CHANNEL) onChange(n.payload ?? null);
    });
    c.on('error', () => {
      if (closed) return;
      client = null;
      onChange(null);
      setTimeout(() => void connect().catch(() => undefined), 1000).unref();
    });
    await c.connect();
    await c.query(`LISTEN ${DATA_CHANNEL}`);
    client = c;
  };
  await connect();
  return {
    close: async () => {
      closed = true;
      await client?.end();
    },
  };
}
