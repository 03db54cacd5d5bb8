import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRound } from '../src/services/rounds/round-context.js';
import { savePlan } from '../src/store/plan-repository.js';
import { openDatabase } from '../src/store/open-database.js';
import { listRoundCells } from '../src/store/round-cell-repository.js';
import { PACKAGE_ROOT } from './support/run-cli-in-process.js';
import { openRounds, SYSTEM } from './support/round-fixture.js';
import { samplePlan } from './support/sample-plan.js';

describe('an upload killed mid-way (SQLite file, a real process killed with SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'halfsky-crash-'));
  const file = join(dir, 'halfsky.sqlite');
  const csv = join(dir, 'data.csv');
  const stored = async () => {
    const db = await openDatabase({ database: { kind: 'sqlite', file } });
    try {
      const { round } = await loadRound(db, SYSTEM, 'anqing-2024');
      const cells = await listRoundCells(db, round);
      const history = await db.selectFrom('observation_history').select('id').execute();
      return {
        values: cells.filter((c) => c.observation !== null).length,
        drafts: cells.filter((c) => c.state !== 'owed').length,
        history: history.length,
        owed: cells,
      };
    } finally {
      await db.destroy();
    }
  };
  beforeAll(async () => {
    const db = await openDatabase({ database: { kind: 'sqlite', file } });
    await savePlan(
      db,
      { ...samplePlan('anqing', '安庆市妇女发展规划'), region: '安庆市', parentRegion: '安徽省' },
      {
        format: 'txt',
        text: '……',
      },
    );
    await openRounds(db, ['anqing']);
    await db.destroy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves the database exactly as it was before the upload', async () => {
    const before = await stored();
    const rows = before.owed
      .filter((c) => c.indicatorCode === 'health.maternal_mortality')
      .map((c) => `${c.indicatorCode},${c.regionCode},${c.sex},${c.urbanRural},${c.age},9`);
    expect(rows.length).toBeGreaterThan(10);
    writeFileSync(csv, ['indicator,region,sex,urban_rural,age,value', ...rows].join('\n'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/support/round-upload-child.ts', file, csv],
      {
        cwd: PACKAGE_ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line === 'mid') resolve();
      });
      child.once('exit', (code) => reject(new Error(`child exited (${code}) before the write`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    const after = await stored();
    expect({ values: after.values, drafts: after.drafts, history: after.history }).toEqual({
      values: before.values,
      drafts: before.drafts,
      history: before.history,
    });
  }, 60_000);
});
