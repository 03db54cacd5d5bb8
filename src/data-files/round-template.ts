/**
 * The Excel template of a reporting round for one department (填报模板): one row per owed cell, with the
 * key, unit, last year's value and the target locked, and only 数值 / 分子 / 分母 / 备注 editable; the value
 * column carries Excel data validation (the indicator's range; whole numbers for counts). Uploaded back,
 * it is read by readRoundUpload (./round-template-read.ts).
 */

/** One row of the template. */
export interface TemplateRow {
  indicatorCode: string;
  indicatorName: string;
  unit: string | null;
  regionCode: string;
  regionName: string;
  sex: string;
  urbanRural: string;
  age: string;
  lastYearValue: number | null;
  target: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  version: number;
  /** Accepted range of the value (null: none) and whether it must be whole. */
  bounds: { min: number; max: number | null } | null;
  whole: boolean;
  /** Locked rows (submitted, approved) are shown but cannot be edited. */
  editable: boolean;
}

export interface TemplateInfo {
  title: string;
  roundId: string;
  year: number;
  department: string;
  deadline: string;
}

/** Template columns: header, width, whether the reporter edits it. Headers are what the reader matches. */
export const TEMPLATE_COLUMNS = [
  { header: '指标代码', width: 30, editable: false },
  { header: '指标名称', width: 28, editable: false },
  { header: '单位', width: 8, editable: false },
  { header: '地区代码', width: 10, editable: false },
  { header: '地区名称', width: 12, editable: false },
  { header: '性别', width: 6, editable: false },
  { header: '城乡', width: 6, editable: false },
  { header: '年龄/分组', width: 12, editable: false },
  { header: '上年值', width: 10, editable: false },
  { header: '目标', width: 24, editable: false },
  { header: '数值', width: 10, editable: true },
  { header: '分子', width: 10, editable: true },
  { header: '分母', width: 10, editable: true },
  { header: '备注', width: 24, editable: true },
  { header: '版本', width: 6, editable: false },
] as const;

const VALUE_COLUMN = 11;

/** Builds the template workbook (XLSX bytes). */
export async function buildRoundTemplate(info: TemplateInfo, rows: readonly TemplateRow[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Halfsky 半边天';
  const sheet = workbook.addWorksheet('填报', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  for (const r of rows) {
    const row = sheet.addRow([
      r.indicatorCode,
      r.indicatorName,
      r.unit ?? '',
      r.regionCode,
      r.regionName,
      r.sex,
      r.urbanRural,
      r.age,
      r.lastYearValue ?? '',
      r.target ?? '',
      r.value ?? null,
      r.numerator ?? null,
      r.denominator ?? null,
      r.comment ?? '',
      r.version,
    ]);
    if (!r.editable) continue;
    TEMPLATE_COLUMNS.forEach((c, i) => {
      if (c.editable) row.getCell(i + 1).protection = { locked: false };
    });
    const min = r.bounds?.min ?? -1e15;
    const max = r.bounds?.max ?? 1e15;
    row.getCell(VALUE_COLUMN).dataValidation = {
      type: r.whole ? 'whole' : 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [min, max],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '数值无效',
      error: `${r.indicatorName}应为${r.whole ? '整数' : '数字'}${r.bounds ? `，范围 ${min}—${r.bounds.max ?? '∞'}` : ''}`,
    };
  }
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    autoFilter: true,
    sort: false,
  });
  const notes = workbook.addWorksheet('说明');
  notes.columns = [{ width: 100 }];
  for (const line of [
    info.title,
    `填报轮次：${info.roundId}（${info.year} 年度）；填报单位：${info.department}；截止日期：${info.deadline}`,
    '只填写“数值”“分子”“分母”“备注”列；其他列已锁定，请勿修改、删除或调整顺序。',
    '空白行视为未填报；填写后上传本文件（也可上传 CSV）。任何一行有误时整个文件都不会导入。',
    '请勿使用公式、合并单元格或隐藏工作表；与上年相比变化较大的数值请在“备注”中说明原因。',
  ])
    notes.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
