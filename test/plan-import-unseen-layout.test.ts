import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../src/plan-import/parse-plan.js';

/**
 * A plan written in a layout none of the seeds uses: a province, markdown chapters (第二章), goals
 * numbered (1), year-first sentences, ≥ signs, a page footer mid-sentence and a 责任单位 label.
 */
const doc = readFileSync(join(import.meta.dirname, 'fixtures', 'hebei-style-plan.md'), 'utf8');
const plan = parsePlanText(doc);

describe('a plan in an unseen layout', () => {
  it('reads the title, region and level from the title line and GB/T 2260', () => {
    expect(plan).toMatchObject({
      region: '河北省',
      level: 'province',
      parentRegion: null,
      period: [2021, 2030],
      id: '130000',
    });
    expect(plan.title).toBe('河北省妇女发展规划（2021—2030年）');
  });

  it('finds the areas and their numbered items, skipping the table of contents and 组织实施', () => {
    expect(plan.areas.map((a) => [a.code, a.goals.length, a.measures.length])).toEqual([
      ['health', 4, 2],
      ['education', 2, 1],
    ]);
  });

  it('reads every target with its comparator, value, unit and year', () => {
    expect(
      plan.targets.map((t) => [t.area, t.section, t.item, t.comparator, t.value, t.unit, t.year]),
    ).toEqual([
      ['health', 'goal', 1, '<=', 8, '1/10万', 2030],
      ['health', 'goal', 1, '<=', 9, '1/10万', 2025],
      ['health', 'goal', 2, '>=', 60, '%', 2025],
      ['health', 'goal', 2, '>=', 75, '%', 2030],
      ['health', 'goal', 3, 'increase', null, null, 2030],
      ['health', 'goal', 4, '>=', 95, '%', 2030],
      ['health', 'goal', 4, '>=', 90, '%', 2030],
      ['health', 'measure', 1, '=', 1, '所', 2030],
      ['health', 'measure', 2, '>=', 35, '%', 2030],
      ['education', 'goal', 1, '>=', 11.5, '年', 2030],
      ['education', 'goal', 2, 'decrease', null, null, 2030],
      ['education', 'measure', 1, '>=', 98, '%', 2030],
    ]);
    for (const t of plan.targets) expect(doc).toContain(t.text);
  });

  it('carries the milestone indicator over to the 2025 and 2030 parts of one goal', () => {
    const goal2 = plan.targets
      .filter((t) => t.area === 'health' && t.section === 'goal' && t.item === 2)
      .map((t) => t.indicator);
    expect(goal2).toEqual(['适龄妇女宫颈癌人群筛查率', '适龄妇女宫颈癌人群筛查率']);
  });

  it('takes responsible units from a 责任单位 label, normalised, with the raw text kept', () => {
    const measure = plan.areas[0]!.measures[0]!;
    expect(measure.responsibility).toEqual({
      departments: ['卫健局', '妇联'],
      raw: '(责任单位:省卫生健康委、省妇联)',
    });
    expect(plan.targets.find((t) => t.section === 'measure' && t.item === 1)?.responsible).toEqual([
      '卫健局',
      '妇联',
    ]);
  });
});
