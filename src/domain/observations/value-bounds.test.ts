import { describe, expect, it } from 'vitest';
import { findIndicator } from '../indicators/catalog.js';
import type { RawObservationRow } from './observation-columns.js';
import { parseObservationRow } from './parse-observation-row.js';
import { yearOnYearChange } from './change-threshold.js';
import { isCount, numeratorWithinDenominator, valueBounds } from './value-bounds.js';
import { RegionTree } from '../regions/region-tree.js';
import { FIXTURE_ROWS } from '../regions/region-rows.fixture.js';

const ind = (code: string) => findIndicator(code)!;
const tree = new RegionTree(FIXTURE_ROWS);
const row = (indicator: string, value: string): RawObservationRow => ({
  line: 2,
  cells: { indicator, region: '340800', year: '2024', value },
});

describe('valueBounds', () => {
  it('lets a gross enrolment rate exceed 100 % but keeps other percentages within 0–100', () => {
    expect(valueBounds(ind('education.upper_secondary_gross_enrolment'))).toEqual({ min: 0, max: 200 });
    expect(valueBounds(ind('education.compulsory_retention'))).toEqual({ min: 0, max: 100 });
    expect(numeratorWithinDenominator(ind('education.upper_secondary_gross_enrolment'))).toBe(false);
    expect(numeratorWithinDenominator(ind('education.compulsory_retention'))).toBe(true);
  });
  it('bounds rates per 10万 plausibly and counts from below', () => {
    expect(valueBounds(ind('health.maternal_mortality'))).toEqual({ min: 0, max: 10_000 });
    expect(isCount(ind('health.standard_mch_institutions'))).toBe(true);
    expect(isCount(ind('health.maternal_mortality'))).toBe(false);
  });
  it('is what the row parser checks: 毛入学率 105 passes, 巩固率 105 and a fractional count fail', () => {
    const ctx = {
      catalog: [
        ind('education.upper_secondary_gross_enrolment'),
        ind('education.compulsory_retention'),
        ind('health.standard_mch_institutions'),
        ind('health.maternal_mortality'),
      ],
      tree,
    };
    expect(parseObservationRow(row('education.upper_secondary_gross_enrolment', '105.3'), ctx).ok).toBe(true);
    expect(parseObservationRow(row('education.upper_secondary_gross_enrolment', '250'), ctx)).toMatchObject({
      ok: false,
      problems: [{ kind: 'out-of-range', max: 200 }],
    });
    expect(parseObservationRow(row('education.compulsory_retention', '105'), ctx)).toMatchObject({
      ok: false,
      problems: [{ kind: 'out-of-range', max: 100 }],
    });
    expect(parseObservationRow(row('health.standard_mch_institutions', '3.5'), ctx)).toMatchObject({
      ok: false,
      problems: [{ kind: 'not-integer' }],
    });
    expect(parseObservationRow(row('health.standard_mch_institutions', '-1'), ctx)).toMatchObject({
      ok: false,
      problems: [{ kind: 'out-of-range', min: 0 }],
    });
    expect(parseObservationRow(row('health.maternal_mortality', '12000'), ctx).ok).toBe(false);
  });
});

describe('yearOnYearChange', () => {
  it('measures shares in percentage points and other values relatively', () => {
    expect(yearOnYearChange(ind('education.compulsory_retention'), 90, 95)).toMatchObject({
      kind: 'points',
      change: 5,
      exceeds: false,
    });
    expect(yearOnYearChange(ind('education.compulsory_retention'), 80, 95)?.exceeds).toBe(true);
    expect(yearOnYearChange(ind('health.maternal_mortality'), 10, 14)).toMatchObject({
      kind: 'relative',
      exceeds: true,
    });
    expect(yearOnYearChange(ind('health.maternal_mortality'), 10, 12)?.exceeds).toBe(false);
  });
  it('declares no previous value as nothing to compare, and 0 → non-zero as exceeding', () => {
    expect(yearOnYearChange(ind('health.maternal_mortality'), null, 12)).toBeNull();
    expect(yearOnYearChange(ind('health.maternal_mortality'), 0, 1)?.exceeds).toBe(true);
    expect(yearOnYearChange(ind('health.maternal_mortality'), 0, 0)?.exceeds).toBe(false);
  });
});
