import { describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG, findIndicator } from './catalog.js';
import { INDICATOR_CODE_PATTERN } from './indicator.js';
import { normaliseName } from './normalise-name.js';

const MULTIPLIER: Record<string, number> = { '%': 100, '‰': 1000, '1/10万': 100_000 };

describe('indicator catalogue', () => {
  it('has unique codes of the documented form', () => {
    const codes = INDICATOR_CATALOG.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(INDICATOR_CODE_PATTERN);
  });

  it('maps every name and alias, as written and normalised, to one indicator only', () => {
    const owner = new Map<string, string>();
    for (const i of INDICATOR_CATALOG) {
      for (const s of [i.nameZh, ...i.aliases]) {
        for (const key of [s, `norm:${normaliseName(s)}`]) {
          const prev = owner.get(key);
          expect(prev === undefined || prev === i.code, `${key}: ${prev} and ${i.code}`).toBe(true);
          owner.set(key, i.code);
        }
      }
    }
  });

  it('gives every quantitative indicator a unit and every qualitative one none', () => {
    for (const i of INDICATOR_CATALOG) {
      expect(i.kind === 'qualitative' ? i.unit === null : i.unit !== null, i.code).toBe(true);
      expect(i.department, i.code).not.toBe('');
      expect(i.definition.length, i.code).toBeGreaterThan(4);
    }
  });

  it('uses the multiplier of the unit in ratio roll-ups', () => {
    for (const i of INDICATOR_CATALOG) {
      const m = i.unit === null ? undefined : MULTIPLIER[i.unit];
      if (i.rollUp.kind === 'ratio' && m !== undefined) expect(i.rollUp.multiplier, i.code).toBe(m);
    }
  });

  it('states a reference for every band indicator', () => {
    for (const i of INDICATOR_CATALOG.filter((x) => x.direction === 'band'))
      expect(i.band, i.code).toBeDefined();
  });

  it('defines maternal mortality per 100 000 live births, lower is better', () => {
    const mmr = findIndicator('health.maternal_mortality');
    expect(mmr).toMatchObject({ unit: '1/10万', direction: 'lower', department: '卫健局' });
    expect(mmr?.rollUp).toMatchObject({
      kind: 'ratio',
      multiplier: 100_000,
      denominator: { nameZh: '活产数' },
    });
    expect(findIndicator('no.such_code')).toBeUndefined();
  });
});
