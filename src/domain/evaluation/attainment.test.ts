import { describe, expect, it } from 'vitest';
import { attainment, type AttainmentItem } from './attainment.js';

describe('attainment', () => {
  it('empty input: rate null, not 0 %', () => {
    expect(attainment([])).toEqual({
      overall: { group: 'overall', achieved: 0, assessable: 0, notAssessable: 0, qualitative: 0, rate: null },
      groups: [],
    });
  });

  it('single achieved target: 100 %', () => {
    expect(attainment([{ comparator: '<=', status: 'achieved', group: 'health' }]).overall.rate).toBe(1);
  });

  it('only qualitative or unassessable targets: rate null with the counts', () => {
    const r = attainment([
      { comparator: 'increase', status: 'on_track', group: 'health' },
      { comparator: '>=', status: 'insufficient_data', group: 'health' },
    ]).overall;
    expect(r).toMatchObject({ assessable: 0, notAssessable: 1, qualitative: 1, rate: null });
  });

  it('per group with counts: health 2/3, education 0/1, overall 2/4', () => {
    const items: AttainmentItem[] = [
      { comparator: '<=', status: 'achieved', group: 'health' },
      { comparator: '>=', status: 'achieved', group: 'health' },
      { comparator: '~', status: 'deterioration', group: 'health' },
      { comparator: 'maintain', status: 'achieved', group: 'health' },
      { comparator: '=', status: 'on_track', group: 'education' },
      { comparator: '>=', status: 'not_assessable', group: 'education' },
    ];
    const r = attainment(items);
    expect(r.overall).toMatchObject({
      achieved: 2,
      assessable: 4,
      notAssessable: 1,
      qualitative: 1,
      rate: 0.5,
    });
    expect(r.groups.map((g) => [g.group, g.achieved, g.assessable, g.rate])).toEqual([
      ['health', 2, 3, 2 / 3],
      ['education', 0, 1, 0],
    ]);
  });
});
