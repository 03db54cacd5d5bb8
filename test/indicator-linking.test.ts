import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { linkPlan, linkTarget } from '../src/domain/indicators/link-targets.js';
import type { Target } from '../src/domain/plan.js';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { SEEDS, requireShared, sharedDir, shippedPlan } from './support/seeds.js';

const plans = SEEDS.map(({ id }) => parsePlanText(readFileSync(shippedPlan(id), 'utf8'), { id }));
const results = plans.map((plan) => ({ plan, r: linkPlan(plan, INDICATOR_CATALOG) }));

describe('linking the seed plans to the indicator catalogue', () => {
  it.each(results.map((x) => [x.plan.id, x] as const))(
    '%s: every numeric target links automatically',
    (_id, { plan, r }) => {
      const numeric = r.links.filter((l) => l.target.value !== null);
      expect(numeric.length).toBeGreaterThan(0);
      expect(numeric.filter((l) => l.indicatorCode === null).map((l) => l.target.text)).toEqual([]);
      expect(r.share.numeric).toBe(1);
      expect(r.links.every((l) => l.method !== 'override')).toBe(true);
      console.info(`${plan.id}: share ${JSON.stringify(r.share)} of ${r.links.length} targets`);
    },
  );

  it('links directional targets where a measurable indicator exists, and lists the rest', () => {
    const directional = results.flatMap((x) => x.r.links.filter((l) => l.target.value === null));
    const linked = directional.filter((l) => l.indicatorCode !== null).length;
    console.info(`directional: ${linked}/${directional.length} linked`);
    expect(linked / directional.length).toBeGreaterThanOrEqual(0.95);
    for (const { r } of results)
      expect(r.unlinked.length).toBe(r.links.filter((l) => !l.indicatorCode).length);
  });

  it('uses one code for the same indicator in every plan', () => {
    for (const [wording, code] of [
      ['孕产妇死亡率', 'health.maternal_mortality'],
      ['艾滋病母婴传播率', 'health.hiv_mtct_rate'],
      ['妇女基本医疗保险参保率', 'social_security.medical_insurance_coverage'],
      ['农村自来水普及率', 'environment.rural_tap_water'],
    ] as const) {
      for (const { plan, r } of results) {
        const mine = r.links.filter((l) => l.target.indicator === wording);
        expect(mine.length, `${plan.id} ${wording}`).toBeGreaterThan(0);
        for (const l of mine) expect(l.indicatorCode, `${plan.id} ${wording}`).toBe(code);
      }
    }
  });

  it('tells apart the two values of a 分别 list and a number carried by the words after it', () => {
    const zhongwei = results.find((x) => x.plan.id === 'zhongwei')!.r;
    const screening = zhongwei.links.filter(
      (l) =>
        l.target.section === 'goal' &&
        l.target.area === 'health' &&
        l.target.item === 4 &&
        l.target.value !== null,
    );
    expect(screening.map((l) => [l.target.value, l.indicatorCode])).toEqual([
      [70, 'health.cervical_cancer_screening'],
      [50, 'health.breast_cancer_screening'],
    ]);
    const anqing = results.find((x) => x.plan.id === 'anqing')!.r;
    expect(
      anqing.links.find((l) => l.target.section === 'measure' && l.target.value === 70)?.indicatorCode,
    ).toBe('health.cervical_screening_35_45');
  });

  it('links every numeric target of the gold labels by its indicator wording alone', () => {
    requireShared();
    const unlinked: string[] = [];
    for (const { id } of SEEDS) {
      const gold = JSON.parse(readFileSync(join(sharedDir, 'gold', `${id}.json`), 'utf8')) as {
        targets: (Omit<Target, 'value'> & { value: number | string | null })[];
      };
      for (const g of gold.targets.filter((t) => t.value !== null)) {
        const t: Target = { ...g, value: typeof g.value === 'number' ? g.value : null };
        if (linkTarget(t, INDICATOR_CATALOG).indicatorCode === null) unlinked.push(`${id}: ${g.indicator}`);
      }
    }
    expect(unlinked).toEqual([]);
  });
});
