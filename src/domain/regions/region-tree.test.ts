import { describe, expect, it } from 'vitest';
import { FIXTURE_ROWS } from './region-rows.fixture.js';
import { RegionTree } from './region-tree.js';
import { NATIONAL_ROOT } from './region.js';

const tree = new RegionTree(FIXTURE_ROWS);
const names = (regions: readonly { name: string }[]) => regions.map((r) => r.name);

describe('RegionTree', () => {
  it('hangs the provinces under the national root', () => {
    expect(tree.root).toBe(NATIONAL_ROOT);
    expect(tree.get('000000')).toEqual({ code: '000000', name: '全国', level: 'national', parentCode: null });
    expect(names(tree.children('000000'))).toEqual([
      '北京市',
      '吉林省',
      '安徽省',
      '河南省',
      '广东省',
      '宁夏回族自治区',
    ]);
  });

  it('pads province and city codes to six digits and keeps nine-digit township codes', () => {
    expect(tree.get('340000')?.name).toBe('安徽省');
    expect(tree.byCode.get('340800')).toEqual({
      code: '340800',
      name: '安庆市',
      level: 'city',
      parentCode: '340000',
    });
    expect(tree.get('220113001')?.parentCode).toBe('220113');
  });

  it('finds a region by any accepted code shape', () => {
    expect(tree.get('3408')?.name).toBe('安庆市');
    expect(tree.get('34')?.name).toBe('安徽省');
    expect(tree.get('999999')).toBeUndefined();
    expect(tree.get('abc')).toBeUndefined();
  });

  it.each([
    ['110105', 'district'],
    ['340822', 'county'],
    ['340881', 'county'],
    ['419001', 'county'],
    ['441826', 'county'],
    ['220113001', 'township'],
    ['220113102', 'township'],
    ['220113201', 'township'],
    ['640000', 'province'],
    ['640500', 'city'],
  ])('%s has level %s', (code, level) => {
    expect(tree.get(code)?.level).toBe(level);
  });

  it('skips placeholder cities and attaches their counties to the province', () => {
    expect(tree.get('110100')).toBeUndefined();
    expect(tree.get('110105')?.parentCode).toBe('110000');
    expect(tree.get('419001')?.parentCode).toBe('410000');
    expect(names(tree.children('410000'))).toEqual(['济源市']);
    expect(tree.skipped.filter((s) => s.reason === 'placeholder').map((s) => s.row.name)).toEqual([
      '市辖区',
      '省直辖县级行政区划',
    ]);
  });

  it('leaves functional zones and their townships out, and says so', () => {
    expect(names(tree.children('340800'))).toEqual(['怀宁县', '桐城市']);
    expect(tree.get('340871')).toBeUndefined();
    expect(tree.get('340871400')).toBeUndefined();
    expect(tree.skipped.filter((s) => s.reason === 'functional-zone').map((s) => s.row.code)).toEqual([
      '340871',
      '340871400',
    ]);
  });

  it('keeps functional zones when asked', () => {
    const withZones = new RegionTree(FIXTURE_ROWS, { functionalZones: true });
    expect(names(withZones.children('340800'))).toEqual(['怀宁县', '安徽安庆经济开发区', '桐城市']);
    expect(withZones.get('340871')?.level).toBe('district');
    expect(withZones.get('340871400')?.parentCode).toBe('340871');
  });

  it('keeps a city without districts once, with its townships directly under it', () => {
    expect(tree.get('441900')?.level).toBe('city');
    expect(names(tree.children('441900'))).toEqual(['东城街道']);
    expect(tree.skipped.filter((s) => s.reason === 'duplicate').map((s) => s.row.code)).toEqual(['441900']);
  });

  it('lists rows it cannot place instead of dropping them silently', () => {
    const odd = new RegionTree([
      { code: '34', name: '安徽省' },
      { code: '340822001', name: '无县之镇' },
      { code: '12345', name: '五位代码' },
      { code: '000000', name: '全国' },
      { code: '3408', name: '安庆市' },
      { code: '340822', name: '怀宁县' },
      { code: '350121', name: '无市之县' },
      { code: '35', name: '福建省' },
    ]);
    expect(odd.get('350121')?.parentCode).toBe('350000');
    expect(odd.skipped.map((s) => [s.row.code, s.reason])).toEqual([
      ['12345', 'bad-code'],
      ['000000', 'bad-code'],
    ]);
    expect(odd.get('340822001')?.parentCode).toBe('340822');
    const orphans = new RegionTree([
      { code: '340822001', name: '无县之镇' },
      { code: '3408', name: '安庆市' },
    ]);
    expect(orphans.skipped.map((s) => [s.row.code, s.reason])).toEqual([
      ['3408', 'orphan'],
      ['340822001', 'orphan'],
    ]);
  });

  it('does not depend on row order', () => {
    const reversed = new RegionTree([...FIXTURE_ROWS].reverse());
    expect([...reversed.byCode.keys()].sort()).toEqual([...tree.byCode.keys()].sort());
    expect(names(reversed.children('220113'))).toEqual(['九台街道', '其塔木镇', '莽卡满族乡']);
  });

  it('lists children in code order and the whole subtree depth first', () => {
    expect(names(tree.children('220100'))).toEqual(['朝阳区', '九台区']);
    expect(names(tree.subtree('220000'))).toEqual([
      '长春市',
      '朝阳区',
      '九台区',
      '九台街道',
      '其塔木镇',
      '莽卡满族乡',
      '吉林市',
    ]);
    expect(tree.subtree('220113001')).toEqual([]);
    expect(tree.children('999999')).toEqual([]);
    expect(tree.subtree('999999')).toEqual([]);
  });

  it('gives ancestors nearest first and the path of names from the province', () => {
    expect(names(tree.ancestors('220113102'))).toEqual(['九台区', '长春市', '吉林省', '全国']);
    expect(tree.pathNames('220113102')).toEqual(['吉林省', '长春市', '九台区', '其塔木镇']);
    expect(tree.pathNames('110105')).toEqual(['北京市', '朝阳区']);
    expect(tree.ancestors('000000')).toEqual([]);
    expect(tree.pathNames('000000')).toEqual([]);
    expect(tree.pathNames('999999')).toEqual([]);
  });

  it('answers isWithin inclusively, and false for unknown codes', () => {
    expect(tree.isWithin('220113001', '220100')).toBe(true);
    expect(tree.isWithin('220113001', '2201')).toBe(true);
    expect(tree.isWithin('220100', '220100')).toBe(true);
    expect(tree.isWithin('110105', '220100')).toBe(false);
    expect(tree.isWithin('220100', '220113')).toBe(false);
    expect(tree.isWithin('340822', '000000')).toBe(true);
    expect(tree.isWithin('999999', '000000')).toBe(false);
    expect(tree.isWithin('340822', '999999')).toBe(false);
  });

  it('indexes full and short names', () => {
    expect(tree.withName('朝阳区').map((r) => r.code)).toEqual(['110105', '220104']);
    expect(names(tree.withShortName('安庆'))).toEqual(['安庆市']);
    expect(names(tree.withShortName('宁夏'))).toEqual(['宁夏回族自治区']);
    expect(names(tree.withShortName('吉林'))).toEqual(['吉林省', '吉林市']);
    expect(tree.withName('安庆')).toEqual([]);
  });

  it('is empty but for the root when given no rows', () => {
    const empty = new RegionTree([]);
    expect(empty.size).toBe(1);
    expect(empty.children('000000')).toEqual([]);
  });
});
