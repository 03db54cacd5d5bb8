import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { toGoldJson } from '../src/plan-import/to-gold-json.js';
import { requireShared, SEEDS, sharedDir } from './support/seeds.js';

interface Score {
  num: { f1: number };
  dir: { f1: number };
}

/** Runs the project's official scorer (../shared/gold/score_plan.py) on our parse of a seed. */
function score(id: string, file: string): Score {
  const doc = join(sharedDir, 'seeds', file);
  const out = join(mkdtempSync(join(tmpdir(), 'halfsky-acc-')), `${id}.json`);
  writeFileSync(out, JSON.stringify(toGoldJson(parsePlanText(readFileSync(doc, 'utf8'), { id }))));
  const line = execFileSync(
    'python3',
    [join(sharedDir, 'gold', 'score_plan.py'), doc, join(sharedDir, 'gold', `${id}.json`), out],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(line) as Score;
}

describe('plan importer accuracy on the seed plans (score_plan.py)', () => {
  beforeAll(requireShared);

  it.each(SEEDS)('$id: numeric F1 ≥ 0.95 and directional F1 ≥ 0.80', ({ id, file }) => {
    const s = score(id, file);
    expect(s.num.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.dir.f1).toBeGreaterThanOrEqual(0.8);
  });

  it.each(SEEDS)('$id: metadata and area structure match the gold file', ({ id, file }) => {
    const gold = JSON.parse(readFileSync(join(sharedDir, 'gold', `${id}.json`), 'utf8'));
    const plan = toGoldJson(parsePlanText(readFileSync(join(sharedDir, 'seeds', file), 'utf8'), { id }));
    expect({
      region: plan.region,
      level: plan.level,
      parent: plan.parent_region,
      period: plan.period,
    }).toEqual({
      region: gold.region,
      level: gold.level,
      parent: gold.parent_region,
      period: gold.period,
    });
    const counts = (areas: { code: string; goals: number; measures: number }[]) =>
      Object.fromEntries(areas.map((a) => [a.code, [a.goals, a.measures]]));
    expect(counts(plan.areas)).toEqual(counts(gold.areas));
  });
});
