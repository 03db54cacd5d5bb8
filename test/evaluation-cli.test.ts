import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli-workspace.js';
import { PACKAGE_ROOT } from './support/run-cli-in-process.js';

const ws = useCliWorkspace('halfsky-evaluate-');

describe('halfsky evaluate', () => {
  it('prints assessments, attainment and alerts as a Chinese table and as JSON; a bad year is a usage error', async () => {
    const imported = await ws.cli('plan', 'import', join(PACKAGE_ROOT, 'data', 'plans', 'anqing.txt'));
    expect(imported.code, imported.stderr).toBe(0);
    const csv = await ws.file(
      'mmr.csv',
      [
        '指标,地区,年份,性别,数值,分子,分母',
        '孕产妇死亡率,怀宁县,2020,合计,20,4,20000',
        '孕产妇死亡率,怀宁县,2022,合计,15,3,20000',
        '孕产妇死亡率,怀宁县,2024,合计,10,2,20000',
        '孕产妇死亡率,太湖县,2020,合计,10,2,20000',
        '孕产妇死亡率,太湖县,2022,合计,15,3,20000',
        '孕产妇死亡率,太湖县,2024,合计,20,4,20000',
      ].join('\n'),
    );
    expect((await ws.cli('data', 'import', csv)).code).toBe(0);

    const table = await ws.cli('evaluate', '--plan', '340800', '--year', '2024', '--region', '340825');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/太湖县 340825/);
    expect(table.stdout).toMatch(/孕产妇死亡率.*2025年≤13\/10万.*退步/);
    expect(table.stdout).toMatch(/预警: \d+（红色 \d+，黄色 \d+）/);
    expect(table.stdout).toMatch(/红\s+340825\s+太湖县孕产妇死亡率|红\s+340825\s+太湖县：孕产妇死亡率/);

    const json = await ws.cli('evaluate', '--plan', '340800', '--year', '2024', '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    const city = result.regions.find((r: { isPlanRegion: boolean }) => r.isPlanRegion);
    const mmr = city.targets.find(
      (t: { indicatorCode: string }) => t.indicatorCode === 'health.maternal_mortality',
    );
    // 安庆市 2024 = (2 + 4) / (20000 + 20000) × 100000 = 15/10万, from its counties
    expect(mmr.value).toMatchObject({ source: 'rolled_up', contributed: 2 });
    expect(mmr.value.rolledUp).toBeCloseTo(15, 10);
    expect(result.attainment.plan).toHaveProperty('assessable');
    expect(result.alerts.length).toBeGreaterThan(0);

    const bad = await ws.cli('evaluate', '--plan', '340800', '--year', '24');
    expect(bad.code).toBe(2);
    const missing = await ws.cli('evaluate', '--plan', 'nowhere', '--year', '2024');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/找不到规划/);
  });
});
