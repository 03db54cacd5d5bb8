import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';
import { findCell, openRounds, submittedCell } from './support/round-fixture.js';
import { ENGINES } from './support/test-database.js';

const ROUND = 'anqing-2024';
const MMR = 'health.maternal_mortality';

for (const engine of ENGINES) {
  describe(`closing a reporting round on ${engine}`, () => {
    let h: ApiHarness;
    let lead: Session;
    let reporter: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      h.clock.now = new Date('2025-04-15T08:00:00Z');
      lead = await h.login('monitoring_lead');
      reporter = await h.login('reporter');
      await openRounds(h.test.db, ['anqing']);
    });
    afterAll(async () => {
      await h?.close();
    });

    const post = (session: Session, path: string, payload?: object) =>
      h.as(session, { method: 'POST', url: `/api/rounds/${ROUND}${path}`, ...(payload ? { payload } : {}) });
    const save = (value: number, version: number) =>
      h.as(reporter, {
        method: 'PUT',
        url: `/api/rounds/${ROUND}/cells`,
        payload: { cells: [{ indicator: MMR, region: '340825', value, version }] },
      });

    it('closes only as the monitoring lead; then nothing can be saved, submitted, uploaded or returned', async () => {
      const waiting = await submittedCell(h.test.db, ROUND, { indicator: MMR, region: '340881' }, 9);
      const draft = await save(8, 0);
      expect(draft.statusCode, draft.body).toBe(200);

      expect((await post(reporter, '/close')).statusCode).toBe(403);
      const closed = await post(lead, '/close');
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json()).toMatchObject({ round: { status: 'closed', closedAt: expect.any(String) } });
      expect((await post(lead, '/close')).json()).toMatchObject({ code: 'ROUND_STATUS' });

      const refused = await save(7, 1);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'ROUND_CLOSED',
        message: expect.stringContaining('已关闭'),
      });
      expect((await post(reporter, '/submit', { department: '卫健局' })).json()).toMatchObject({
        code: 'ROUND_CLOSED',
      });
      const upload = await h.as(reporter, {
        method: 'POST',
        url: `/api/rounds/${ROUND}/upload?filename=data.csv`,
        headers: { 'content-type': 'text/csv' },
        payload: `indicator,region,value\n${MMR},340822,9\n`,
      });
      expect(upload.statusCode).toBe(409);
      expect(upload.json()).toMatchObject({ code: 'ROUND_CLOSED' });
      const returned = await post(lead, '/review', {
        decisions: [{ cellId: waiting.id, decision: 'return', reason: '请核实' }],
      });
      expect(returned.json()).toMatchObject({ code: 'ROUND_CLOSED' });
      expect(
        (await findCell(h.test.db, ROUND, { indicator: MMR, region: '340825' })).observation?.value,
      ).toBe(8);

      // A value submitted before closing can still be approved.
      const approved = await post(lead, '/review', {
        decisions: [{ cellId: waiting.id, decision: 'approve' }],
      });
      expect(approved.statusCode, approved.body).toBe(200);
    });

    it('stays readable, shown as closed, with its cells, progress and history', async () => {
      const round = await h.as(reporter, { method: 'GET', url: `/api/rounds/${ROUND}` });
      expect(round.statusCode).toBe(200);
      expect(round.json()).toMatchObject({
        round: { status: 'closed' },
        progress: { reminders: [] },
        statusChanges: [{ status: 'closed', reason: null }],
      });
      const cells = await h.as(reporter, { method: 'GET', url: `/api/rounds/${ROUND}/cells` });
      expect(cells.statusCode).toBe(200);
      const list = await h.as(reporter, { method: 'GET', url: '/api/rounds' });
      expect(list.json()).toMatchObject({ rounds: [{ id: ROUND, status: 'closed' }] });
      const template = await h.as(reporter, {
        method: 'GET',
        url: `/api/rounds/${ROUND}/template?department=${encodeURIComponent('卫健局')}`,
      });
      expect(template.statusCode).toBe(200);
    });

    it('reopens only with a reason, and then takes values again', async () => {
      expect((await post(reporter, '/reopen', { reason: '补报' })).statusCode).toBe(403);
      const blank = await post(lead, '/reopen', { reason: '   ' });
      expect(blank.statusCode).toBe(400);
      expect(blank.json()).toMatchObject({ code: 'REASON_REQUIRED', fields: [{ field: 'reason' }] });
      const reopened = await post(lead, '/reopen', { reason: '县里补报两项数据' });
      expect(reopened.statusCode, reopened.body).toBe(200);
      expect(reopened.json()).toMatchObject({ round: { status: 'open', closedAt: null } });
      const saved = await save(7, 1);
      expect(saved.statusCode, saved.body).toBe(200);
      const round = await h.as(lead, { method: 'GET', url: `/api/rounds/${ROUND}` });
      expect(round.json<{ statusChanges: unknown[] }>().statusChanges).toMatchObject([
        { status: 'closed' },
        { status: 'open', reason: '县里补报两项数据' },
      ]);
    });
  });
}
