import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HalfskyError } from '../src/domain/errors.js';
import { formatNumber } from '../src/domain/evaluation/format-quantity.js';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { evaluatePlan } from '../src/services/evaluation/index.js';
import { departmentTargets } from '../src/reports/department-report.js';
import { generateReport } from '../src/services/reports/generate-report.js';
import { loadEvaluationReportData } from '../src/services/reports/load-report-data.js';
import { listObservations, upsertObservations } from '../src/store/observation-repository.js';
import { findIndicator } from '../src/domain/indicators/catalog.js';
import { hasSexBreakdown } from '../src/domain/indicators/indicator.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

/** The visible text of a .docx (paragraph runs of word/document.xml), and how many images it embeds. */
async function readDocx(bytes: Buffer): Promise<{ text: string; images: number }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const images = Object.keys(zip.files).filter(
    (f) => f.startsWith('word/media/') && f.endsWith('.png'),
  ).length;
  return { text, images };
}

for (const engine of ENGINES) {
  describe(`reports from the 安庆 demo data on ${engine}`, () => {
    let t: TestDatabase;
    let work: string;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      work = mkdtempSync(join(tmpdir(), 'halfsky-reports-'));
      mkdirSync(join(work, 'plans'));
      copyFileSync(
        join(import.meta.dirname, '..', 'data', 'plans', 'anqing.txt'),
        join(work, 'plans', 'anqing.txt'),
      );
      await seedDemo(t.db, { plansDir: join(work, 'plans'), maxBytes: 20 * 1024 * 1024 });
    });
    afterAll(async () => {
      await t?.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    it('annual report: title, the attainment of the evaluation, every region name compared, charts, 模拟数据 marked', async () => {
      const report = await generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 2024 });
      expect(report.fileName).toBe('anqing-2024-年度统计监测报告.docx');
      const { text, images } = await readDocx(report.bytes);
      const evaluation = await evaluatePlan(t.db, { planId: 'anqing', year: 2024 });
      const plan = evaluation.attainment.plan;
      expect(text).toContain(`${evaluation.planTitle}2024年统计监测报告`);
      expect(text).toContain(`可评估的${plan.assessable}项量化目标中，已实现${plan.achieved}项`);
      expect(text).toContain('模拟数据');
      const subRegions = evaluation.regions.filter((r) => !r.isPlanRegion);
      expect(subRegions.length).toBe(10);
      for (const r of subRegions) expect(text).toContain(r.regionName);
      expect(images).toBeGreaterThanOrEqual(4);
      // One sentence per target, with the value the evaluation holds for 2024.
      const region = evaluation.regions.find((r) => r.isPlanRegion)!;
      const withValue = region.targets.find((x) =>
        x.series.some((p) => p.year === 2024 && p.value !== null),
      )!;
      const value = withValue.series.find((p) => p.year === 2024)!.value!;
      expect(text).toContain(`${withValue.label}为${formatNumber(value)}`);
    });

    it('a mid-term report of a year whose data are not in yet: latest values assessed, the latest ranking', async () => {
      const { text } = await readDocx(
        (await generateReport(t.db, { kind: 'midterm', planId: 'anqing', year: 2025 })).bytes,
      );
      expect(text).toMatch(/2025年无数据，最近一次为2024年的[^，。]+，比2020年/);
      expect(text).toContain('2025年数据尚不足以排序，本表为有排序的最近年份2024年的结果。');
      expect(text).toContain('所辖地区综合得分排序（2024年）');
      expect(text).not.toContain('1e-9');
    });

    it('mid-term and final evaluations: progress table, problems and suggestions drawn from the data', async () => {
      for (const kind of ['midterm', 'final'] as const) {
        const { text } = await readDocx(
          (await generateReport(t.db, { kind, planId: 'anqing', year: 2024 })).bytes,
        );
        expect(text).toContain(kind === 'midterm' ? '中期评估报告' : '终期评估报告');
        for (const heading of [
          '各领域目标实现情况',
          '滞后指标和预警',
          '所辖地区比较和排序',
          '存在的问题',
          '下一步工作建议',
        ])
          expect(text).toContain(heading);
        expect(text).toMatch(/牵头，针对.+的情况/);
      }
    });

    it('a sub-region’s report names its region; an unknown region, year or department is a coded error', async () => {
      const { text } = await readDocx(
        (await generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 2024, regionCode: '怀宁县' }))
          .bytes,
      );
      expect(text).toContain('（怀宁县，含模拟数据）');
      await expect(
        generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 2024, regionCode: '441802' }),
      ).rejects.toMatchObject({ code: 'REGION_NOT_FOUND' });
      await expect(
        generateReport(t.db, { kind: 'annual', planId: 'nowhere', year: 2024 }),
      ).rejects.toMatchObject({ code: 'PLAN_NOT_FOUND' });
      await expect(
        generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 1999 }),
      ).rejects.toBeInstanceOf(HalfskyError);
      await expect(
        generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 2024, format: 'xlsx' }),
      ).rejects.toMatchObject({ code: 'REPORT_REQUEST_INVALID' });
      await expect(
        generateReport(t.db, { kind: 'department', planId: 'anqing', year: 2024, department: '不存在局' }),
      ).rejects.toMatchObject({ code: 'DEPARTMENT_NOT_IN_PLAN' });
    });

    it('department templates are pre-filled with that department’s targets and leave its own parts to fill in', async () => {
      const data = await loadEvaluationReportData(t.db, { planId: 'anqing', year: 2024 });
      const own = departmentTargets(data, '卫健局');
      // Its targets: where it is a responsible unit or supplies the indicator's data.
      expect(own.length).toBeGreaterThan(0);
      expect(own.length).toBeLessThan(data.region.targets.length);
      const impl = await readDocx(
        (
          await generateReport(t.db, {
            kind: 'department',
            planId: 'anqing',
            year: 2024,
            department: '卫健局',
          })
        ).bytes,
      );
      expect(impl.text).toContain('卫健局2024年妇女发展规划实施情况和2025年工作安排');
      for (const x of own) expect(impl.text).toContain(x.label);
      expect(impl.text).toContain('（请填写）');
      const self = await readDocx(
        (
          await generateReport(t.db, {
            kind: 'department',
            planId: 'anqing',
            year: 2024,
            department: '卫健局',
            template: 'self-evaluation',
          })
        ).bytes,
      );
      expect(self.text).toContain('自评报告');
      expect(self.text).toContain('目标任务完成情况');
    });

    it('yearbook: every stored value in its region × sex row and year column, units, 口径 and status', async () => {
      const xlsx = await generateReport(t.db, {
        kind: 'yearbook',
        planId: 'anqing',
        year: 2024,
        format: 'xlsx',
      });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const rows: (string | number)[][] = [];
      book.eachSheet((sheet) =>
        sheet.eachRow((row) => rows.push((row.values as (string | number)[]).slice(1))),
      );
      const stored = await listObservations(t.db, { regionCodes: ['340822'], yearFrom: 2020, yearTo: 2024 });
      const sample = stored.find((o) => o.sex === '女')!;
      const huaining = rows.filter((r) => r[0] === '怀宁县' && r[1] === '女');
      const column = 2 + (sample.year - 2020);
      expect(huaining.some((r) => r[column] === Number(formatNumber(sample.value)))).toBe(true);
      expect(rows.some((r) => String(r[0]).includes('统计口径'))).toBe(true);
      expect(rows.some((r) => String(r[0]).includes('单位：'))).toBe(true);
      expect(rows.some((r) => r.includes('模拟·正式'))).toBe(true);
      const docx = await readDocx(
        (await generateReport(t.db, { kind: 'yearbook', planId: 'anqing', year: 2024 })).bytes,
      );
      expect(docx.text).toContain('妇女发展统计资料');
      expect(docx.text).toContain('怀宁县');
    });

    it('a value waiting for review is not evaluated and is said to be unreviewed, never printed', async () => {
      const data = await loadEvaluationReportData(t.db, { planId: 'anqing', year: 2024 });
      const target = data.region.targets.find(
        (x) => x.indicatorCode && x.series.some((p) => p.year === 2024 && p.value !== null),
      )!;
      const [stored] = await listObservations(t.db, {
        indicatorCodes: [target.indicatorCode!],
        regionCodes: [data.region.regionCode],
        yearFrom: 2024,
        yearTo: 2024,
        sexes: [
          findIndicator(target.indicatorCode!) && hasSexBreakdown(findIndicator(target.indicatorCode!)!)
            ? '女'
            : '合计',
        ],
      });
      await upsertObservations(t.db, [{ ...stored!, value: 12345.678 }], {
        source: 'form',
        status: 'submitted',
      });
      const { text } = await readDocx(
        (await generateReport(t.db, { kind: 'annual', planId: 'anqing', year: 2024 })).bytes,
      );
      expect(text).toContain(`${target.label}2024年数据尚未审核，未计入评估`);
      expect(text).not.toContain('12345.68');
    });
  });
}
