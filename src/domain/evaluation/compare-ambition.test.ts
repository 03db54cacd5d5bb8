import { describe, expect, it } from 'vitest';
import { compareAmbition, type LinkedTarget } from './compare-ambition.js';
import type { Comparator } from '../plan.js';

const t = (
  key: string,
  code: string,
  comparator: Comparator,
  value: number | null,
  unit = '%',
  year = 2030,
): LinkedTarget => ({
  key,
  indicatorCode: code,
  target: { indicator: key, comparator, value, unit, year },
});

describe('compareAmbition (a county plan against its city’s)', () => {
  const city = [
    t('c1', 'health.hospital', '>=', 98),
    t('c2', 'health.mmr', '<=', 12, '1/10万'),
    t('c3', 'education.enrol', '=', 100),
    t('c4', 'decision.women', 'increase', null),
    t('c5', 'health.mmr', '<=', 13, '1/10万', 2025),
  ];
  it.each([
    ['>= lower number is less ambitious', t('k', 'health.hospital', '>=', 95), 'less_ambitious'],
    ['>= higher number is more ambitious', t('k', 'health.hospital', '>=', 99), 'more_ambitious'],
    ['>= same number is as ambitious', t('k', 'health.hospital', '>=', 98), 'as_ambitious'],
    ['<= higher rate is less ambitious', t('k', 'health.mmr', '<=', 15, '1/10万'), 'less_ambitious'],
    ['<= lower rate is more ambitious', t('k', 'health.mmr', '<=', 10, '1/10万'), 'more_ambitious'],
    [
      'the 2025 milestone is compared with the 2025 one',
      t('k', 'health.mmr', '<=', 14, '1/10万', 2025),
      'less_ambitious',
    ],
    ['>= 95 against = 100 % is less ambitious', t('k', 'education.enrol', '>=', 95), 'less_ambitious'],
    ['a number against 逐步提高 is more ambitious', t('k', 'decision.women', '>=', 30), 'more_ambitious'],
    ['different units cannot be compared', t('k', 'health.mmr', '<=', 15, '‰'), 'not_comparable'],
    ['an indicator the city does not target', t('k', 'law.other', '>=', 1), 'not_comparable'],
  ] as const)('%s', (_name, own, verdict) => {
    const [result] = compareAmbition([own], city);
    expect(result!.verdict).toBe(verdict);
    expect(result!.reason.length).toBeGreaterThan(5);
  });

  it('逐步提高 against a city number is less ambitious', () => {
    const [r] = compareAmbition([t('k', 'health.hospital', 'increase', null)], city);
    expect(r!.verdict).toBe('less_ambitious');
  });
});
