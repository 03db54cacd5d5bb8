import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../src/store/audit-repository.js';
import { listPlans } from '../src/store/plan-repository.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';
import { makeDocx } from './support/make-docx.js';
import { NO_TARGETS_PLAN_TEXT, SMALL_PLAN_TEXT } from './support/plan-texts.js';
import { ENGINES } from './support/test-database.js';

const ANQING_TEXT = SMALL_PLAN_TEXT.replace(/测试市/g, '安庆市');
const QINGYUAN_TEXT = SMALL_PLAN_TEXT.replace(/测试市/g, '清远市');

for (const engine of ENGINES) {
  describe(`plan import over HTTP (${engine})`, () => {
    let h: ApiHarness;
    let owner: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      owner = await h.login('plan_owner');
    });
    afterAll(async () => {
      await h?.close();
    });

    const parse = (text: string | Buffer, filename = 'plan.txt') =>
      h.as(owner, {
        method: 'POST',
        url: `/api/plans/parse?filename=${encodeURIComponent(filename)}`,
        headers: { 'content-type': 'text/plain' },
        payload: text,
      });
    const planIds = async () => (await listPlans(h.test.db)).map((p) => p.id).sort();

    it('parses an upload into the plan with item ids, its source text and links, storing nothing', async () => {
      const response = await parse(ANQING_TEXT);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body.plan).toMatchObject({ region: '安庆市', regionCode: '340800' });
      expect(body.plan.areas[0].goals[0].id).toMatch(/\/a0\/g0$/);
      expect(body.plan.targets[0]).toMatchObject({
        indicator: expect.any(String),
        comparator: '<=',
        value: 12,
      });
      expect(body.source).toEqual({ format: 'txt', text: expect.stringContaining('孕产妇死亡率') });
      expect(body.links[0]).toMatchObject({
        targetId: body.plan.targets[0].id,
        indicatorCode: expect.any(String),
      });
      expect(body.inScope).toBe(true);
      expect(await planIds()).toEqual(['anqing', 'qingyuan']);
    });

    it('parses a Word document sent as the raw body', async () => {
      const docx = Buffer.from(await makeDocx(ANQING_TEXT.split('\n\n')));
      const response = await h.as(owner, {
        method: 'POST',
        url: `/api/plans/parse?filename=${encodeURIComponent('安庆 规划.docx')}`,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
        payload: docx,
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().source.format).toBe('docx');
      expect(response.json().plan.targets.length).toBe(3);
    });

    it('stores the corrected plan with normalised departments and audits it', async () => {
      const parsed = (await parse(ANQING_TEXT)).json();
      const plan = structuredClone(parsed.plan);
      plan.targets[0].value = 10;
      plan.areas[0].goals[0].responsibility.departments = ['市卫生健康委员会', '妇联'];
      const response = await h.as(owner, {
        method: 'POST',
        url: '/api/plans',
        payload: { plan, source: parsed.source },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ plan: { id: plan.id, region: '安庆市' }, created: true });
      const stored = (await h.as(owner, { method: 'GET', url: `/api/plans/${plan.id}` })).json();
      expect(stored.targets[0]).toMatchObject({ value: 10, responsible: ['卫健局', '妇联'] });
      expect(stored.areas[0].goals[0].responsibility.departments).toEqual(['卫健局', '妇联']);
      const list = (await h.as(owner, { method: 'GET', url: '/api/plans' })).json();
      expect(list.plans.map((p: { id: string }) => p.id)).toContain(plan.id);
      expect((await listAudit(h.test.db)).map((e) => e.event)).toContain('plan_imported');
    });

    it('answers every bad field of a corrected plan at once and stores nothing', async () => {
      const parsed = (await parse(ANQING_TEXT)).json();
      const plan = structuredClone(parsed.plan);
      plan.id = 'bad id';
      plan.targets[0].indicator = ' ';
      plan.targets[0].value = null;
      plan.targets[1].year = 1990;
      const before = await planIds();
      const response = await h.as(owner, {
        method: 'POST',
        url: '/api/plans',
        payload: { plan, source: parsed.source },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('PLAN_INVALID');
      expect(response.json().fields.map((f: { field: string }) => f.field)).toEqual(
        expect.arrayContaining(['id', 'targets.0.indicator', 'targets.0.value', 'targets.1.year']),
      );
      expect(await planIds()).toEqual(before);
    });

    it('refuses a plan of a region outside the user’s scope and stores nothing', async () => {
      const parsed = (await parse(QINGYUAN_TEXT)).json();
      expect(parsed.inScope).toBe(false);
      const before = await planIds();
      const response = await h.as(owner, { method: 'POST', url: '/api/plans', payload: parsed });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'PLAN_OUT_OF_SCOPE', fields: [{ field: 'region' }] });
      // Nor may an in-scope plan replace a stored one outside the scope under its id.
      const anqing = (await parse(ANQING_TEXT)).json();
      const replacing = await h.as(owner, {
        method: 'POST',
        url: '/api/plans',
        payload: { ...anqing, plan: { ...anqing.plan, id: 'qingyuan', title: '清远市妇女发展规划' } },
      });
      expect(replacing.statusCode).toBe(403);
      expect(await planIds()).toEqual(before);
      const stored = (await h.as(owner, { method: 'GET', url: '/api/plans/anqing' })).json();
      expect(stored.region).toBe('安庆市');
    });

    it.each([
      ['an empty file', '', 'plan.txt', 400, 'EMPTY_FILE'],
      ['a binary file', Buffer.from([0, 1, 2, 3, 0, 255, 254, 0, 0, 7]), 'plan.txt', 400, 'BINARY_FILE'],
      ['a text that is no plan', '今天天气很好。\n\n明天也不错。', 'notes.txt', 400, 'NOT_A_PLAN'],
      ['a plan without targets', NO_TARGETS_PLAN_TEXT, 'plan.md', 400, 'PLAN_HAS_NO_TARGETS'],
      ['an unsupported extension', ANQING_TEXT, 'plan.exe', 400, 'UNSUPPORTED_EXTENSION'],
      ['a damaged Word file', 'not really a docx', 'plan.docx', 400, 'CORRUPT_DOCUMENT'],
    ])('refuses %s with a coded error at the file field', async (_label, body, filename, status, code) => {
      const before = await planIds();
      const response = await parse(body, filename);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toMatchObject({ code, fields: [{ field: 'file' }] });
      expect(response.json().message).toContain(filename);
      expect(response.json().message).not.toContain('halfsky-plan-');
      expect(await planIds()).toEqual(before);
    });

    it('refuses a file above the upload limit from its length', async () => {
      const response = await parse(Buffer.alloc(21 * 1024 * 1024, 0x41));
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('FILE_TOO_LARGE');
    });
  });
}
