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
 * The version of the data an evaluation depends on (observations, plans, targets, target links), as one
 * string that changes whenever they do: the trigger-bumped counter, plus on SQLite the largest observation
 * rowid (new rows; the SQLite triggers leave inserts out so bulk imports stay fast). One small query.
 */
export async function readDataVersion(db: HalfskyDatabase): Promise<string> {
  const adb = db.withTables<AlertTables>();
  if (isPostgres(db)) {
    const row = await adb
      .selectFrom('evaluation_data_version')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirst();
    return String(row?.version ?? 0);
  }
  const { rows } = await sql<{ version: number; top: number | null }>`
    select (select version from evaluation_data_version where id = 1) as version,
           (select max(rowid) from observations) as top`.execute(db);
  const row = rows[0];
  return `${row?.version ?? 0}:${row?.top ?? 0}`;
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
      const rows = await db
        .selectFrom('observations')
        .select(['indicator_code', 'region_code', 'year', 'sex', 'value', 'numerator', 'denominator'])
        .where('status', '=', 'approved')
        .where('urban_rural', '=', '合计')
        .where('age', '=', '')
        .where('year', '<=', filter.yearTo)
        .where('indicator_code', 'in', filter.indicatorCodes)
        .where('region_code', 'in', regions)
        .execute();
      for (const r of rows) {
        out.push({
          indicatorCode: r.indicator_code,
          regionCode: r.region_code,
          year: Number(r.year),
          sex: r.sex,
          value: Number(r.value),
          numerator: r.numerator === null ? null : Number(r.numerator),
          denominator: r.denominator === null ? null : Number(r.denominator),
        });
      }
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
