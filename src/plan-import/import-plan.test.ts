import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_TARGETS_PLAN_TEXT } from '../../test/support/plan-texts.js';
import { isHalfskyError } from '../domain/errors.js';
import { importPlan } from './import-plan.js';

const options = { maxBytes: 1024 * 1024 };
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'halfsky-import-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(name: string, text: string, id?: string): Promise<string | null> {
  const path = join(dir, name);
  await writeFile(path, text);
  return importPlan(path, { ...options, ...(id === undefined ? {} : { id }) }).then(
    () => null,
    (e: unknown) => (isHalfskyError(e) ? e.code : String(e)),
  );
}

describe('importPlan', () => {
  it('refuses a document without any area heading as not a plan', async () => {
    expect(await codeOf('notice.txt', '关于报送材料的通知\n\n请各单位于5月底前报送2023年工作总结。\n')).toBe(
      'NOT_A_PLAN',
    );
  });

  it('refuses a plan without a single target', async () => {
    expect(await codeOf('empty-plan.txt', NO_TARGETS_PLAN_TEXT)).toBe('PLAN_HAS_NO_TARGETS');
  });

  it('refuses an invalid id before reading the file', async () => {
    expect(await codeOf('any.txt', 'x', 'a b/c')).toBe('INVALID_PLAN_ID');
  });

  it('parses a seed plan with the id it is given', async () => {
    const { plan, source } = await importPlan(join(import.meta.dirname, '../../data/plans/zhenyuan.txt'), {
      maxBytes: 20 * 1024 * 1024,
      id: 'zhenyuan',
    });
    expect(source.format).toBe('txt');
    expect(plan.id).toBe('zhenyuan');
    expect(plan.areas).toHaveLength(8);
    expect(plan.targets.length).toBeGreaterThan(0);
  });
});
