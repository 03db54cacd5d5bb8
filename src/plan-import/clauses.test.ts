import { describe, expect, it } from 'vitest';
import { splitClauses } from './clauses.js';

describe('splitClauses', () => {
  it('splits at commas and full stops but not inside numbers', () => {
    expect(splitClauses('比例不小于1.5:1,人流量较大地区不小于2:1。下一句').map((c) => c.text)).toEqual([
      '比例不小于1.5:1',
      '人流量较大地区不小于2:1',
      '下一句',
    ]);
  });

  it('makes a year parenthetical its own milestone clause', () => {
    const clauses = splitClauses('孕产妇死亡率下降到12/10万以下(2025年下降至13/10万以下),城乡差距明显缩小。');
    expect(clauses.map((c) => [c.text, c.milestone])).toEqual([
      ['孕产妇死亡率下降到12/10万以下', false],
      ['2025年下降至13/10万以下', true],
      ['城乡差距明显缩小', false],
    ]);
  });

  it('keeps other parentheses inside the clause', () => {
    expect(splitClauses('儿科执业(助理,含乡村)医生1.12名').map((c) => c.text)).toEqual([
      '儿科执业(助理,含乡村)医生1.12名',
    ]);
  });

  it('treats a dot between Chinese characters as a full stop', () => {
    expect(splitClauses('培养女性人才.女性比例稳步提升').map((c) => [c.text, c.endsSentence])).toEqual([
      ['培养女性人才', true],
      ['女性比例稳步提升', true],
    ]);
  });

  it('returns nothing for an empty line', () => {
    expect(splitClauses('')).toEqual([]);
  });
});
