import { execFile } from 'node:child_process';
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useCliWorkspace } from './support/cli-workspace.js';
import { NO_TARGETS_PLAN_TEXT, SMALL_PLAN_TEXT } from './support/plan-texts.js';
import { PACKAGE_ROOT, runCliInProcess } from './support/run-cli-in-process.js';

const SEEDS = join(PACKAGE_ROOT, 'data', 'plans');

const ws = useCliWorkspace('halfsky-cli-');
const { cli, file } = ws;

describe('halfsky plan import: bad input', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['an empty file', () => file('empty.txt', ''), /文件为空/],
    [
      'a binary file',
      () => file('binary.txt', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8])),
      /不是文本文件/,
    ],
    [
      'a document that is not a plan',
      () => file('notice.txt', '关于报送材料的通知\n\n请于5月底前报送。'),
      /不是妇女发展规划/,
    ],
    ['a plan with no targets', () => file('no-targets.md', NO_TARGETS_PLAN_TEXT), /未找到任何目标值/],
    [
      'a file of 50 MB',
      async () => {
        const path = await file('huge.txt', '');
        await truncate(path, 50 * 1024 * 1024);
        return path;
      },
      /文件过大（50 MB，上限 20 MB）/,
    ],
    ['an unsupported extension', () => file('plan.doc', SMALL_PLAN_TEXT), /不支持的文件类型“\.doc”/],
    ['a missing file', async () => join(ws.dir, 'missing.txt'), /找不到文件/],
  ];

  it.each(cases)(
    '%s: a clear message in Chinese and English, exit 1, nothing stored',
    async (_, make, message) => {
      const result = await cli('plan', 'import', await make());
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toMatch(/^错误：.+\nError: .+\n$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect((await cli('plan', 'list')).stdout).toMatch(/尚未导入任何规划/);
    },
  );

  it('prints English first with --lang en', async () => {
    const result = await cli('--lang', 'en', 'plan', 'import', await file('empty2.txt', ''));
    expect(result.stderr).toMatch(/^Error: The file is empty: .+\n错误：文件为空/);
  });

  it('imports the good files of a batch and reports the bad ones', async () => {
    const good = await file('good.txt', SMALL_PLAN_TEXT);
    const bad = await file('bad.txt', '');
    const batchEnv = { HALFSKY_DATA_DIR: join(ws.dir, 'batch') };
    const result = await runCliInProcess(['plan', 'import', good, bad], batchEnv);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/已导入 .+：测试市妇女发展规划/);
    expect(result.stdout).toMatch(/完成：成功 1 个，失败 1 个/);
    expect(result.stderr).toMatch(/文件为空/);
    const list = await runCliInProcess(['plan', 'list'], batchEnv);
    expect(list.stdout.trim().split('\n')).toHaveLength(3); // header, rule, one plan
  });
});

describe('halfsky plan import: storing', () => {
  it('re-importing updates the plan instead of duplicating it', async () => {
    const path = await file('small.txt', SMALL_PLAN_TEXT);
    const first = await cli('plan', 'import', path, '--id', 'small');
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^已导入 small：测试市妇女发展规划/);
    const second = await cli('plan', 'import', path, '--id', 'small');
    expect(second.stdout).toMatch(/^已更新 small：/);
    const list = (await cli('plan', 'list')).stdout;
    expect(list.match(/^small /gm)).toHaveLength(1);
  });

  it('imports the seed plans with one command, twice without duplicates', async () => {
    const first = await cli('plan', 'import-seeds');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/完成：成功 5 个，失败 0 个/);
    await cli('plan', 'import-seeds');
    // The same document imported without an id updates the seed instead of adding a copy under another id.
    expect((await cli('plan', 'import', join(SEEDS, 'zhenyuan.txt'))).stdout).toMatch(/^已更新 zhenyuan：/);
    const list = (await cli('plan', 'list')).stdout;
    for (const id of ['anqing', 'jiutai', 'qingyuan', 'zhenyuan', 'zhongwei']) {
      expect(list.match(new RegExp(`^${id} `, 'gm'))).toHaveLength(1);
    }
    expect(list.trim().split('\n')).toHaveLength(2 + 5 + 1); // header, rule, the seeds, 'small'
  });

  it('shows a stored plan as a summary and as gold JSON equal to parsing the file', async () => {
    const show = await cli('plan', 'show', 'zhenyuan');
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/镇原县妇女发展规划/);
    expect(show.stdout).toMatch(/妇女与健康/);
    const stored = JSON.parse((await cli('plan', 'show', 'zhenyuan', '--json')).stdout) as unknown;
    const parsed = JSON.parse(
      (await cli('plan', 'parse', join(SEEDS, 'zhenyuan.txt'), '--json', '--id', 'zhenyuan')).stdout,
    );
    expect(stored).toEqual(parsed);
  });

  it('deletes a plan; an unknown plan is an error', async () => {
    expect((await cli('plan', 'delete', 'small')).stdout).toBe('已删除规划 small\n');
    const again = await cli('plan', 'delete', 'small');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/找不到规划：small/);
    expect((await cli('plan', 'show', 'small')).code).toBe(1);
  });
});

describe('halfsky plan parse', () => {
  it('prints gold JSON whose target texts are substrings of the document', async () => {
    const path = join(SEEDS, 'qingyuan.txt');
    const result = await cli('plan', 'parse', path, '--json');
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { targets: { text: string }[] } & Record<string, unknown>;
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining([
        'plan',
        'title',
        'region',
        'level',
        'parent_region',
        'period',
        'areas',
        'targets',
      ]),
    );
    const document = await readFile(path, 'utf8');
    for (const target of json.targets) expect(document).toContain(target.text);
  });

  it('prints a readable summary with counts per area and a table of targets', async () => {
    const result = await cli('plan', 'parse', await file('summary.txt', SMALL_PLAN_TEXT));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/领域\s+主要目标\s+策略措施\s+目标值/);
    expect(result.stdout).toMatch(/目标值（\d+ 项）/);
    expect(result.stdout).toMatch(/孕产妇死亡率\s+≤\s+12\s+1\/10万\s+2030/);
  });
});

describe('halfsky usage errors', () => {
  it.each([
    [['plan', 'bogus']],
    [['plan', 'import']],
    [['--lang', 'fr', 'plan', 'list']],
    [['plan', 'import', 'a.txt', 'b.txt', '--id', 'x']],
  ])('%j exits with code 2', async (argv) => {
    expect((await cli(...argv)).code).toBe(2);
  });

  it('an invalid environment names the variable', async () => {
    const result = await runCliInProcess(['plan', 'list'], { ...ws.env, HALFSKY_MAX_UPLOAD_MB: 'lots' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HALFSKY_MAX_UPLOAD_MB/);
  });

  it('help exits 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: halfsky/);
  });
});

describe('halfsky as a process', () => {
  const run = promisify(execFile);
  const halfsky = (...argv: string[]) =>
    run(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'src/cli/main.ts'), ...argv], {
      env: { ...process.env, ...ws.env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 1 with both messages and no stack trace on bad input', async () => {
    const result = await halfsky('plan', 'import', await file('empty-process.txt', ''));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^错误：文件为空：.+\nError: The file is empty: .+\n$/);
  });

  it('exits 2 on a usage error', async () => {
    expect((await halfsky('plan', 'nothing')).code).toBe(2);
  });
});
