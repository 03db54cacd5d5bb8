import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { importObservations } from '../src/services/observations/import-observations.js';
import { openDatabase } from '../src/store/open-database.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import type { BenchResult } from './median-ms.js';

/** Observations in the generated file (the bar: 1,000,000 rows into SQLite in ≤ 20 s). */
const OBSERVATIONS = Number(process.env.HALFSKY_BENCH_OBSERVATIONS ?? 1_000_000);
/** Heavy benchmark: fewer runs. */
const RUNS = 3;

/**
 * Writes a tidy CSV of `count` distinct observations: percentage indicators × county-level regions × years ×
 * sex (女/男/合计), values 0–100. Written once, outside the timing.
 */
function writeObservationCsv(count: number): string {
  const indicators = INDICATOR_CATALOG.filter((i) => i.kind === 'quantitative' && i.unit === '%').map(
    (i) => i.code,
  );
  const counties = [...loadRegionTree().regions()]
    .filter((r) => r.level === 'county' || r.level === 'district')
    .map((r) => r.code);
  const sexes = ['女', '男', '合计'];
  const lines = ['indicator,region,year,sex,value'];
  let n = 0;
  outer: for (const region of counties)
    for (const indicator of indicators)
      for (let year = 2015; year <= 2024; year++)
        for (const sex of sexes) {
          if (n++ >= count) break outer;
          lines.push(`${indicator},${region},${year},${sex},${((n * 7919) % 10000) / 100}`);
        }
  if (n < count) throw new Error(`only ${n} distinct keys available`);
  const file = join(mkdtempSync(join(tmpdir(), 'halfsky-bench-')), 'observations.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function timedImport(
  openEmpty: () => Promise<{ db: Awaited<ReturnType<typeof openDatabase>>; drop: () => Promise<void> }>,
  csv: string,
) {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const { db, drop } = await openEmpty();
    const start = performance.now();
    const result = await importObservations(db, csv, { maxBytes: 1 << 30 });
    times.push(performance.now() - start);
    await db.destroy();
    await drop();
    if (result.kind !== 'imported' || result.inserted !== OBSERVATIONS)
      throw new Error(`import failed: ${JSON.stringify(result).slice(0, 500)}`);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

/** importObservations of a 1,000,000-row CSV into an empty, migrated SQLite database (median of 3). */
async function importObservationsSqlite(): Promise<BenchResult> {
  const csv = writeObservationCsv(OBSERVATIONS);
  const ms = await timedImport(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-bench-'));
    const db = await openDatabase({ database: { kind: 'sqlite', file: join(dir, 'bench.sqlite') } });
    return { db, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }, csv);
  return { name: 'observation-import-csv-sqlite', ms, observations: OBSERVATIONS };
}

/**
 * The same import into PostgreSQL (DATABASE_URL's server, or one started with embedded-postgres), each run
 * into a new database.
 */
async function importObservationsPostgres(): Promise<BenchResult> {
  const csv = writeObservationCsv(OBSERVATIONS);
  const configured = process.env.DATABASE_URL;
  const server = configured
    ? { url: configured, stop: async () => undefined }
    : await startEmbeddedPostgres();
  try {
    const ms = await timedImport(async () => {
      const name = `halfsky_bench_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(server.url);
      url.pathname = `/${name}`;
      const db = await openDatabase({ database: { kind: 'postgres', url: url.toString() } });
      return {
        db,
        drop: async () => {
          const again = new pg.Client({ connectionString: server.url });
          await again.connect();
          await again.query(`DROP DATABASE IF EXISTS ${name}`);
          await again.end();
        },
      };
    }, csv);
    return { name: 'observation-import-csv-postgres', ms, observations: OBSERVATIONS };
  } finally {
    await server.stop();
  }
}

export const observationImportBenchmarks = [importObservationsSqlite, importObservationsPostgres];
