import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { createDatabase } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import { useCliWorkspace } from './support/cli-workspace.js';

describe('bin/halfsky report and publish', () => {
  const ws = useCliWorkspace('halfsky-report-cli-');
  beforeAll(async () => {
    mkdirSync(join(ws.dir, 'data'));
    mkdirSync(join(ws.dir, 'plans'));
    copyFileSync(
      join(import.meta.dirname, '..', 'data', 'plans', 'anqing.txt'),
      join(ws.dir, 'plans', 'anqing.txt'),
    );
    const db = await createDatabase({
      database: { kind: 'sqlite', file: join(ws.dir, 'data', 'halfsky.sqlite') },
    });
    await migrateToLatest(db);
    await seedDemo(db, { plansDir: join(ws.dir, 'plans'), maxBytes: 20 * 1024 * 1024 });
    await db.destroy();
  });

  it('writes the yearbook workbook and a department template', async () => {
    const xlsx = join(ws.dir, 'yearbook.xlsx');
    const r = await ws.cli('report', 'yearbook', '--plan', 'anqing', '--year', '2024', '-o', xlsx);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('已生成');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toContain('妇女与健康');
    const docx = join(ws.dir, 'dept.docx');
    const d = await ws.cli(
      'report',
      'department',
      '--plan',
      'anqing',
      '--year',
      '2024',
      '--department',
      '卫健局',
      '-o',
      docx,
    );
    expect(d.code, d.stderr).toBe(0);
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad requests with a coded message and writes nothing', async () => {
    const out = join(ws.dir, 'never.docx');
    const kind = await ws.cli('report', 'weekly', '--plan', 'anqing', '--year', '2024', '-o', out);
    expect(kind.code).toBe(2);
    expect(kind.stderr).toContain('未知的报告类型');
    const dept = await ws.cli('report', 'department', '--plan', 'anqing', '--year', '2024', '-o', out);
    expect(dept.code).toBe(1);
    expect(dept.stderr).toContain('部门报告需指定责任单位');
    const region = await ws.cli(
      '--lang',
      'en',
      'report',
      'annual',
      '--plan',
      'anqing',
      '--year',
      '2024',
      '--region',
      '清远市',
      '-o',
      out,
    );
    expect(region.code).toBe(1);
    expect(region.stderr).toContain('Region not found');
    expect(existsSync(out)).toBe(false);
  });

  it('publishes, lists and withdraws a year', async () => {
    expect((await ws.cli('publish', '--plan', 'anqing', '--year', '2024')).code).toBe(0);
    expect((await ws.cli('publish', '--list')).stdout).toMatch(/^anqing\t2024\t/m);
    expect((await ws.cli('publish', '--plan', 'anqing', '--year', '2024', '--withdraw')).code).toBe(0);
    const again = await ws.cli('publish', '--plan', 'anqing', '--year', '2024', '--withdraw');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('尚未公开发布');
    expect((await ws.cli('publish', '--plan', 'nowhere', '--year', '2024')).code).toBe(1);
  });
});
