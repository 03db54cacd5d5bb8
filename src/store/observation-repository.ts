import { randomUUID } from 'node:crypto';
import type {
  Observation,
  ObservationInput,
  ObservationSource,
  ObservationStatus,
  Sex,
  UrbanRural,
} from '../domain/observations/observation.js';
import type { HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';
import type { ObservationRow } from './tables.js';

export interface UpsertObservationsOptions {
  source: ObservationSource;
  /** Administrators' imports are approved at once; the data-collection workflow will submit drafts. */
  status?: ObservationStatus;
  updatedBy?: string | null;
  now?: Date;
  /** Called after each chunk with the number of rows stored so far (for a progress bar). */
  onProgress?: (done: number) => void;
}

/** Rows per upsert statement (16 columns each: under SQLite's and PostgreSQL's parameter limits). */
const UPSERT_CHUNK = 500;

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
  const at = (options.now ?? new Date()).toISOString();
  const rows: ObservationRow[] = observations.map((o) => ({
    id: randomUUID(),
    indicator_code: o.indicatorCode,
    region_code: o.regionCode,
    year: o.year,
    sex: o.sex,
    urban_rural: o.urbanRural,
    age: o.age,
    value: o.value,
    numerator: o.numerator,
    denominator: o.denominator,
    comment: o.comment,
    status: options.status ?? 'approved',
    source: options.source,
    version: 1,
    updated_at: at,
    updated_by: options.updatedBy ?? null,
  }));
  return db.transaction().execute(async (trx) => {
    const count = async () =>
      Number(
        (
          await trx
            .selectFrom('observations')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    let done = 0;
    await inChunks(
      rows,
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
                status: eb.ref('excluded.status'),
                source: eb.ref('excluded.source'),
                updated_at: eb.ref('excluded.updated_at'),
                updated_by: eb.ref('excluded.updated_by'),
                version: eb(eb.ref('observations.version'), '+', 1),
              })),
          )
          .execute();
        done += chunk.length;
        options.onProgress?.(done);
      },
      UPSERT_CHUNK,
    );
    const inserted = (await count()) - before;
    return { inserted, updated: rows.length - inserted };
  });
}

export interface ObservationFilter {
  indicatorCodes?: readonly string[];
  regionCodes?: readonly string[];
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
    status: r.status as ObservationStatus,
    source: r.source as ObservationSource,
    version: Number(r.version),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
