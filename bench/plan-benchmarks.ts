import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { openDatabase } from '../src/store/open-database.js';
import { savePlan } from '../src/store/plan-repository.js';
import { type BenchResult, medianMs } from './median-ms.js';

const plansDir = join(import.meta.dirname, '..', 'data', 'plans');
const seeds = readdirSync(plansDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(plansDir, f), 'utf8') }));

/** Parsing the five seed plans (about 400 kB of text) into plans with their targets. */
async function parseSeeds(): Promise<BenchResult> {
  let targets = 0;
  const ms = await medianMs(7, () => {
    targets = seeds.reduce((n, s) => n + parsePlanText(s.text, { id: s.id }).targets.length, 0);
  });
  return { name: 'plan-parse-seeds', ms, documents: seeds.length, rows: targets };
}

/** Storing the five parsed seed plans in SQLite, each in its own transaction (re-import replaces). */
async function importSeedsSqlite(): Promise<BenchResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'halfsky-bench-')), 'bench.sqlite');
  const db = await openDatabase({ database: { kind: 'sqlite', file } });
  const plans = seeds.map((s) => parsePlanText(s.text, { id: s.id }));
  const source = (text: string) => ({ format: 'txt' as const, text });
  const ms = await medianMs(5, async () => {
    for (const [i, plan] of plans.entries()) await savePlan(db, plan, source(seeds[i]!.text));
  });
  await db.destroy();
  return {
    name: 'plan-store-seeds-sqlite',
    ms,
    documents: plans.length,
    rows: plans.reduce((n, p) => n + p.targets.length, 0),
  };
}

export const planBenchmarks = [parseSeeds, importSeedsSqlite];
