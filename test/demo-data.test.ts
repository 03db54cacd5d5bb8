import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulatePlanObservations, SIMULATED_COMMENT } from '../src/domain/demo/simulate-observations.js';
import { TYPICAL_LEVELS } from '../src/domain/demo/typical-levels.js';
import { assessTarget } from '../src/domain/evaluation/assess-target.js';
import { median } from '../src/domain/evaluation/median.js';
import { modifiedZScore } from '../src/domain/evaluation/modified-z-score.js';
import { PROGRESS_STATUSES } from '../src/domain/evaluation/progress-status.js';
import { volatility } from '../src/domain/evaluation/volatility.js';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { hasSexBreakdown } from '../src/domain/indicators/indicator.js';
import { linkPlan } from '../src/domain/indicators/link-targets.js';
import type { ObservationInput } from '../src/domain/observations/observation.js';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { demoPlanInput } from '../src/services/demo/demo-plan-input.js';
import { loadPlanRegionTree } from '../src/services/reference-data/load-plan-region-tree.js';

const plansDir = join(import.meta.dirname, '..', 'data', 'plans');
const plans = readdirSync(plansDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => parsePlanText(readFileSync(join(plansDir, f), 'utf8'), { id: f.replace(/\.txt$/, '') }));
const tree = loadPlanRegionTree(plans);
const inputs = plans.map((plan) => {
  const input = demoPlanInput(plan, linkPlan(plan, INDICATOR_CATALOG).links, tree);
  if (!input) throw new Error(`no region for ${plan.id}`);
  return input;
});
const generated = inputs.map((input) => ({ input, rows: simulatePlanObservations(input) }));

describe('simulated demo data', () => {
  it('covers the five plans, their regions and sub-regions, 2020–2024, labelled as simulated', () => {
    expect(inputs.map((i) => i.childRegionCodes.length).sort((a, b) => a - b)[0]).toBeGreaterThanOrEqual(3);
    for (const { input, rows } of generated) {
      const regions = new Set(rows.map((r) => r.regionCode));
      expect(regions).toContain(input.regionCode);
      for (const child of input.childRegionCodes) expect(regions).toContain(child);
      expect(new Set(rows.map((r) => r.indicatorCode)).size).toBe(
        new Set(input.targets.map((t) => t.indicator.code)).size,
      );
    }
    const all = generated.flatMap((g) => g.rows);
    expect(all.every((r) => r.comment === SIMULATED_COMMENT && r.year >= 2020 && r.year <= 2024)).toBe(true);
  });

  it('starts a lower-is-better share with no number in the plan at a plausible level (贫血患病率 ≈ 10–25 %, not 70 %)', () => {
    for (const { input, rows } of generated)
      for (const t of input.targets) {
        const { indicator } = t;
        if (indicator.unit !== '%' || indicator.direction !== 'lower') continue;
        if (input.targets.some((o) => o.indicator.code === indicator.code && o.target.value !== null))
          continue;
        // The median over regions and years: a simulated outlier (×3) or a worsening series may stray.
        const values = rows.filter((r) => r.indicatorCode === indicator.code).map((r) => r.value);
        const [low, high] = TYPICAL_LEVELS[indicator.code] ?? [5, 25];
        expect(median(values), indicator.code).toBeLessThanOrEqual(high * 1.5);
        expect(median(values), indicator.code).toBeGreaterThanOrEqual(low * 0.5);
      }
  });

  it('is deterministic', () => {
    expect(simulatePlanObservations(inputs[0]!)).toEqual(generated[0]!.rows);
  });

  it('keeps 女 ≤ 合计 for counts, % within 0–100, and the plan region the exact roll-up of its children', () => {
    for (const { input, rows } of generated) {
      const key = (r: ObservationInput, sex = r.sex, region = r.regionCode) =>
        `${r.indicatorCode}|${region}|${r.year}|${sex}`;
      const byKey = new Map(rows.map((r) => [key(r), r]));
      expect(byKey.size).toBe(rows.length);
      for (const r of rows) {
        const indicator = INDICATOR_CATALOG.find((i) => i.code === r.indicatorCode)!;
        if (indicator.unit === '%') expect(r.value).toBeLessThanOrEqual(100);
        expect(r.value).toBeGreaterThanOrEqual(0);
        // A share or rate counts events among its denominator; a mean (受教育年限: years per person) does not.
        if (r.numerator !== null && indicator.rollUp.kind === 'ratio' && indicator.rollUp.multiplier >= 100)
          expect(r.numerator).toBeLessThanOrEqual(r.denominator!);
        if (indicator.code in TYPICAL_LEVELS && indicator.unit === '年')
          expect(r.value).toBeGreaterThanOrEqual(TYPICAL_LEVELS[indicator.code]![0] * 0.8);
        if (r.sex !== '女') continue;
        const total = byKey.get(key(r, '合计'))!;
        if (indicator.rollUp.kind === 'sum') expect(r.value).toBeLessThanOrEqual(total.value);
        if (r.numerator !== null) expect(r.numerator).toBeLessThanOrEqual(total.numerator!);
      }
      for (const r of rows.filter((o) => o.regionCode === input.regionCode && o.numerator !== null)) {
        const parts = input.childRegionCodes.map((c) => byKey.get(key(r, r.sex, c))).filter((p) => p);
        expect(parts.reduce((s, p) => s + p!.numerator!, 0)).toBe(r.numerator);
        expect(parts.reduce((s, p) => s + p!.denominator!, 0)).toBe(r.denominator);
      }
    }
  });

  it('makes every progress status occur, with cross-region outliers and volatile series', () => {
    const statuses = new Map<string, number>();
    let volatile = 0;
    let outliers = 0;
    for (const { input, rows } of generated) {
      const series = new Map<string, { year: number; value: number }[]>();
      for (const r of rows) {
        const indicator = INDICATOR_CATALOG.find((i) => i.code === r.indicatorCode)!;
        if (r.sex !== (hasSexBreakdown(indicator) ? '女' : '合计')) continue;
        const k = `${r.indicatorCode}|${r.regionCode}`;
        series.set(k, [...(series.get(k) ?? []), { year: r.year, value: r.value }]);
      }
      const codes = new Set(input.targets.map((t) => t.indicator.code));
      for (const code of codes) {
        const targets = input.targets.filter((t) => t.indicator.code === code).map((t) => t.target);
        for (const region of [input.regionCode, ...input.childRegionCodes]) {
          const s = series.get(`${code}|${region}`) ?? [];
          const status = assessTarget(s, targets).current?.status;
          if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (volatility(s).volatile) volatile++;
        }
        for (const year of [2020, 2021, 2022, 2023, 2024]) {
          const values = input.childRegionCodes.map(
            (c) => series.get(`${code}|${c}`)?.find((p) => p.year === year)?.value ?? null,
          );
          outliers += modifiedZScore(values).outliers.filter(Boolean).length;
        }
      }
    }
    const required = PROGRESS_STATUSES.filter((s) => s !== 'not_assessable');
    expect(required).toHaveLength(6);
    for (const status of required) expect(statuses.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(outliers).toBeGreaterThan(0);
    expect(volatile).toBeGreaterThan(0);
  });
});
