import { AREA_NAMES, type AreaCode } from '../domain/plan.js';
import { dataStatusLabel, mergeFlags, type DataFlags } from '../domain/reports/data-marks.js';
import { formatNumber } from '../domain/evaluation/format-quantity.js';
import type { ReportBlock, ReportDocument } from './report-model.js';

/** One indicator of the yearbook, with what a reader needs to use its numbers. */
export interface YearbookIndicator {
  code: string;
  name: string;
  area: AreaCode;
  unit: string | null;
  definition: string;
  /** 统计口径. */
  caliber: string;
  department: string;
  /** The breakdown rows per region: ['女', '男', '合计'] or ['合计']. */
  sexes: readonly string[];
}

export interface YearbookValue {
  value: number;
  flags: DataFlags;
}

/** Everything the statistical yearbook (妇女儿童统计资料) shows: regions × indicators × sexes × years. */
export interface YearbookData {
  planTitle: string;
  /** The region the yearbook covers (first row of each table), then its sub-regions. */
  regions: readonly { code: string; name: string }[];
  years: readonly number[];
  indicators: readonly YearbookIndicator[];
  /** Values by `yearbookKey(indicator, region, year, sex)`. */
  values: ReadonlyMap<string, YearbookValue>;
  /** The year the yearbook is for (its last year). */
  year: number;
}

export const yearbookKey = (indicator: string, region: string, year: number, sex: string): string =>
  `${indicator}|${region}|${year}|${sex}`;

/** One table of the yearbook: an indicator, its rows (region × sex) over the years. */
export interface YearbookTable {
  number: number;
  indicator: YearbookIndicator;
  title: string;
  headers: string[];
  rows: string[][];
  note: string;
}

/** The missing-value sign of Chinese statistical tables. */
export const MISSING = '—';

/**
 * The yearbook's tables, area by area in the plan's order: one per indicator, a row per region and sex
 * (the covered region first), a column per year, then the row's data status (正式 / 初步 / 模拟). Missing
 * values are "—", never 0. The note under each table gives the unit, 口径 and the supplying department.
 */
export function yearbookTables(data: YearbookData): YearbookTable[] {
  const order = Object.keys(AREA_NAMES);
  const indicators = [...data.indicators].sort(
    (a, b) => order.indexOf(a.area) - order.indexOf(b.area) || a.code.localeCompare(b.code),
  );
  return indicators.map((indicator, i) => {
    const rows: string[][] = [];
    for (const region of data.regions) {
      for (const sex of indicator.sexes) {
        const cells = data.years.map((y) =>
          data.values.get(yearbookKey(indicator.code, region.code, y, sex)),
        );
        const present = cells.filter((c): c is YearbookValue => c !== undefined);
        rows.push([
          region.name,
          sex,
          ...cells.map((c) => (c === undefined ? MISSING : formatNumber(c.value))),
          present.length === 0 ? '无数据' : dataStatusLabel(mergeFlags(present.map((c) => c.flags))),
        ]);
      }
    }
    const unit = indicator.unit ?? '—';
    return {
      number: i + 1,
      indicator,
      title: `表${i + 1}\u3000${indicator.name}（单位：${unit}）`,
      headers: ['地区', '性别', ...data.years.map(String), '数据状态'],
      rows,
      note: `注：${indicator.definition} 统计口径：${indicator.caliber} 数据来源：${indicator.department}。“${MISSING}”表示无数据。`,
    };
  });
}

/** The yearbook as a Word document: a data note, then the tables area by area. */
export function yearbookDocument(data: YearbookData): ReportDocument {
  const tables = yearbookTables(data);
  const simulated = [...data.values.values()].some((v) => v.flags.simulated);
  const first = data.years[0];
  const region = data.regions[0]?.name ?? '';
  const blocks: ReportBlock[] = [
    { kind: 'heading', level: 1, text: '编制说明' },
    {
      kind: 'paragraph',
      text: `本资料汇编${region}及所辖${Math.max(data.regions.length - 1, 0)}个地区${first ?? ''}—${data.year}年妇女发展监测指标数据，共${tables.length}项指标，按领域、指标、地区和性别列示。`,
    },
    {
      kind: 'paragraph',
      text: '“数据状态”栏中，“正式”为已审核数据，“初步”为尚未审核的初步数据，“模拟”为演示用模拟数据，不得作为统计数据引用。',
    },
  ];
  if (simulated) {
    blocks.push({ kind: 'note', text: '特别说明：本资料含模拟数据（标注“模拟”），仅用于演示系统功能。' });
  }
  let area: AreaCode | null = null;
  let areaNumber = 0;
  for (const t of tables) {
    if (t.indicator.area !== area) {
      area = t.indicator.area;
      areaNumber++;
      blocks.push({ kind: 'pageBreak' });
      blocks.push({ kind: 'heading', level: 1, text: `${chineseNumber(areaNumber)}、${AREA_NAMES[area]}` });
    }
    blocks.push({
      kind: 'table',
      caption: t.title,
      headers: t.headers,
      rows: t.rows,
      widths: [3, 1.2, ...data.years.map(() => 1.6), 1.8],
      note: t.note,
      compact: true,
    });
  }
  return {
    title: `${region}妇女发展统计资料\n（${first ?? data.year}—${data.year}年）`,
    subtitle: data.planTitle,
    blocks,
  };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (headings go up to a few dozen). */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n] as string;
  if (n < 20) return `十${DIGITS[n % 10]}`;
  const tens = Math.floor(n / 10);
  return `${DIGITS[tens]}十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
}
