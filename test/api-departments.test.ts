import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../src/store/audit-repository.js';
import { ENGINES } from './support/test-database.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';

for (const engine of ENGINES) {
  describe(`departments and the responsibility matrix over HTTP (${engine})`, () => {
    let h: ApiHarness;
    let owner: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      owner = await h.login('plan_owner');
    });
    afterAll(async () => {
      await h?.close();
    });

    it('lists the departments of the plans in the region', async () => {
      const response = await h.as(owner, { method: 'GET', url: '/api/departments' });
      expect(response.statusCode, response.body).toBe(200);
      const names = response.json<{ departments: { name: string }[] }>().departments.map((d) => d.name);
      expect(names).toEqual(expect.arrayContaining(['卫健局', '妇联', '民政局']));
    });

    it('gives every plan item its id, the id the matrix names it by', async () => {
      const plan = (await h.as(owner, { method: 'GET', url: '/api/plans/anqing' })).json<{
        areas: { id: string; goals: { id: string }[]; measures: { id: string }[] }[];
        projects: { id: string }[];
        targets: { id: string }[];
      }>();
      expect(plan.areas[0]!.id).toBe('anqing/a0');
      expect(plan.areas[0]!.goals[0]!.id).toBe('anqing/a0/g0');
      expect(plan.areas[0]!.measures[0]!.id).toBe('anqing/a0/m0');
      expect(plan.targets[0]!.id).toBe('anqing/t0');
      const matrix = (await h.as(owner, { method: 'GET', url: '/api/plans/anqing/responsibilities' })).json<{
        responsibilities: { item: { id: string } }[];
      }>();
      const ids = new Set([
        ...plan.areas.flatMap((a) => [...a.goals, ...a.measures].map((i) => i.id)),
        ...plan.projects.map((p) => p.id),
        ...plan.targets.map((t) => t.id),
      ]);
      for (const r of matrix.responsibilities) expect(ids).toContain(r.item.id);
    });

    it('gives the matrix from the document: the first named unit leads', async () => {
      const response = await h.as(owner, { method: 'GET', url: '/api/plans/anqing/responsibilities' });
      const goal = response
        .json<{ responsibilities: { item: { id: string }; department: string; role: string }[] }>()
        .responsibilities.filter((r) => r.item.id === 'anqing/a0/g0');
      expect(goal.map((r) => [r.department, r.role])).toEqual([
        ['卫健局', 'lead'],
        ['妇联', 'supporting'],
      ]);
    });

    it('replaces the departments of one item with normalised names, keeps the typed name as alias, audits', async () => {
      const response = await h.as(owner, {
        method: 'PUT',
        url: '/api/plans/anqing/responsibilities',
        payload: {
          item: { kind: 'goal', id: 'anqing/a0/g0' },
          departments: [
            { name: '市卫生健康委员会', role: 'lead' },
            { name: '教育局', role: 'supporting' },
          ],
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().responsibilities.map((r: { department: string }) => r.department)).toEqual([
        '卫健局',
        '教育局',
      ]);
      const plan = await h.as(owner, { method: 'GET', url: '/api/plans/anqing' });
      expect(JSON.stringify(plan.json())).toContain('"departments":["卫健局","教育局"]');
      const departments = await h.as(owner, { method: 'GET', url: '/api/departments?region=安庆市' });
      expect(departments.json().departments).toContainEqual({
        name: '卫健局',
        aliases: ['市卫生健康委员会'],
      });
      const audit = await listAudit(h.test.db, 10);
      expect(audit.find((e) => e.event === 'responsibilities_changed')).toMatchObject({
        userId: h.users.plan_owner.id,
        detail: { plan: 'anqing', item: 'goal:anqing/a0/g0' },
      });
    });

    it('leaves editing to plan owners and administrators', async () => {
      const response = await h.as(await h.login('monitoring_lead'), {
        method: 'PUT',
        url: '/api/plans/anqing/responsibilities',
        payload: { item: { kind: 'goal', id: 'anqing/a0/g0' }, departments: [] },
      });
      expect(response.statusCode).toBe(403);
    });
  });
}
