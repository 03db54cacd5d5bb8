import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { evaluatePlan, evaluationCacheStats, evaluationOverview } from '../src/services/evaluation/index.js';
import { createDatabase, type HalfskyDatabase } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { findIndicator } from '../src/domain/indicators/catalog.js';
import { hasSexBreakdown } from '../src/domain/indicators/indicator.js';
import type { ObservationInput } from '../src/domain/observations/observation.js';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import type { BenchResult } from './median-ms.js';

/** Changes timed per reader (evaluatePlan, then the overview); median and p99 reported. */
const CHANGES = Number(process.env.HALFSKY_BENCH_EVAL_CHANGES ?? 40);
const PLAN = 'anqing';
const YEAR = 2024;

/** 安庆 (10 county-level sub-regions) seeded with the demo's simulated observations, as the reports benchmark. */
async function seedAnqing(db: HalfskyDatabase, work: string): Promise<void> {
  mkdirSync(join(work, 'plans'));
  copyFileSync(
    join(import.meta.dirname, '..', 'data', 'plans', `${PLAN}.txt`),
    join(work, 'plans', `${PLAN}.txt`),
  );
  await migrateToLatest(db);
  await seedDemo(db, { plansDir: join(work, 'plans'), maxBytes: 20 * 1024 * 1024 });
}

/**
 * The cached evaluation of 安庆 2024 (built once), then repeatedly: one approved county value changes
 * (`upsertObservations`, as a round's approval or an API write; `write_ms` apart) and the time until the
 * service returns the result with the new value, through `evaluatePlan` (the whole plan: 11 regions ×
 * every target with sentences, attainment, the stored alerts) and through the web's overview. Each change
 * is checked in the result. `builds` / `catch_ups` show which path ran.
 */
async function oneChange(db: HalfskyDatabase, engine: string): Promise<BenchResult> {
  const first = await evaluatePlan(db, { planId: PLAN, year: YEAR });
  await evaluationOverview(db, { planId: PLAN, year: YEAR });
  const planRegion = first.regions.find((r) => r.isPlanRegion)!;
  const counties = first.regions.filter((r) => !r.isPlanRegion);
  // One (county, target) per change: its stored row of the year, sex as the target is evaluated.
  const cells: { row: ObservationInput; region: string; target: string }[] = [];
  for (const county of counties) {
    for (const t of county.targets) {
      if (!t.indicatorCode) continue;
      const indicator = findIndicator(t.indicatorCode);
      if (!t.value?.reported || !indicator) continue;
      const stored = await db
        .selectFrom('observations')
        .select(['sex', 'value', 'numerator', 'denominator'])
        .where('indicator_code', '=', t.indicatorCode)
        .where('region_code', '=', county.regionCode)
        .where('year', '=', YEAR)
        .where('status', '=', 'approved')
        .where('urban_rural', '=', '合计')
        .where('age', '=', '')
        .where('sex', '=', hasSexBreakdown(indicator) ? '女' : '合计')
        .executeTakeFirst();
      if (
        !stored ||
        cells.some((c) => c.region === county.regionCode && c.row.indicatorCode === t.indicatorCode)
      )
        continue;
      cells.push({
        region: county.regionCode,
        target: t.targetKey,
        row: {
          indicatorCode: t.indicatorCode,
          regionCode: county.regionCode,
          year: YEAR,
          sex: stored.sex as ObservationInput['sex'],
          urbanRural: '合计',
          age: '',
          value: Number(stored.value),
          numerator: stored.numerator === null ? null : Number(stored.numerator),
          denominator: stored.denominator === null ? null : Number(stored.denominator),
          comment: null,
          simulated: true,
        },
      });
      if (cells.length >= 2 * CHANGES) break;
    }
    if (cells.length >= 2 * CHANGES) break;
  }
  if (cells.length < 2 * CHANGES) throw new Error(`only ${cells.length} county values to change`);
  const before = evaluationCacheStats(db);
  const time = async (
    offset: number,
    read: () => Promise<unknown>,
    check: (cell: (typeof cells)[number], value: number) => Promise<void>,
  ) => {
    const reads: number[] = [];
    const writes: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const cell = cells[offset + i]!;
      const value = Math.round(cell.row.value * 1.07 * 1000) / 1000 + 0.001;
      const ratio = value / cell.row.value;
      const row = {
        ...cell.row,
        value,
        numerator: cell.row.numerator === null ? null : cell.row.numerator * ratio,
      };
      const w = performance.now();
      await upsertObservations(db, [row], { source: 'api', status: 'approved' });
      writes.push(performance.now() - w);
      const start = performance.now();
      await read();
      reads.push(performance.now() - start);
      await check(cell, value);
    }
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    const at = (list: number[], q: number) =>
      Math.round(sorted(list)[Math.min(list.length - 1, Math.floor(q * list.length))]! * 100) / 100;
    return { median: at(reads, 0.5), p99: at(reads, 0.99), write: at(writes, 0.5) };
  };
  const valueIn = async (cell: (typeof cells)[number], value: number) => {
    const e = await evaluatePlan(db, { planId: PLAN, year: YEAR, regionCode: cell.region });
    const got = e.regions[0]!.targets.find((t) => t.targetKey === cell.target)?.value?.reported;
    if (got == null || Math.abs(got - value) > 1e-9) throw new Error(`change not seen: ${got} ≠ ${value}`);
  };
  const plan = await time(0, () => evaluatePlan(db, { planId: PLAN, year: YEAR }), valueIn);
  const overview = await time(CHANGES, () => evaluationOverview(db, { planId: PLAN, year: YEAR }), valueIn);
  const after = evaluationCacheStats(db);
  return {
    name: `evaluation-service-one-change-${engine}`,
    ms: plan.median,
    p99_ms: plan.p99,
    overview_ms: overview.median,
    overview_p99_ms: overview.p99,
    write_ms: plan.write,
    changes: CHANGES,
    regions: first.regions.length,
    targets: planRegion.targets.length,
    alerts: first.alerts.length,
    builds: after.builds - before.builds,
    catch_ups: after.catchUps - before.catchUps,
  };
}

async function oneChangeSqlite(): Promise<BenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'halfsky-bench-eval-service-'));
  const db = await createDatabase({ database: { kind: 'sqlite', file: join(work, 'bench.sqlite') } });
  try {
    await seedAnqing(db, work);
    return await oneChange(db, 'sqlite');
  } finally {
    await db.destroy();
    rmSync(work, { recursive: true, force: true });
  }
}

async function oneChangePostgres(): Promise<BenchResult> {
  const configured = process.env.DATABASE_URL;
  const server = configured
    ? { url: configured, stop: async () => undefined }
    : await startEmbeddedPostgres();
  const name = `halfsky_bench_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  const work = mkdtempSync(join(tmpdir(), 'halfsky-bench-eval-service-'));
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const db = await createDatabase({ database: { kind: 'postgres', url: url.toString() } });
  try {
    await seedAnqing(db, work);
    return await oneChange(db, 'postgres');
  } finally {
    await db.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

export const evaluationServiceBenchmarks = [oneChangeSqlite, oneChangePostgres];
