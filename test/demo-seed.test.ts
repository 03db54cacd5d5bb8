import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../src/domain/access/role.js';
import { verifyPassword } from '../src/services/auth/password-hash.js';
import { DEMO_PASSWORD, DEMO_ROUND, seedDemo, type SeedDemoResult } from '../src/services/demo/seed-demo.js';
import { findRound } from '../src/store/round-repository.js';
import { formatObservationFile } from '../src/data-files/write-observation-file.js';
import { listObservations } from '../src/store/observation-repository.js';
import { listPlans } from '../src/store/plan-repository.js';
import { listChildRegions } from '../src/store/region-repository.js';
import { findUserByUsername, listUsers } from '../src/store/user-repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const plansDir = join(import.meta.dirname, '..', 'data', 'plans');

for (const engine of ENGINES) {
  describe(`the demo seeding on ${engine}`, () => {
    let test: TestDatabase;
    let result: SeedDemoResult;
    const steps = new Set<string>();
    beforeAll(async () => {
      test = await openTestDatabase(engine);
      result = await seedDemo(test.db, {
        plansDir,
        maxBytes: 10 * 1024 * 1024,
        onProgress: (step, done, total) => {
          expect(done).toBeLessThanOrEqual(total);
          steps.add(step);
        },
      });
    });
    afterAll(async () => {
      await test?.destroy();
    });

    it('stores the five plans, one user per role with the demo password, and reports its progress', async () => {
      expect(result.seeded).toBe(true);
      expect((await listPlans(test.db)).map((p) => p.id).sort()).toEqual([
        'anqing',
        'jiutai',
        'qingyuan',
        'zhenyuan',
        'zhongwei',
      ]);
      const users = await listUsers(test.db);
      expect(users.map((u) => u.role).sort()).toEqual([...ROLES].sort());
      const reporter = await findUserByUsername(test.db, 'reporter');
      expect(reporter?.user.departments.length).toBeGreaterThan(0);
      expect(await verifyPassword(DEMO_PASSWORD, reporter!.passwordHash)).toBe(true);
      expect([...steps].sort()).toEqual(['observations', 'plans', 'regions', 'rounds', 'users']);
    });

    it('stores the sub-regions of each plan: 安庆 10, 清远 8, 中卫 3, and the townships of 九台 and 镇原', async () => {
      expect(await listChildRegions(test.db, '340800')).toHaveLength(10);
      expect(await listChildRegions(test.db, '441800')).toHaveLength(8);
      expect(await listChildRegions(test.db, '640500')).toHaveLength(3);
      expect((await listChildRegions(test.db, '220113')).length).toBeGreaterThan(10);
      expect((await listChildRegions(test.db, '621027')).length).toBeGreaterThan(10);
    });

    it('stores simulated data 2020–2024 in every plan region and sub-region, flagged and labelled as such', async () => {
      const observations = await listObservations(test.db);
      expect(observations.length).toBe(result.seeded ? result.observations : -1);
      expect(observations.every((o) => o.simulated && o.comment === '模拟数据')).toBe(true);
      expect(new Set(observations.map((o) => o.year))).toEqual(new Set([2020, 2021, 2022, 2023, 2024]));
      const regions = new Set(observations.map((o) => o.regionCode));
      for (const code of ['340800', '441800', '640500', '220113', '621027'])
        for (const child of [code, ...(await listChildRegions(test.db, code)).map((r) => r.code)])
          expect(regions, child).toContain(child);
      const exported = String(await formatObservationFile(observations, 'csv'));
      expect(exported.split('\n')[0]).toContain('simulated');
      expect(exported).toContain(',模拟数据,true');
    });

    it('opens a reporting round for 2025 in every plan, with cells owed', async () => {
      expect(result.seeded && result.rounds.sort()).toEqual([
        'anqing',
        'jiutai',
        'qingyuan',
        'zhenyuan',
        'zhongwei',
      ]);
      const round = await findRound(test.db, 'anqing', DEMO_ROUND.year);
      expect(round?.deadline).toBe(DEMO_ROUND.deadline);
    });

    it('leaves a database with data alone on the next start', async () => {
      const before = (await listObservations(test.db)).length;
      expect(await seedDemo(test.db, { plansDir, maxBytes: 10 * 1024 * 1024 })).toEqual({
        seeded: false,
        reason: 'not-empty',
      });
      expect((await listUsers(test.db)).length).toBe(ROLES.length);
      expect((await listObservations(test.db)).length).toBe(before);
    });
  });
}
