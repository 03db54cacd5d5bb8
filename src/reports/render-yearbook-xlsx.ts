import ExcelJS from 'exceljs';
import { AREA_NAMES, type AreaCode } from '../domain/plan.js';
import { yearbookTables, type YearbookData } from './yearbook.js';

/**
 * The yearbook as an Excel workbook: a sheet 说明, then one sheet per area with the indicator tables one
 * under another (title row, header row, data rows, note row). Numbers are numbers (not text), so readers
 * can compute with them; missing values are "—".
 */
export async function renderYearbookXlsx(data: YearbookData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Halfsky 半边天';
  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 100 }];
  const region = data.regions[0]?.name ?? '';
  about.addRow([`${region}妇女发展统计资料（${data.years[0] ?? data.year}—${data.year}年）`]).font = {
    bold: true,
    size: 14,
  };
  about.addRow([data.planTitle]);
  about.addRow(['“数据状态”：正式 = 已审核；初步 = 尚未审核；模拟 = 演示用模拟数据，不得作为统计数据引用。']);
  about.addRow(['“—”表示无数据。每张表下方注明指标定义、统计口径和数据来源。']);

  const tables = yearbookTables(data);
  const byArea = new Map<AreaCode, typeof tables>();
  for (const t of tables) byArea.set(t.indicator.area, [...(byArea.get(t.indicator.area) ?? []), t]);
  for (const [area, list] of byArea) {
    const sheet = workbook.addWorksheet(AREA_NAMES[area].replace(/[\\/*?:[\]]/g, '').slice(0, 31));
    sheet.columns = [{ width: 16 }, { width: 6 }, ...data.years.map(() => ({ width: 10 })), { width: 10 }];
    for (const t of list) {
      sheet.addRow([t.title]).font = { bold: true };
      const header = sheet.addRow(t.headers);
      header.font = { bold: true };
      header.eachCell((c) => {
        c.border = { bottom: { style: 'thin' }, top: { style: 'thin' } };
        c.alignment = { horizontal: 'center' };
      });
      for (const row of t.rows) {
        sheet.addRow(
          row.map((cell, i) => (i >= 2 && i < 2 + data.years.length && cell !== '—' ? Number(cell) : cell)),
        );
      }
      const note = sheet.addRow([t.note]);
      note.font = { size: 9, italic: true };
      sheet.addRow([]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
