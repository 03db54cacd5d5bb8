import { describe, expect, it } from 'vitest';
import { FIXTURE_ROWS } from './region-rows.fixture.js';
import { RegionTree } from './region-tree.js';
import { resolveRegion, type RegionResolution } from './resolve-region.js';

const tree = new RegionTree(FIXTURE_ROWS);

/** The found code, or the kind with the codes it lists. */
function outcome(result: RegionResolution): string {
  switch (result.kind) {
    case 'found':
      return `${result.region.code} by ${result.matchedBy}`;
    case 'ambiguous':
      return `ambiguous ${result.candidates.map((r) => r.code).join(' ')}`;
    case 'not-found':
      return `not-found ${result.suggestions.map((r) => r.name).join(' ')}`.trim();
    case 'outside':
      return `outside ${result.within.code}: ${result.regions.map((r) => r.code).join(' ')}`;
    case 'invalid':
      return `invalid ${result.reason}`;
  }
}

describe('resolveRegion', () => {
  it.each([
    ['a six-digit code', '340800', '340800 by code'],
    ['a city prefix', '3408', '340800 by code'],
    ['a province prefix', '34', '340000 by code'],
    ['a township code', '220113102', '220113102 by code'],
    ['a 12-digit statistical code', '220113102000', '220113102 by code'],
    ['full-width digits', '３４０８００', '340800 by code'],
    ['a full name', '安庆市', '340800 by name'],
    ['a short name', '安庆', '340800 by short-name'],
    ['spaces inside', ' 安 庆 市 ', '340800 by name'],
    ['an autonomous region by short name', '宁夏', '640000 by short-name'],
    ['an autonomous county by short name', '连南', '441826 by short-name'],
    ['a short name with a compatible suffix', '连南县', '441826 by short-name'],
    ['a county before a township of the same stem', '九台', '220113 by short-name'],
    ['a township by short name', '其塔木', '220113102 by short-name'],
    ['a path of names', '安徽省安庆市', '340800 by path'],
    ['a path of short names', '长春朝阳区', '220104 by path'],
    ['a path down to a township', '吉林省长春市九台区其塔木镇', '220113102 by path'],
  ])('finds %s: %s', (_name, input, expected) => {
    expect(outcome(resolveRegion(tree, input))).toBe(expected);
  });

  it('keeps the input as given in the result', () => {
    expect(resolveRegion(tree, ' 安庆 ')).toMatchObject({ kind: 'found', input: ' 安庆 ' });
  });

  it('reports a shared name as ambiguous, listing the candidates', () => {
    expect(outcome(resolveRegion(tree, '朝阳区'))).toBe('ambiguous 110105 220104');
    expect(outcome(resolveRegion(tree, '吉林'))).toBe('ambiguous 220000 220200');
  });

  it('chooses among shared names by an enclosing region', () => {
    expect(outcome(resolveRegion(tree, '朝阳区', { within: '220100' }))).toBe('220104 by name');
    expect(outcome(resolveRegion(tree, '朝阳区', { within: '22' }))).toBe('220104 by name');
    expect(outcome(resolveRegion(tree, '朝阳区', { within: '110000' }))).toBe('110105 by name');
    expect(outcome(resolveRegion(tree, '吉林', { within: '220000' }))).toBe('ambiguous 220000 220200');
  });

  it('counts the enclosing region itself as within', () => {
    expect(outcome(resolveRegion(tree, '长春市', { within: '220100' }))).toBe('220100 by name');
  });

  it('says when the region exists but not within the given one', () => {
    expect(outcome(resolveRegion(tree, '朝阳区', { within: '340800' }))).toBe(
      'outside 340800: 110105 220104',
    );
    expect(outcome(resolveRegion(tree, '220104', { within: '340800' }))).toBe('outside 340800: 220104');
  });

  it('does not take a short name whose suffix differs from the one written', () => {
    expect(resolveRegion(tree, '安庆县').kind).toBe('not-found');
  });

  it.each([
    ['a mistyped character', '安庆巿', '安庆市'],
    ['a wrong character', '清原市', '清远市'],
    ['a wrong suffix', '九台市', '九台区'],
    ['a mistyped autonomous county', '连南瑶族自治乡', '连南瑶族自治县'],
  ])('suggests for %s: %s → %s', (_name, input, expected) => {
    const result = resolveRegion(tree, input);
    expect(result.kind).toBe('not-found');
    if (result.kind !== 'not-found') return;
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions[0]?.name).toBe(expected);
  });

  it('prefers suggestions under the enclosing region', () => {
    const result = resolveRegion(tree, '朝阳去', { within: '220100' });
    expect(result.kind === 'not-found' && result.suggestions[0]?.code).toBe('220104');
  });

  it('suggests the nearest enclosing region for an unknown code', () => {
    expect(outcome(resolveRegion(tree, '340899'))).toBe('not-found 安庆市');
    expect(outcome(resolveRegion(tree, '340871'))).toBe('not-found 安庆市');
    expect(outcome(resolveRegion(tree, '990000'))).toBe('not-found');
    expect(outcome(resolveRegion(tree, '34080'))).toBe('not-found');
  });

  it('suggests nothing for a name like no region', () => {
    expect(outcome(resolveRegion(tree, 'xyz'))).toBe('not-found');
  });

  it('rejects empty input and an unknown enclosing region', () => {
    expect(outcome(resolveRegion(tree, '  '))).toBe('invalid empty');
    expect(outcome(resolveRegion(tree, '安庆', { within: '999999' }))).toBe('invalid unknown-within');
  });
});
