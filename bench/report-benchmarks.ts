import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { invalidateEvaluations } from '../src/services/evaluation/index.js';
import { generateReport, type GenerateReportInput } from '../src/services/reports/generate-report.js';
import { loadEvaluationReportData } from '../src/services/reports/load-report-data.js';
import { annualReportDocument } from '../src/reports/annual-report.js';
import { createDatabase, type HalfskyDatabase } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import type { BenchResult } from './median-ms.js';

/** Runs per benchmark (after one warm-up); the median is reported. */
const RUNS = Number(process.env.HALFSKY_BENCH_REPORT_RUNS ?? 5);

/** 安庆 (a city with 10 county-level sub-regions) seeded with the demo's simulated observations, in SQLite. */
async function anqingDatabase(): Promise<{ db: HalfskyDatabase; cleanup: () => Promise<void> }> {
  const work = mkdtempSync(join(tmpdir(), 'halfsky-bench-reports-'));
  mkdirSync(join(work, 'plans'));
  copyFileSync(
    join(import.meta.dirname, '..', 'data', 'plans', 'anqing.txt'),
    join(work, 'plans', 'anqing.txt'),
  );
  const db = await createDatabase({ database: { kind: 'sqlite', file: join(work, 'bench.sqlite') } });
  await migrateToLatest(db);
  await seedDemo(db, { plansDir: join(work, 'plans'), maxBytes: 20 * 1024 * 1024 });
  return {
    db,
    cleanup: async () => {
      await db.destroy();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * Median time of one report, end to end as `bin/halfsky report` does it after opening the database: the
 * plan's evaluation from the stored data (the in-memory evaluation cache is emptied before every run, so
 * each run loads and evaluates again), the report model, the charts rendered to PNG, the .docx / .xlsx.
 */
async function timeReport(
  db: HalfskyDatabase,
  input: GenerateReportInput,
): Promise<{ ms: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let run = 0; run <= RUNS; run++) {
    invalidateEvaluations(db);
    const start = performance.now();
    const report = await generateReport(db, input);
    if (run > 0) times.push(performance.now() - start); // run 0 warms up (fonts, JIT)
    bytes = report.bytes.length;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)]! * 10) / 10, bytes };
}

/** The bars: annual report and yearbook of a city with 10 sub-regions in ≤ 5 s each. */
export const reportBenchmarks: (() => Promise<BenchResult>)[] = [
  async () => {
    const { db, cleanup } = await anqingDatabase();
    try {
      const data = await loadEvaluationReportData(db, { planId: 'anqing', year: 2024 });
      const document = annualReportDocument(data);
      const { ms, bytes } = await timeReport(db, { kind: 'annual', planId: 'anqing', year: 2024 });
      return {
        name: 'report annual 安庆 2024 (10 sub-regions, docx)',
        ms,
        sub_regions: data.subRegions.length,
        targets: data.region.targets.length,
        charts: document.blocks.filter((b) => b.kind === 'chart').length,
        tables: document.blocks.filter((b) => b.kind === 'table').length,
        bytes,
      };
    } finally {
      await cleanup();
    }
  },
  async () => {
    const { db, cleanup } = await anqingDatabase();
    try {
      const docx = await timeReport(db, { kind: 'yearbook', planId: 'anqing', year: 2024 });
      const xlsx = await timeReport(db, { kind: 'yearbook', planId: 'anqing', year: 2024, format: 'xlsx' });
      return {
        name: 'report yearbook 安庆 2020–2024 (10 sub-regions, docx; xlsx_ms the workbook)',
        ms: docx.ms,
        xlsx_ms: xlsx.ms,
        bytes: docx.bytes,
        xlsx_bytes: xlsx.bytes,
      };
    } finally {
      await cleanup();
    }
  },
];

// `npx tsx bench/report-benchmarks.ts` runs these alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  for (const bench of reportBenchmarks) console.log(JSON.stringify(await bench()));
}
