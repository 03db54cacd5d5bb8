import { describe, expect, it } from 'vitest';
import { reconcileRollUp } from './reconcile-roll-up.js';
import { rollUp } from './roll-up.js';

const per100k = { kind: 'ratio', multiplier: 100_000 } as const;

describe('rollUp', () => {
  it.each([
    ['no children', []],
    ['only nulls', [{ region: 'A', numerator: null, denominator: 1000 }]],
  ])('%s → null, no_data', (_name, children) => {
    expect(rollUp(per100k, children)).toMatchObject({ value: null, reason: 'no_data' });
  });

  it('ratio of sums, not mean of rates: counties 1/1000 and 1/20000 births', () => {
    const r = rollUp(per100k, [
      { region: 'A', numerator: 1, denominator: 1_000 }, // 100/10万
      { region: 'B', numerator: 1, denominator: 20_000 }, // 5/10万
    ]);
    // 2 / 21 000 × 100 000 = 9.5238, while the mean of rates would be 52.5
    expect(r.value).toBeCloseTo(9.5238, 4);
    expect(r).toMatchObject({ numerator: 2, denominator: 21_000, coverage: { complete: true } });
  });

  it('ratio equals the ratio of sums whatever the order of children', () => {
    const children = [
      { region: 'A', numerator: 3, denominator: 50 },
      { region: 'B', numerator: 7, denominator: 90 },
      { region: 'C', numerator: 1, denominator: 60 },
    ];
    const pct = { kind: 'ratio', multiplier: 100 } as const;
    expect(rollUp(pct, [...children].reverse()).value).toBeCloseTo((11 / 200) * 100, 12);
  });

  it('a single child rolls up to its own rate', () => {
    expect(rollUp(per100k, [{ region: 'A', numerator: 3, denominator: 20_000 }]).value).toBeCloseTo(15, 12);
  });

  it('missing children are listed, not counted as zero', () => {
    const r = rollUp(
      { kind: 'sum' },
      [
        { region: 'A', value: 5 },
        { region: 'B', value: null },
      ],
      ['A', 'B', 'C'],
    );
    expect(r).toMatchObject({
      value: 5,
      coverage: { expected: 3, contributed: ['A'], missing: ['B', 'C'], complete: false },
    });
  });

  it('denominators summing to zero → null, zero_denominator', () => {
    expect(rollUp(per100k, [{ region: 'A', numerator: 0, denominator: 0 }])).toMatchObject({
      value: null,
      reason: 'zero_denominator',
    });
  });

  it("'reported' indicators are not aggregable", () => {
    expect(rollUp({ kind: 'reported' }, [{ region: 'A', value: 30 }])).toMatchObject({
      value: null,
      reason: 'not_aggregable',
    });
  });
});

describe('reconcileRollUp', () => {
  it.each([
    [
      'both: reported used, difference shown',
      12,
      10,
      { value: 12, source: 'reported', difference: 2, relativeDifference: 0.2 },
    ],
    ['reported only', 12, null, { value: 12, source: 'reported', difference: null }],
    ['roll-up only', null, 10, { value: 10, source: 'rolled_up', difference: null }],
    ['neither', null, null, { value: null, source: null, difference: null }],
    ['roll-up of 0', 1, 0, { difference: 1, relativeDifference: null }],
  ])('%s', (_name, reported, rolled, expected) => {
    expect(reconcileRollUp(reported, rolled)).toMatchObject(expected);
  });
});
