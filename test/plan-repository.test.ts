import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/domain/plan.js';
import { listResponsibilities, replaceResponsibilities } from '../src/store/department-repository.js';
import { syncIndicatorCatalog } from '../src/store/indicator-repository.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import { listTargetLinks, overrideTargetLink, saveTargetLinks } from '../src/store/target-link-repository.js';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import { deletePlan, findPlanId, getPlan, getPlanSummary, listPlans, savePlan } from '../src/store/plan-repository.js';
import { samplePlan } from './support/sample-plan.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const source = { format: 'txt' as const, text: '测试市妇女发展规划（2021—2030年）……' };

for (const engine of ENGINES) {
  describe(`plan repository on ${engine}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await openTestDatabase(engine);
      await syncIndicatorCatalog(test.db, INDICATOR_CATALOG);
    });
    afterAll(async () => {
      await test?.destroy();
    });

    const rowCounts = async (planId: string) => {
      const { db } = test;
      const count = async (
        table: 'areas' | 'goals' | 'measures' | 'projects' | 'targets' | 'responsibilities',
      ) => {
        const row = await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('plan_id', '=', planId)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      return {
        plans: (await db.selectFrom('plans').select('id').where('id', '=', planId).execute()).length,
        areas: await count('areas'),
        goals: await count('goals'),
        measures: await count('measures'),
        projects: await count('projects'),
        targets: await count('targets'),
        responsibilities: await count('responsibilities'),
      };
    };

    it('round-trips a plan exactly', async () => {
      const plan = samplePlan('roundtrip');
      expect(await savePlan(test.db, plan, source)).toEqual({ created: true });
      expect(await getPlan(test.db, 'roundtrip')).toEqual(plan);
    });

    it('returns null for an unknown plan', async () => {
      expect(await getPlan(test.db, 'nowhere')).toBeNull();
    });

    it('re-importing replaces the plan instead of duplicating it, and keeps the first import time', async () => {
      const first = new Date('2024-01-01T00:00:00Z');
      const second = new Date('2024-02-01T00:00:00Z');
      await savePlan(test.db, samplePlan('again'), source, first);
      const before = await rowCounts('again');

      const changed: Plan = {
        ...samplePlan('again', '修订后的规划'),
        targets: samplePlan().targets.slice(0, 2),
      };
      expect(await savePlan(test.db, changed, source, second)).toEqual({ created: false });

      expect(await getPlan(test.db, 'again')).toEqual(changed);
      expect(await rowCounts('again')).toEqual({
        ...before,
        targets: 2,
        responsibilities: before.responsibilities - 4,
      });
      const summary = (await listPlans(test.db)).find((p) => p.id === 'again');
      expect(summary).toMatchObject({
        title: '修订后的规划',
        importedAt: first.toISOString(),
        updatedAt: second.toISOString(),
        counts: { targets: 2 },
      });
    });

    it('stores nothing of a plan that fails part-way, and keeps the previous version', async () => {
      const good = samplePlan('atomic');
      await savePlan(test.db, good, source);
      const bad = samplePlan('atomic', '坏的版本');
      // A null year violates NOT NULL on targets, after the plan, areas and goals have been written.
      (bad.targets[3] as { year: unknown }).year = null;
      await expect(savePlan(test.db, bad, source)).rejects.toThrow();
      expect(await getPlan(test.db, 'atomic')).toEqual(good);

      await expect(
        savePlan(test.db, samplePlan('never'), { ...source, text: null as unknown as string }),
      ).rejects.toThrow();
      expect(await getPlan(test.db, 'never')).toBeNull();
      expect(await rowCounts('never')).toEqual({
        plans: 0,
        areas: 0,
        goals: 0,
        measures: 0,
        projects: 0,
        targets: 0,
        responsibilities: 0,
      });
    });

    it('lists plans with their counts', async () => {
      await savePlan(test.db, samplePlan('listed'), { format: 'docx', text: 'x' });
      const summary = (await listPlans(test.db)).find((p) => p.id === 'listed');
      expect(summary).toMatchObject({
        id: 'listed',
        title: '测试市妇女发展规划（2021—2030年）',
        region: '测试市',
        level: 'city',
        parentRegion: '测试省',
        period: [2021, 2030],
        sourceFormat: 'docx',
        counts: { areas: 3, goals: 3, measures: 1, projects: 2, targets: 6 },
      });
    });

    it('reads one plan summary with its own counts, the same as in the list', async () => {
      await savePlan(test.db, samplePlan('one-a'), source);
      await savePlan(test.db, samplePlan('one-b', '另一个规划'), source);
      const listed = (await listPlans(test.db)).find((p) => p.id === 'one-b');
      expect(await getPlanSummary(test.db, 'one-b')).toEqual(listed);
      expect(await getPlanSummary(test.db, 'missing')).toBeNull();
    });

    it('shares departments between plans, with the first named unit as lead', async () => {
      await savePlan(test.db, samplePlan('shared-a'), source);
      await savePlan(test.db, samplePlan('shared-b'), source);
      const departments = await test.db
        .selectFrom('departments')
        .select('name')
        .where('name', '=', '卫健局')
        .execute();
      expect(departments).toHaveLength(1);
      const roles = await test.db
        .selectFrom('responsibilities as r')
        .innerJoin('departments as d', 'd.id', 'r.department_id')
        .select(['d.name', 'r.role'])
        .where('r.goal_id', '=', 'shared-a/a0/g0')
        .orderBy('r.position')
        .execute();
      expect(roles).toEqual([
        { name: '卫健局', role: 'lead' },
        { name: '妇联', role: 'supporting' },
      ]);
    });

    it('keeps a person’s responsibility edit when the plan is imported again', async () => {
      await savePlan(test.db, samplePlan('edited'), source);
      await replaceResponsibilities(test.db, 'edited', { kind: 'goal', id: 'edited/a0/g0' }, [
        { name: '教育局', role: 'lead' },
      ]);
      await savePlan(test.db, samplePlan('edited'), source);
      const goal = (await listResponsibilities(test.db, 'edited')).filter((r) => r.itemId === 'edited/a0/g0');
      expect(goal.map((r) => [r.department, r.role])).toEqual([['教育局', 'lead']]);
      // Other items keep what the document says.
      const fresh = (await listResponsibilities(test.db, 'shared-a')).filter(
        (r) => r.itemId === 'shared-a/a0/g0',
      );
      expect(fresh.map((r) => r.department)).toEqual(['卫健局', '妇联']);
    });

    it('finds a stored plan by region and title', async () => {
      await savePlan(test.db, samplePlan('by-title', '按名称查找的规划'), source);
      expect(await findPlanId(test.db, '测试市', '按名称查找的规划')).toBe('by-title');
      expect(await findPlanId(test.db, '别的市', '按名称查找的规划')).toBeNull();
    });

    it('deletes a plan and everything in it, its target links and responsibility edits too', async () => {
      await savePlan(test.db, samplePlan('gone'), source);
      await saveTargetLinks(test.db, 'gone', []);
      await overrideTargetLink(test.db, 'gone', 'gone/a0/t0', 'health.maternal_mortality');
      await replaceResponsibilities(test.db, 'gone', { kind: 'goal', id: 'gone/a0/g0' }, [
        { name: '教育局', role: 'lead' },
      ]);
      expect(await deletePlan(test.db, 'gone')).toBe(true);
      expect(await deletePlan(test.db, 'gone')).toBe(false);
      expect(await getPlan(test.db, 'gone')).toBeNull();
      expect(Object.values(await rowCounts('gone')).every((n) => n === 0)).toBe(true);
      expect(await listTargetLinks(test.db, 'gone')).toEqual([]);
      expect(
        await test.db.selectFrom('responsibility_edits').selectAll().where('plan_id', '=', 'gone').execute(),
      ).toEqual([]);
      expect(await getPlan(test.db, 'shared-a')).not.toBeNull();
    });

    it('migrating again is a no-op', async () => {
      await migrateToLatest(test.db);
      expect(await getPlan(test.db, 'roundtrip')).toEqual(samplePlan('roundtrip'));
    });
  });
}
