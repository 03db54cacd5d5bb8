import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli-workspace.js';
import { PACKAGE_ROOT } from './support/run-cli-in-process.js';

const SAMPLE = join(PACKAGE_ROOT, 'data', 'samples', 'observations-sample.csv');

const ws = useCliWorkspace('halfsky-data-');
const { cli, file } = ws;
const exportedRows = async () => (await cli('data', 'export')).stdout.trim().split('\r\n').length - 1;

describe('halfsky data import / export', () => {
  it('reports every bad row with its line and stores nothing', async () => {
    const bad = await file(
      'bad.csv',
      [
        '\ufeff指标,地区,年份,性别,数值,分子,分母,备注',
        '孕产妇死亡率,怀宁县,2021,合计,20.00,1,5000,好的行',
        '孕产妇死亡律,怀宁县,2021,合计,10,,,',
        '孕产妇死亡率,怀宁县,1999,合计,10,,,',
        '孕产妇死亡率,安庆,2022,合计,—,,,',
        'health.cervical_cancer_screening,太湖县,2022,女,120,,,',
        '孕产妇死亡率,怀宁县,2023,合计,50,1,5000,',
        '孕产妇死亡率,怀宁县,2021,total,20,1,5000,',
        '九年义务教育巩固率,朝阳区,2022,female,95,,,',
        '九年义务教育巩固率,怀宁县,2022,X,95,,,',
      ].join('\n'),
    );
    const result = await cli('data', 'import', bad);
    expect(result.code).toBe(1);
    const lines = result.stderr.split('\n');
    const at = (n: number) => lines.find((l) => l.startsWith(`第 ${n} 行`)) ?? '';
    expect(at(2)).toBe('');
    expect(at(3)).toMatch(/未知指标“孕产妇死亡律”.*孕产妇死亡率/);
    expect(at(4)).toMatch(/年份“1999”无效/);
    expect(at(5)).toMatch(/缺少“value”/);
    expect(at(6)).toMatch(/超出范围/);
    expect(at(7)).toMatch(/与分子\/分母不符/);
    expect(at(8)).toMatch(/与第 2 行重复/);
    expect(at(9)).toMatch(/地区“朝阳区”不唯一/);
    expect(at(10)).toMatch(/sex“X”无效/);
    expect(result.stderr).toMatch(/未导入任何数据/);
    expect(result.stderr).toMatch(/nothing was imported/);
    expect(await exportedRows()).toBe(0);
  });

  it('refuses 女 above 合计 for counts carried as numerator and denominator', async () => {
    const path = await file(
      'female.csv',
      'indicator,region,year,sex,value,numerator,denominator\n' +
        'education.compulsory_retention,怀宁县,2022,合计,95,950,1000\n' +
        'education.compulsory_retention,怀宁县,2022,女,95,1140,1200\n',
    );
    const result = await cli('data', 'import', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/第 3 行：女性denominator 1200 大于第 2 行的合计 1000/);
  });

  it('imports the sample file, and a re-import updates without duplicating', async () => {
    expect(await cli('data', 'import', SAMPLE, '--dry-run')).toMatchObject({ code: 0 });
    expect(await exportedRows()).toBe(0);
    const first = await cli('data', 'import', SAMPLE);
    expect(first).toMatchObject({ code: 0, stdout: '已导入 200 行：新增 200，更新 0\n' });
    const again = await cli('data', 'import', SAMPLE);
    expect(again.stdout).toBe('已导入 200 行：新增 0，更新 200\n');
    expect(await exportedRows()).toBe(200);
    const huaining = await cli('data', 'export', '--region', '怀宁县', '--indicator', '孕产妇死亡率');
    expect(huaining.stdout.trim().split('\r\n')).toHaveLength(6);
  });

  it('round-trips through XLSX export and import', async () => {
    const xlsx = join(ws.dir, 'export.xlsx');
    expect(await cli('data', 'export', '-o', xlsx)).toMatchObject({ code: 0 });
    const before = (await cli('data', 'export')).stdout;
    const reimport = await cli('data', 'import', xlsx);
    expect(reimport).toMatchObject({ code: 0, stdout: '已导入 200 行：新增 0，更新 200\n' });
    expect((await cli('data', 'export')).stdout).toBe(before);
  });

  it('refuses a file that is not XLSX but named .xlsx, and other file types', async () => {
    const fake = join(ws.dir, 'fake.xlsx');
    await copyFile(SAMPLE, fake);
    const result = await cli('data', 'import', fake);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/无法读取 XLSX 文件/);
    expect((await cli('data', 'import', await file('x.txt', 'a'))).stderr).toMatch(/不支持的文件类型/);
    expect((await cli('data', 'import', await file('h.csv', 'foo,bar\n1,2\n'))).stderr).toMatch(
      /缺少必需的列/,
    );
  });
});
