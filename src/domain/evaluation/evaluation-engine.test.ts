import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../demo/mulberry32.js';
import type {
  DatasetIndicator,
  DatasetObservation,
  DatasetRegion,
  DatasetTarget,
} from './evaluation-dataset.js';
import { EvaluationEngine } from './evaluation-engine.js';
import { rollUp } from './roll-up.js';

const regions: DatasetRegion[] = [
  { code: 'C', name: '市', level: 'city', parent: null },
  ...['A', 'B', 'D', 'E', 'F'].map((c) => ({ code: c, name: `${c}县`, level: 'county', parent: 'C' })),
];
const rate: DatasetIndicator = {
  code: 'health.rate',
  nameZh: '住院分娩率',
  unit: '%',
  rollUp: { kind: 'ratio', multiplier: 100 },
  sex: '女',
  better: 'up',
  department: '卫健局',
  minDenominator: 100,
};
const mmr: DatasetIndicator = {
  ...rate,
  code: 'health.mmr',
  nameZh: '孕产妇死亡率',
  unit: '1/10万',
  rollUp: { kind: 'ratio', multiplier: 100000 },
  better: 'down',
  minDenominator: 10000,
};
const survey: DatasetIndicator = { ...rate, code: 'family.survey', rollUp: { kind: 'reported' } };
const targets: DatasetTarget[] = [
  {
    key: 'k-rate',
    indicatorCode: rate.code,
    area: 'health',
    label: '住院分娩率',
    milestones: [
      { indicator: '住院分娩率', comparator: '>=', value: 95, unit: '%', year: 2025 },
      { indicator: '住院分娩率', comparator: '>=', value: 98, unit: '%', year: 2030 },
    ],
    responsible: ['卫健局'],
  },
  {
    key: 'k-mmr',
    indicatorCode: mmr.code,
    area: 'health',
    label: '孕产妇死亡率',
    milestones: [{ indicator: '孕产妇死亡率', comparator: '<=', value: 12, unit: '1/10万', year: 2030 }],
    responsible: ['卫健局', '妇联'],
  },
  {
    key: 'k-survey',
    indicatorCode: survey.code,
    area: 'family',
    label: '调查',
    milestones: [{ indicator: '调查', comparator: 'increase', value: null, unit: '%', year: 2030 }],
    responsible: [],
  },
];

function observations(seed = 1): DatasetObservation[] {
  const random = mulberry32(seed);
  const out: DatasetObservation[] = [];
  for (const r of regions.filter((x) => x.level === 'county')) {
    for (let year = 2020; year <= 2024; year++) {
      if (r.code === 'F' && year === 2024) continue; // late data
      const births = Math.round(5000 + 20000 * random());
      const hospital = Math.round(births * (0.85 + 0.02 * (year - 2020) + 0.05 * random()));
      out.push({
        indicatorCode: rate.code,
        regionCode: r.code,
        year,
        sex: '女',
        value: (hospital / births) * 100,
        numerator: hospital,
        denominator: births,
      });
      const deaths = Math.round(births * 0.00015 * (1 + random()));
      out.push({
        indicatorCode: mmr.code,
        regionCode: r.code,
        year,
        sex: '女',
        value: (deaths / births) * 100000,
        numerator: deaths,
        denominator: births,
      });
    }
  }
  for (const r of regions) {
    for (let year = 2020; year <= 2024; year++)
      out.push({
        indicatorCode: survey.code,
        regionCode: r.code,
        year,
        sex: '女',
        value: 40 + year - 2020 + random(),
        numerator: null,
        denominator: null,
      });
  }
  return out;
}

const engineOf = (obs: DatasetObservation[], rs = regions) =>
  new EvaluationEngine(rs, [rate, mmr, survey], targets, obs, { year: 2024 });

describe('EvaluationEngine', () => {
  it('rolls a rate up from the counties as the ratio of sums (never the mean of rates), as rollUp does', () => {
    const obs = observations();
    const engine = engineOf(obs);
    const y2023 = obs.filter((o) => o.indicatorCode === rate.code && o.year === 2023);
    const cell = engine.valueOf(rate.code, 'C', 2023)!;
    const sums = y2023.reduce((a, o) => [a[0]! + o.numerator!, a[1]! + o.denominator!], [0, 0]);
    expect(cell.rolledUp).toBeCloseTo((sums[0]! / sums[1]!) * 100, 10);
    expect(cell.rolledUp).toBeCloseTo(
      rollUp(
        { kind: 'ratio', multiplier: 100 },
        y2023.map((o) => ({ region: o.regionCode, ...o })),
      ).value!,
      10,
    );
    const meanOfRates = y2023.reduce((a, o) => a + o.value, 0) / y2023.length;
    expect(Math.abs(cell.rolledUp! - meanOfRates)).toBeGreaterThan(1e-6);
    expect(cell).toMatchObject({ source: 'rolled_up', reported: null, contributed: 5, expected: 5 });
    // 2024: F is late, so 4 of 5 contributed
    expect(engine.valueOf(rate.code, 'C', 2024)).toMatchObject({ contributed: 4, expected: 5 });
  });

  it('uses a level’s own reported value and shows the difference from the roll-up', () => {
    const obs = observations();
    obs.push({
      indicatorCode: rate.code,
      regionCode: 'C',
      year: 2023,
      sex: '女',
      value: 90,
      numerator: null,
      denominator: null,
    });
    const cell = engineOf(obs).valueOf(rate.code, 'C', 2023)!;
    expect(cell.source).toBe('reported');
    expect(cell.value).toBe(90);
    expect(cell.difference).toBeCloseTo(90 - cell.rolledUp!, 10);
    // a 'reported' indicator is never rolled up
    expect(engineOf(obs).valueOf(survey.code, 'C', 2023)).toMatchObject({
      source: 'reported',
      rolledUp: null,
    });
  });

  it('makes the same decisions on its fast path as the full assessment and alert rules', () => {
    const engine = engineOf(observations(3));
    for (const code of engine.regionCodes()) {
      const fast = engine.statusesFor(code);
      const full = engine.resultsFor(code);
      expect(fast.map((f) => f.status)).toEqual(full.map((r) => r.assessment.current?.status));
      expect(fast.map((f) => f.alerts.map((a) => `${a.rule}:${a.level}`).sort())).toEqual(
        full.map((r) => r.alerts.map((a) => `${a.rule}:${a.level}`).sort()),
      );
    }
    expect(engine.alerts().length).toBe(engine.alertCount());
    expect(engine.alerts().some((a) => a.rule === 'data_missing' && a.regionCode === 'F')).toBe(true);
  });

  it('after one changed value, is exactly what a fresh evaluation gives', () => {
    const obs = observations(5);
    const engine = engineOf(obs);
    const change = {
      indicatorCode: rate.code,
      regionCode: 'B',
      year: 2024,
      sex: '女',
      value: 99,
      numerator: 9900,
      denominator: 10000,
    };
    const touched = engine.update(change);
    expect(touched).toContain('C');
    const fresh = engineOf([
      ...obs.filter(
        (o) => !(o.indicatorCode === change.indicatorCode && o.regionCode === 'B' && o.year === 2024),
      ),
      change,
    ]);
    for (const code of fresh.regionCodes()) {
      expect(engine.statusesFor(code)).toEqual(fresh.statusesFor(code));
      expect(engine.attainmentFor(code)).toEqual(fresh.attainmentFor(code));
      expect(engine.resultsFor(code)).toEqual(fresh.resultsFor(code));
    }
    expect(engine.rankingOf('C')).toEqual(fresh.rankingOf('C'));
    // removing a value (null) is a change too
    engine.update({ ...change, value: null });
    expect(engine.valueOf(rate.code, 'B', 2024)?.value).toBeNull();
  });

  it('ranks the sub-regions the same whatever the order of the input', () => {
    const obs = observations(9);
    const a = engineOf(obs).rankingOf('C')!;
    const shuffled = [regions[0]!, ...regions.slice(1).reverse()];
    const b = engineOf([...obs].reverse(), shuffled).rankingOf('C')!;
    expect(b.regions.map((r) => [r.region, r.rank, r.score])).toEqual(
      a.regions.map((r) => [r.region, r.rank, r.score]),
    );
    expect(a.regions.every((r) => r.previousRank !== undefined)).toBe(true);
    expect(a.indicators.map((i) => i.code)).toEqual([rate.code, mmr.code]);
  });

  it('ranks on its fast path exactly as ranking() does, this year and last (small populations shrunk)', () => {
    let shrunk = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const engine = engineOf(observations(seed));
      const full = engine.rankingOf('C')!.regions;
      const fast = engine.ranksOf('C');
      for (const r of full) {
        const f = fast.find((x) => x.region === r.region)!;
        expect([f.rank, f.previousRank]).toEqual([r.rank, r.previousRank]);
      }
      expect(full.filter((r) => r.rank !== null).length).toBeGreaterThan(1);
      if (full.some((r) => r.components.some((c) => c.smallPopulation))) shrunk++;
    }
    expect(shrunk).toBeGreaterThan(2);
  });

  it('counts attainment from the current milestones: quantitative only, with the counts', () => {
    const att = engineOf(observations(2)).attainmentFor('C')!;
    expect(att.overall.qualitative).toBe(1);
    expect(att.overall.assessable + att.overall.notAssessable).toBe(2);
    expect(att.byArea.map((g) => g.group)).toEqual(['health', 'family']);
  });
});
