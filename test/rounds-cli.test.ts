import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, runCliInProcess } from './support/run-cli-in-process.js';

describe('CLI: round open, status, template, close, reopen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-round-cli-'));
  const env = { HALFSKY_DATA_DIR: dir };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a round of an imported plan, reports its progress, writes a department template, closes and reopens it', async () => {
    const imported = await runCliInProcess(
      ['plan', 'import', join(PACKAGE_ROOT, 'data/plans/anqing.txt'), '--id', 'anqing'],
      env,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const opened = await runCliInProcess(
      ['round', 'open', '--plan', 'anqing', '--year', '2024', '--deadline', '2025-03-31'],
      env,
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(opened.stdout).toMatch(/已开启填报轮次 anqing-2024：\d+ 个应报单元格/);
    const again = await runCliInProcess(
      ['round', 'open', '--plan', 'anqing', '--year', '2024', '--deadline', '2025-03-31'],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('已存在');

    const status = await runCliInProcess(['round', 'status', 'anqing-2024'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('卫健局');
    expect(status.stdout).toContain('完整率');
    const json = await runCliInProcess(['round', 'status', 'anqing-2024', '--json'], env);
    const parsed = JSON.parse(json.stdout) as { progress: { total: { owed: number; submitted: number } } };
    expect(parsed.progress.total.owed).toBeGreaterThan(100);
    expect(parsed.progress.total.submitted).toBe(0);

    const out = join(dir, 'wj.xlsx');
    const template = await runCliInProcess(
      ['round', 'template', 'anqing-2024', '--department', '卫健局', '-o', out],
      env,
    );
    expect(template.code, template.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(10);

    const closed = await runCliInProcess(['round', 'close', 'anqing-2024'], env);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('已关闭');
    expect((await runCliInProcess(['round', 'status', 'anqing-2024'], env)).stdout).toContain('已关闭');
    const twice = await runCliInProcess(['round', 'close', 'anqing-2024'], env);
    expect(twice.code).toBe(1);
    const noReason = await runCliInProcess(['round', 'reopen', 'anqing-2024', '--reason', ' '], env);
    expect(noReason.code).toBe(1);
    expect(noReason.stderr).toContain('原因');
    const reopened = await runCliInProcess(['round', 'reopen', 'anqing-2024', '--reason', '补报'], env);
    expect(reopened.code, reopened.stderr).toBe(0);
    expect((await runCliInProcess(['round', 'status', 'anqing-2024'], env)).stdout).toContain('填报中');

    const missing = await runCliInProcess(['round', 'status', 'nowhere-2024'], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('找不到填报轮次');
  }, 120_000);
});
