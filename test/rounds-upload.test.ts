import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { isHalfskyError } from '../src/domain/errors.js';
import { findIndicator } from '../src/domain/indicators/catalog.js';
import { buildApp } from '../src/server/app.js';
import { loadRound } from '../src/services/rounds/round-context.js';
import { uploadRoundFile } from '../src/services/rounds/upload-round-file.js';
import { listRoundCells } from '../src/store/round-cell-repository.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';
import { openRounds, SYSTEM } from './support/round-fixture.js';
import { ENGINES } from './support/test-database.js';

const ROUND = 'anqing-2024';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The column number of a template header. */
const col = (sheet: ExcelJS.Worksheet, header: string) => {
  let found = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (cell.text === header) found = n;
  });
  if (found === 0) throw new Error(`no column ${header}`);
  return found;
};

for (const engine of ENGINES) {
  describe(`round Excel template and uploads on ${engine}`, () => {
    let h: ApiHarness;
    let reporter: Session;
    let template: Buffer;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      h.clock.now = new Date('2025-01-15T08:00:00Z');
      reporter = await h.login('reporter');
      await openRounds(h.test.db, ['anqing']);
      const r = await h.as(reporter, {
        method: 'GET',
        url: `/api/rounds/${ROUND}/template?department=${encodeURIComponent('卫健局')}`,
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toContain('spreadsheetml');
      template = r.rawPayload;
    });
    afterAll(async () => {
      await h?.close();
    });

    const upload = (bytes: Buffer | string, filename: string, type = XLSX, session = reporter) =>
      h.as(session, {
        method: 'POST',
        url: `/api/rounds/${ROUND}/upload?filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': type },
        payload: bytes,
      });
    const storedCount = async () => {
      const { round } = await loadRound(h.test.db, SYSTEM, ROUND);
      return (await listRoundCells(h.test.db, round)).filter((c) => c.observation !== null).length;
    };

    it('has a locked header, units, the owed cells, last year’s values and validation on the value column', async () => {
      const workbook = await workbookOf(template);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe('填报');
      expect(sheet.getRow(1).getCell(1).text).toBe('指标代码');
      expect(sheet.getRow(1).getCell(1).protection?.locked).not.toBe(false);
      expect(sheet.rowCount).toBeGreaterThan(10);
      const row = sheet.getRow(2);
      const value = row.getCell(col(sheet, '数值'));
      expect(value.protection?.locked).toBe(false);
      expect(value.dataValidation).toMatchObject({
        type: expect.stringMatching(/decimal|whole/),
        operator: 'between',
      });
      expect(row.getCell(col(sheet, '单位')).text).not.toBe('');
      const codes = new Set<string>();
      sheet.eachRow((r, n) => {
        if (n > 1) codes.add(r.getCell(1).text);
      });
      expect([...codes].map((c) => findIndicator(c)?.department)).toEqual([...codes].map(() => '卫健局'));
    });

    it('takes the template back filled in, skips blank rows, and stores the values as drafts from Excel', async () => {
      const workbook = await workbookOf(template);
      const sheet = workbook.worksheets[0]!;
      const [code, region, value, version] = ['指标代码', '地区代码', '数值', '版本'].map((x) =>
        col(sheet, x),
      );
      let filled = 0;
      sheet.eachRow((row, n) => {
        if (n === 1 || filled >= 3) return;
        if (
          row.getCell(code!).text === 'health.maternal_mortality' &&
          row.getCell(region!).text !== '340800'
        ) {
          row.getCell(value!).value = 9 + filled;
          filled++;
        }
      });
      expect(filled).toBe(3);
      expect(sheet.getRow(2).getCell(version!).value).toBe(0);
      const r = await upload(await bytesOf(workbook), '卫健局.xlsx');
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ rows: 3, saved: 3 });
      expect(await storedCount()).toBe(3);
      // The same file again: its versions are now stale, a conflict rather than an overwrite.
      const again = await upload(await bytesOf(workbook), '卫健局.xlsx');
      expect(again.statusCode).toBe(200); // unchanged rows are left out
      expect(again.json()).toMatchObject({ saved: 0 });
    });

    it('refuses a renamed file, formulas, merged cells and hidden sheets with clear errors, storing nothing', async () => {
      const before = await storedCount();
      const renamed = await upload(Buffer.from('指标,地区\n孕产妇死亡率,怀宁县\n'), 'data.xlsx');
      expect(renamed.statusCode).toBe(400);
      expect(renamed.json()).toMatchObject({ code: 'UPLOAD_NOT_EXCEL' });
      expect(renamed.json<{ message: string }>().message).toContain('不是 Excel 工作簿');

      const formula = await workbookOf(template);
      const s1 = formula.worksheets[0]!;
      s1.getRow(3).getCell(col(s1, '数值')).value = { formula: 'B2*2' } as ExcelJS.CellFormulaValue;
      const f = await upload(await bytesOf(formula), 'f.xlsx');
      expect(f.json()).toMatchObject({ code: 'UPLOAD_UNSUPPORTED_CONTENT' });
      expect(f.json<{ fields: { message: string }[] }>().fields[0]!.message).toContain('含有公式');

      const merged = await workbookOf(template);
      merged.worksheets[0]!.mergeCells('K4:L4');
      const m = await upload(await bytesOf(merged), 'm.xlsx');
      expect(m.json()).toMatchObject({ code: 'UPLOAD_UNSUPPORTED_CONTENT' });
      expect(m.json<{ fields: { message: string }[] }>().fields[0]!.message).toContain('合并单元格');

      const hidden = await workbookOf(template);
      hidden.worksheets[1]!.state = 'hidden';
      const hs = await upload(await bytesOf(hidden), 'h.xlsx');
      expect(hs.json()).toMatchObject({ code: 'UPLOAD_UNSUPPORTED_CONTENT' });
      expect(hs.json<{ fields: { message: string }[] }>().fields[0]!.message).toContain('被隐藏');

      const other = await upload(Buffer.from('x'), 'data.xls', 'application/octet-stream');
      expect(other.json()).toMatchObject({ code: 'UNSUPPORTED_EXTENSION' });
      expect(await storedCount()).toBe(before);
    });

    it('refuses a file over the configured limit (413) from its declared size', async () => {
      const config = loadConfig({ HALFSKY_MAX_UPLOAD_MB: '1' }, '/tmp');
      const { app } = await buildApp(config, {
        db: h.test.db,
        regions: loadRegionTree(),
        now: () => h.clock.now,
      });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'reporter', password: 'correct-horse-battery' },
        });
        const cookie = login.cookies.find((c) => c.name === 'halfsky_session')!;
        const r = await app.inject({
          method: 'POST',
          url: `/api/rounds/${ROUND}/upload?filename=big.csv`,
          headers: {
            'content-type': 'text/csv',
            cookie: `halfsky_session=${cookie.value}`,
            'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken,
          },
          payload: Buffer.alloc(1024 * 1024 + 10, 0x41),
        });
        expect(r.statusCode).toBe(413);
        expect(r.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
        expect(r.json<{ message: string }>().message).toContain('上限 1 MB');
      } finally {
        await app.close();
      }
    });

    it('accepts CSV; a file with one bad row applies nothing, each problem named by its row', async () => {
      const before = await storedCount();
      const csv = [
        'indicator,region,urban_rural,value',
        'health.maternal_mortality,340826,农村,11',
        'health.maternal_systematic_management,340826,,150',
        '孕产妇死亡率,怀宁县,城镇,-3',
      ].join('\n');
      const bad = await upload(csv, 'data.csv', 'text/csv');
      expect(bad.statusCode).toBe(400);
      const fields = bad.json<{ code: string; fields: { field: string; message: string }[] }>();
      expect(fields.code).toBe('ROUND_CELLS_INVALID');
      expect(fields.fields.map((f) => f.field)).toEqual(['rows.3.value', 'rows.4.value']);
      expect(fields.fields[0]!.message).toMatch(/^第 3 行：/);
      expect(await storedCount()).toBe(before);
      const good = await upload(csv.split('\n').slice(0, 2).join('\n'), 'data.csv', 'text/csv');
      expect(good.statusCode, good.body).toBe(200);
      expect(await storedCount()).toBe(before + 1);
    });

    it('leaves the database as it was when the store fails mid-way through a large upload', async () => {
      const ctx = await loadRound(h.test.db, SYSTEM, ROUND);
      const cells = (await listRoundCells(h.test.db, ctx.round)).filter(
        (c) => c.department === '卫健局' && c.state === 'owed',
      );
      expect(cells.length).toBeGreaterThan(5);
      const rows = [
        'indicator,region,sex,urban_rural,age,value,numerator,denominator',
        ...cells.map((c) => {
          const percent = c.indicatorCode !== 'health.maternal_mortality';
          return `${c.indicatorCode},${c.regionCode},${c.sex},${c.urbanRural},${c.age},${percent ? 50 : 9},,`;
        }),
      ];
      const before = await storedCount();
      await expect(
        uploadRoundFile(
          h.test.db,
          SYSTEM,
          ctx,
          { bytes: Buffer.from(rows.join('\n')), filename: 'all.csv' },
          {
            maxBytes: 1e7,
            now: h.clock.now,
            afterChunk: () => {
              throw new Error('killed mid-upload');
            },
          },
        ),
      ).rejects.toThrow('killed mid-upload');
      expect(await storedCount()).toBe(before);
      const { round } = ctx;
      expect((await listRoundCells(h.test.db, round)).filter((c) => c.state === 'draft').length).toBe(before);
    });

    it('names every refused row as a coded error for the CLI', async () => {
      const ctx = await loadRound(h.test.db, SYSTEM, ROUND);
      const error = await uploadRoundFile(
        h.test.db,
        SYSTEM,
        ctx,
        { bytes: Buffer.from('indicator,region,value\nnothing,340822,1\n'), filename: 'x.csv' },
        { maxBytes: 1e6, now: h.clock.now },
      ).catch((e: unknown) => e);
      expect(isHalfskyError(error, 'ROUND_CELLS_INVALID')).toBe(true);
    });
  });
}
