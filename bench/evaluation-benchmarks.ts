import { mulberry32, seedOf } from '../src/domain/demo/mulberry32.js';
import type {
  DatasetIndicator,
  DatasetObservation,
  DatasetRegion,
  DatasetTarget,
} from '../src/domain/evaluation/evaluation-dataset.js';
import { EvaluationEngine } from '../src/domain/evaluation/evaluation-engine.js';
import type { Comparator } from '../src/domain/plan.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../test/support/embedded-postgres.js';
import { evaluationServiceBenchmarks } from './evaluation-service-benchmarks.js';
import type { BenchResult } from './median-ms.js';

/**
 * Scale of the national synthetic dataset (issue 5): 1 = about 3,270 regions in 4 levels (全国, 31 provinces,
 * 341 cities, 2,898 counties), 150 indicators by sex (女, 男), 2020–2030: about 9.8 million observations.
 * The default 0.1 keeps `npm run bench` short (3 provinces); `HALFSKY_BENCH_EVAL_SCALE=1` is the full size.
 */
const SCALE = Number(process.env.HALFSKY_BENCH_EVAL_SCALE ?? 0.1);
const YEARS: readonly [number, number] = [2020, 2030];
const INDICATORS = 150;
const RUNS = 3;

export interface SyntheticDataset {
  regions: DatasetRegion[];
  indicators: DatasetIndicator[];
  targets: DatasetTarget[];
  /** Generates the observations afresh on each call (never held in memory as objects). */
  observations: () => Generator<DatasetObservation>;
  observationCount: number;
}

/**
 * A seeded national-scale dataset: counties report every indicator (rates with numerator and denominator,
 * counts); indicators of the 'reported' kind (surveys) are reported at every level. Values follow a trend
 * with noise, so every status, outliers and volatile series occur. Deterministic for a scale.
 */
export function syntheticDataset(scale: number): SyntheticDataset {
  const provinces = Math.max(1, Math.round(31 * scale));
  const regions: DatasetRegion[] = [{ code: '000000', name: '全国', level: 'national', parent: null }];
  for (let p = 1; p <= provinces; p++) {
    const pc = `${String(10 + p).padStart(2, '0')}0000`;
    regions.push({ code: pc, name: `省${p}`, level: 'province', parent: '000000' });
    for (let c = 1; c <= 11; c++) {
      const cc = `${pc.slice(0, 2)}${String(c).padStart(2, '0')}00`;
      regions.push({ code: cc, name: `省${p}市${c}`, level: 'city', parent: pc });
      const counties = (p + c) % 2 === 0 ? 8 : 9;
      for (let k = 1; k <= counties; k++) {
        regions.push({
          code: `${cc.slice(0, 4)}${String(k).padStart(2, '0')}`,
          name: `省${p}市${c}县${k}`,
          level: 'county',
          parent: cc,
        });
      }
    }
  }
  const indicators: DatasetIndicator[] = [];
  const targets: DatasetTarget[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    const kind = i % 6;
    const code = `health.synthetic_${i}`;
    const perMillion = kind === 2 || kind === 3;
    const unit = kind <= 1 ? '%' : perMillion ? '1/10万' : kind === 4 ? '人' : '%';
    const rollUp =
      kind <= 3
        ? ({ kind: 'ratio', multiplier: perMillion ? 100000 : 100 } as const)
        : kind === 4
          ? ({ kind: 'sum' } as const)
          : ({ kind: 'reported' } as const);
    const better = kind === 2 || kind === 3 ? 'down' : 'up';
    indicators.push({
      code,
      nameZh: `合成指标${i}`,
      unit,
      rollUp,
      sex: '女',
      better,
      department: '统计局',
      minDenominator: rollUp.kind === 'ratio' ? (perMillion ? 10000 : 100) : null,
    });
    const base = baseValue(i);
    const comparators: Comparator[] =
      better === 'down' ? ['<=', '<=', 'decrease'] : ['>=', '~', '=', 'increase'];
    const comparator = comparators[i % comparators.length] as Comparator;
    const goal = (factor: number) =>
      comparator === 'increase' || comparator === 'decrease'
        ? null
        : comparator === '='
          ? 100
          : Number((base * factor).toFixed(2));
    const up = better === 'up' ? 1 : -1;
    targets.push({
      key: `t${i}`,
      indicatorCode: code,
      area: ['health', 'education', 'economy', 'decision', 'social_security', 'family', 'environment', 'law'][
        i % 8
      ]!,
      label: `合成指标${i}`,
      milestones: [2025, 2030].map((year) => ({
        indicator: `合成指标${i}`,
        comparator,
        value: goal(year === 2025 ? 1 + up * 0.05 : 1 + up * 0.1),
        unit,
        year,
      })),
      responsible: ['卫健局'],
    });
  }
  const leaves = regions.filter((r) => r.level === 'county');
  const parents = regions.filter((r) => r.level !== 'county');
  const nYears = YEARS[1] - YEARS[0] + 1;
  const reportedKinds = indicators.filter((i) => i.rollUp.kind === 'reported').length;
  const observationCount =
    leaves.length * INDICATORS * nYears * 2 + parents.length * reportedKinds * nYears * 2;
  function* observations(): Generator<DatasetObservation> {
    for (let i = 0; i < INDICATORS; i++) {
      const ind = indicators[i] as DatasetIndicator;
      const reportedEverywhere = ind.rollUp.kind === 'reported';
      for (const region of reportedEverywhere ? regions : leaves) {
        const random = mulberry32(seedOf(`${ind.code}|${region.code}`));
        const base = baseValue(i) * (0.8 + 0.4 * random());
        const trend = (random() - 0.45) * 0.04;
        const zigzag = random() < 0.05;
        const outlier = random() < 0.01 ? 3 : 1;
        for (let y = YEARS[0]; y <= YEARS[1]; y++) {
          for (const sex of ['女', '男']) {
            const t = y - YEARS[0];
            const noise = 1 + (random() - 0.5) * 0.02 + (zigzag ? (t % 2 === 0 ? 0.1 : -0.1) : 0);
            let value = base * Math.pow(1 + trend, t) * noise * (y === YEARS[1] - 6 ? outlier : 1);
            if (ind.unit === '%') value = Math.min(100, value);
            if (ind.rollUp.kind === 'ratio') {
              const denominator = Math.round(2000 + 30000 * random());
              const numerator = (value / ind.rollUp.multiplier) * denominator;
              yield {
                indicatorCode: ind.code,
                regionCode: region.code,
                year: y,
                sex,
                value,
                numerator,
                denominator,
              };
            } else {
              yield {
                indicatorCode: ind.code,
                regionCode: region.code,
                year: y,
                sex,
                value,
                numerator: null,
                denominator: null,
              };
            }
          }
        }
      }
    }
  }
  return { regions, indicators, targets, observations, observationCount };
}

function baseValue(i: number): number {
  const kind = i % 6;
  if (kind === 2 || kind === 3) return 10 + (i % 7) * 3; // per 100,000
  if (kind === 4) return 1000 + i * 10; // a count
  return 40 + (i % 9) * 5; // a %
}

function memoryMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

/**
 * evaluation-full: the whole dataset evaluated in memory (roll-up of every indicator × sex, every target ×
 * region with two milestones, projection and explanation, volatility, cross-region z-scores, alerts,
 * attainment, every region's ranking with rank change), median of 3 after a warm-up, with the resident
 * memory after; evaluation-one-change: one county value changed and re-evaluated (`update`), median of 25.
 */
async function evaluationFull(): Promise<BenchResult> {
  const data = syntheticDataset(SCALE);
  const loadStart = performance.now();
  const engine = new EvaluationEngine(data.regions, data.indicators, data.targets, data.observations(), {
    year: 2030,
    years: YEARS,
  });
  const firstMs = performance.now() - loadStart;
  const times: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    engine.recompute();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const alerts = engine.alertCount();
  const ranked = engine.rankingOf('000000')?.regions.length ?? 0;
  lastEngine = { engine, data };
  lastFullMs = Math.round((times[Math.floor(times.length / 2)] as number) * 10) / 10;
  return {
    name: 'evaluation-full',
    ms: lastFullMs,
    // CPU time of this process in the timed runs: on a shared machine wall time includes waiting for a core
    cpu_ms: Math.round(cpu[Math.floor(cpu.length / 2)] as number),
    load_and_first_ms: Math.round(firstMs),
    scale: SCALE,
    regions: data.regions.length,
    indicators: INDICATORS,
    observations: data.observationCount,
    assessments: data.targets.length * data.regions.length,
    alerts,
    ranked_provinces: ranked,
    rss_mb: memoryMb(),
  };
}

let lastEngine: { engine: EvaluationEngine; data: SyntheticDataset } | null = null;

async function evaluationOneChange(): Promise<BenchResult> {
  if (!lastEngine) await evaluationFull();
  const { engine, data } = lastEngine as { engine: EvaluationEngine; data: SyntheticDataset };
  const county = data.regions.find((r) => r.level === 'county') as DatasetRegion;
  const times: number[] = [];
  for (let run = 0; run < 25; run++) {
    const start = performance.now();
    const changed = engine.update({
      indicatorCode: 'health.synthetic_0',
      regionCode: county.code,
      year: 2030,
      sex: '女',
      value: 50 + run,
      numerator: (50 + run) * 100,
      denominator: 10000,
    });
    times.push(performance.now() - start);
    if (changed.length === 0) throw new Error('the change reached nothing');
  }
  times.sort((a, b) => a - b);
  return {
    name: 'evaluation-one-change',
    ms: Math.round((times[12] as number) * 100) / 100,
    p99_ms: Math.round((times[24] as number) * 100) / 100,
    scale: SCALE,
    regions: data.regions.length,
  };
}

/**
 * evaluation-rollup-sql-baseline: the same roll-up written as SQL on PostgreSQL (DATABASE_URL's server, or
 * one started with embedded-postgres): every region's ancestors in a closure table, and one GROUP BY per
 * (ancestor, indicator, year, sex) summing numerators, denominators and counts over the counties, stored with
 * CREATE TABLE … AS; median of 3. Loading the rows is outside the timing. Reported beside the in-memory
 * roll-up alone (`engine_rollup_ms`) and the full evaluation (`evaluation_ms`), with their ratios.
 */
async function evaluationSqlBaseline(): Promise<BenchResult> {
  if (!lastEngine) await evaluationFull();
  const { engine, data } = lastEngine as { engine: EvaluationEngine; data: SyntheticDataset };
  const rollTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    engine.rollUpAll();
    rollTimes.push(performance.now() - start);
  }
  rollTimes.sort((a, b) => a - b);
  const configured = process.env.DATABASE_URL;
  const server = configured
    ? { url: configured, stop: async () => undefined }
    : await startEmbeddedPostgres();
  const name = `halfsky_bench_eval_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server.url);
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const regionId = new Map(data.regions.map((r, i) => [r.code, i]));
    const indicatorId = new Map(data.indicators.map((d, i) => [d.code, i]));
    await client.query(`CREATE TABLE ind (id int PRIMARY KEY, kind text, multiplier float8)`);
    await client.query(`CREATE TABLE closure (region int, ancestor int)`);
    await client.query(
      `CREATE TABLE obs (indicator int, region int, year int, sex int, value float8, num float8, den float8)`,
    );
    await client.query(`INSERT INTO ind SELECT * FROM unnest($1::int[], $2::text[], $3::float8[])`, [
      data.indicators.map((_, i) => i),
      data.indicators.map((d) => d.rollUp.kind),
      data.indicators.map((d) => (d.rollUp.kind === 'ratio' ? d.rollUp.multiplier : 1)),
    ]);
    const parentOf = new Map(data.regions.map((r) => [r.code, r.parent]));
    const closure: [number, number][] = [];
    for (const r of data.regions) {
      for (let a = r.parent; a !== null; a = parentOf.get(a) ?? null)
        closure.push([regionId.get(r.code)!, regionId.get(a)!]);
    }
    await client.query(`INSERT INTO closure SELECT * FROM unnest($1::int[], $2::int[])`, [
      closure.map((c) => c[0]),
      closure.map((c) => c[1]),
    ]);
    const batch = {
      i: [] as number[],
      r: [] as number[],
      y: [] as number[],
      s: [] as number[],
      v: [] as number[],
      n: [] as (number | null)[],
      d: [] as (number | null)[],
    };
    const flush = async () => {
      if (batch.i.length === 0) return;
      await client.query(
        `INSERT INTO obs SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::float8[], $6::float8[], $7::float8[])`,
        [batch.i, batch.r, batch.y, batch.s, batch.v, batch.n, batch.d],
      );
      for (const k of Object.keys(batch) as (keyof typeof batch)[]) batch[k] = [];
    };
    for (const o of data.observations()) {
      batch.i.push(indicatorId.get(o.indicatorCode)!);
      batch.r.push(regionId.get(o.regionCode)!);
      batch.y.push(o.year);
      batch.s.push(o.sex === '女' ? 1 : 2);
      batch.v.push(o.value);
      batch.n.push(o.numerator);
      batch.d.push(o.denominator);
      if (batch.i.length >= 100_000) await flush();
    }
    await flush();
    await client.query('ANALYZE');
    const times: number[] = [];
    let rows = 0;
    for (let run = 0; run <= RUNS; run++) {
      await client.query('DROP TABLE IF EXISTS rolled');
      const start = performance.now();
      const result = await client.query(`
        CREATE TABLE rolled AS
        SELECT c.ancestor AS region, o.indicator, o.year, o.sex,
               CASE WHEN i.kind = 'ratio' THEN sum(o.num) / nullif(sum(o.den), 0) * max(i.multiplier)
                    ELSE sum(o.value) END AS value,
               sum(o.num) AS num, sum(o.den) AS den, count(*) AS contributed
        FROM obs o
        JOIN ind i ON i.id = o.indicator AND i.kind <> 'reported'
        JOIN closure c ON c.region = o.region
        GROUP BY c.ancestor, o.indicator, o.year, o.sex, i.kind`);
      if (run > 0) times.push(performance.now() - start); // the first run warms the cache
      rows = result.rowCount ?? 0;
    }
    times.sort((a, b) => a - b);
    const baseline = Math.round((times[Math.floor(times.length / 2)] as number) * 10) / 10;
    const engineRollUp = Math.round((rollTimes[Math.floor(rollTimes.length / 2)] as number) * 10) / 10;
    return {
      name: 'evaluation-rollup-sql-baseline',
      ms: engineRollUp,
      baseline_ms: baseline,
      ratio: Math.round((engineRollUp / baseline) * 1000) / 1000,
      evaluation_ms: lastFullMs,
      evaluation_vs_baseline: Math.round((lastFullMs / baseline) * 1000) / 1000,
      rolled_rows: rows,
      observations: data.observationCount,
      scale: SCALE,
    };
  } finally {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
    await server.stop();
  }
}

let lastFullMs = 0;

export const evaluationBenchmarks = [
  evaluationFull,
  evaluationOneChange,
  evaluationSqlBaseline,
  ...evaluationServiceBenchmarks,
];
