import { describe, expect, it } from 'vitest';
import { ranking, type RankingIndicator, type RegionValues } from './ranking.js';
import { shrinkSmallPopulation } from './shrink-small-population.js';

const indicators: RankingIndicator[] = [
  { id: 'mmr', direction: 'down', target: 12 },
  { id: 'hospital_delivery', direction: 'up', target: 99 },
];
const region = (id: string, mmr: number | null, hd: number | null): RegionValues => ({
  region: id,
  values: { mmr: { value: mmr }, hospital_delivery: { value: hd } },
});
// Worked example. mmr: worst 20 → A 10 meets (1), B (14−20)/(12−20) = 0.75, C 0, E = A.
// hospital_delivery: worst 97 → A (98−97)/(99−97) = 0.5, B 99.5 meets (1), C 0.5, D 0, E = A.
const regions = [
  region('A', 10, 98),
  region('B', 14, 99.5),
  region('C', 20, 98),
  region('D', null, 97),
  region('E', 10, 98),
  region('F', null, null),
];

describe('ranking', () => {
  it('empty input → empty ranking', () => {
    expect(ranking(indicators, [])).toEqual([]);
  });

  it('a single region with data ranks first', () => {
    const [r] = ranking(indicators, [region('A', 15, 90)]);
    expect(r).toMatchObject({ rank: 1, status: 'ranked', score: 0 }); // it is the worst on both scales
  });

  it('worked example: scores, competition ranks with a tie, insufficient data last', () => {
    const r = ranking(indicators, regions);
    expect(r.map((x) => [x.region, x.rank, x.score])).toEqual([
      ['B', 1, 0.875],
      ['A', 2, 0.75],
      ['E', 2, 0.75],
      ['C', 4, 0.25],
      ['D', 5, 0], // data on 1 of 2 indicators: half is enough
      ['F', null, null],
    ]);
    expect(r[5]?.status).toBe('insufficient_data');
  });

  it('explains each score by its components, which add up to it', () => {
    const b = ranking(indicators, regions).find((x) => x.region === 'B');
    expect(b?.components.map((c) => [c.indicator, c.score, c.contribution])).toEqual([
      ['mmr', 0.75, 0.375],
      ['hospital_delivery', 1, 0.5],
    ]);
  });

  it('is the same for any input order', () => {
    const strip = (rs: ReturnType<typeof ranking>) => rs.map((x) => [x.region, x.rank, x.score]);
    expect(strip(ranking(indicators, [...regions].reverse()))).toEqual(strip(ranking(indicators, regions)));
  });

  it('data on fewer than half the indicators → not ranked', () => {
    const three = [...indicators, { id: 'x', direction: 'up' as const, target: 1 }];
    const [, d] = ranking(three, [region('A', 10, 98), region('D', null, 97)]);
    expect(d).toMatchObject({ region: 'D', status: 'insufficient_data', indicatorsWithData: 1 });
  });

  it('rank change against last year: positive means moved up', () => {
    const r = ranking(indicators, regions, { B: 3, A: 1, C: null });
    const by = Object.fromEntries(r.map((x) => [x.region, x.rankChange]));
    expect(by).toMatchObject({ B: 2, A: -1, C: null, D: null });
  });

  it('no target: the best observed value is the top of the scale', () => {
    const r = ranking(
      [{ id: 'mmr', direction: 'down', target: null }],
      [region('A', 10, null), region('B', 20, null)],
    );
    expect(r.map((x) => x.score)).toEqual([1, 0]);
  });
});

describe('shrinkSmallPopulation', () => {
  it.each([
    ['no data', null, 400, 1000, 15, { value: null, smallPopulation: false }],
    ['no threshold', 250, 400, null, 15, { value: 250, credibility: 1 }],
    ['unknown denominator', 250, null, 1000, 15, { value: 250, smallPopulation: false }],
    ['at the threshold', 250, 1000, 1000, 15, { value: 250, credibility: 1, smallPopulation: false }],
    [
      'small, no parent',
      250,
      400,
      1000,
      null,
      { value: null, smallPopulation: true, reason: 'no_parent_value' },
    ],
    ['zero denominator → parent', 0, 0, 1000, 15, { value: 15, credibility: 0 }],
  ])('%s', (_name, value, d, m, parent, expected) => {
    expect(shrinkSmallPopulation(value, d, m, parent)).toMatchObject(expected);
  });

  it('worked example: 1 death in 400 births (250/10万), parent 15, threshold 1000', () => {
    // Z = √0.4 = 0.632456; 0.632456·250 + 0.367544·15 = 163.627
    const r = shrinkSmallPopulation(250, 400, 1000, 15);
    expect(r.credibility).toBeCloseTo(0.632456, 6);
    expect(r.value).toBeCloseTo(163.627, 3);
  });

  it('ranking uses the shrunk value and flags it', () => {
    const ind: RankingIndicator[] = [
      { id: 'mmr', direction: 'down', target: 12, minDenominator: 1000, parentValue: 15 },
    ];
    const small: RegionValues = { region: 'S', values: { mmr: { value: 250, denominator: 400 } } };
    const c = ranking(ind, [small, region('A', 10, null)]).find((x) => x.region === 'S')?.components[0];
    expect(c).toMatchObject({ raw: 250, smallPopulation: true });
    expect(c?.used).toBeCloseTo(163.627, 3);
  });
});
