import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertObservations } from '../src/store/observation-repository.js';
import { listObservations } from '../src/store/observation-repository.js';
import { ensureReferencedData } from '../src/services/reference-data/ensure-referenced-data.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { ENGINES } from './support/test-database.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';

const MMR = 'health.maternal_mortality'; // 1/10万, 卫健局, by urban/rural
const MANAGED = 'health.maternal_systematic_management'; // %, 卫健局
const ROUND = 'anqing-2024';

interface CellView {
  id: string;
  indicatorCode: string;
  regionCode: string;
  sex: string;
  urbanRural: string;
  age: string;
  department: string;
  state: string;
  value: number | null;
  version: number;
  lastYearValue: number | null;
  target: { comparator: string; value: number | null; year: number } | null;
  returnReason: string | null;
  warnings: { check: string; zh: string }[];
  submittedValue: number | null;
  changedSinceSubmission: boolean;
}

for (const engine of ENGINES) {
  describe(`reporting rounds on ${engine}: open, enter, validate, submit, review, audit`, () => {
    let h: ApiHarness;
    let lead: Session;
    let reporter: Session;
    let county: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      h.clock.now = new Date('2025-01-15T08:00:00Z');
      lead = await h.login('monitoring_lead');
      reporter = await h.login('reporter');
      county = await h.login('county_office');
      // Last year's approved values, as a data import stores them.
      const previous = ['340822', '340825', '340826', '340827', '340881'].map((regionCode) => ({
        indicatorCode: MMR,
        regionCode,
        year: 2023,
        sex: '合计' as const,
        urbanRural: '合计' as const,
        age: '',
        value: 10,
        numerator: null,
        denominator: null,
        comment: null,
      }));
      await ensureReferencedData(h.test.db, loadRegionTree(), previous);
      await upsertObservations(h.test.db, previous, { source: 'csv', status: 'approved' });
    });
    afterAll(async () => {
      await h?.close();
    });

    const cells = async (session: Session, query = '') => {
      const r = await h.as(session, { method: 'GET', url: `/api/rounds/${ROUND}/cells${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ cells: CellView[] }>().cells;
    };
    const cellOf = async (session: Session, indicator: string, region: string) =>
      (await cells(session)).find(
        (c) =>
          c.indicatorCode === indicator &&
          c.regionCode === region &&
          c.urbanRural === '合计' &&
          c.sex === '合计',
      )!;
    const save = (session: Session, body: object) =>
      h.as(session, { method: 'PUT', url: `/api/rounds/${ROUND}/cells`, payload: body });

    it('opens a round only as the monitoring lead; the owed cells carry last year’s value and the target', async () => {
      const { storePlanLinks } = await import('../src/services/plans/store-plan-links.js');
      const { getPlan } = await import('../src/store/plan-repository.js');
      await storePlanLinks(h.test.db, (await getPlan(h.test.db, 'anqing'))!);
      const body = { planId: 'anqing', year: 2024, deadline: '2025-03-31' };
      const denied = await h.as(reporter, { method: 'POST', url: '/api/rounds', payload: body });
      expect(denied.statusCode).toBe(403);
      const opened = await h.as(lead, { method: 'POST', url: '/api/rounds', payload: body });
      expect(opened.statusCode, opened.body).toBe(201);
      expect(opened.json()).toMatchObject({ round: { id: ROUND, regionCode: '340800', status: 'open' } });
      expect(opened.json<{ cells: number }>().cells).toBeGreaterThan(10);
      const again = await h.as(lead, { method: 'POST', url: '/api/rounds', payload: body });
      expect(again.json()).toMatchObject({ code: 'ROUND_EXISTS' });

      const mine = await cells(reporter);
      expect(mine.length).toBeGreaterThan(0);
      expect(new Set(mine.map((c) => c.department))).toEqual(new Set(['卫健局']));
      const all = await cells(lead);
      expect(all.length).toBeGreaterThan(mine.length);
      const huaining = await cellOf(reporter, MMR, '340822');
      expect(huaining).toMatchObject({ state: 'owed', version: 0, lastYearValue: 10, value: null });
      expect(huaining.target).toMatchObject({ comparator: '<=', value: 13, year: 2025 });
    });

    it('saves drafts freely, and refuses the second of two saves of the same version (conflict)', async () => {
      const cell = { indicator: MMR, region: '340822', value: 11 };
      const first = await save(reporter, { cells: [{ ...cell, version: 0 }] });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ saved: 1, cells: [{ version: 1 }] });
      const stale = await save(reporter, { cells: [{ ...cell, value: 12, version: 0 }] });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'OBSERVATION_CONFLICT' });
      expect(stale.json<{ fields: { field: string; message: string }[] }>().fields[0]).toMatchObject({
        field: 'cells.0.version',
      });
      expect(stale.json<{ fields: { message: string }[] }>().fields[0]!.message).toContain('已被他人修改');
      const next = await save(reporter, { cells: [{ ...cell, value: 10.5, version: 1 }] });
      expect(next.statusCode, next.body).toBe(200);

      // Two reporters racing on the same version: exactly one wins.
      const v = (await cellOf(reporter, MMR, '340822')).version;
      const other = await h.login('reporter');
      const [a, b] = await Promise.all([
        save(reporter, { cells: [{ ...cell, value: 9.5, version: v }] }),
        save(other, { cells: [{ ...cell, value: 9.8, version: v }] }),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      expect((await cellOf(reporter, MMR, '340822')).version).toBe(v + 1);
    });

    it('validates type, range and logic, in Chinese with the cell and field; nothing of a bad batch is stored', async () => {
      const before = await cellOf(reporter, MANAGED, '340825');
      const bad = await save(reporter, {
        cells: [
          { indicator: MANAGED, region: '340825', value: 95, version: before.version },
          { indicator: MANAGED, region: '340826', value: 105, version: 0 },
          { indicator: MANAGED, region: '340827', value: 'abc', version: 0 },
        ],
      });
      expect(bad.statusCode).toBe(400);
      const fields = bad.json<{ code: string; fields: { field: string; message: string }[] }>();
      expect(fields.code).toBe('VALIDATION_FAILED'); // 'abc' is not a number: refused by the schema
      const range = await save(reporter, {
        cells: [
          { indicator: MANAGED, region: '340825', value: 95, version: before.version },
          { indicator: MANAGED, region: '340826', value: 105, version: 0 },
        ],
      });
      expect(range.statusCode).toBe(400);
      expect(range.json()).toMatchObject({
        code: 'ROUND_CELLS_INVALID',
        fields: [{ field: 'cells.1.value', message: expect.stringContaining('超出范围（0—100）') }],
      });
      expect((await cellOf(reporter, MANAGED, '340825')).state).toBe(before.state);

      const notMine = await save(reporter, {
        cells: [{ indicator: 'decision.village_committee_women', region: '340825', value: 30, version: 0 }],
      });
      expect([400, 403]).toContain(notMine.statusCode);
    });

    it('needs a comment for a change beyond the threshold and flags outliers as warnings', async () => {
      const jump = { indicator: MMR, region: '340825', value: 20, version: 0 };
      const refused = await save(reporter, { cells: [jump] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ fields: { message: string }[] }>().fields[0]!.message).toContain(
        '请在备注中说明原因',
      );
      const explained = await save(reporter, { cells: [{ ...jump, comment: '新增病例 2 例，已核实' }] });
      expect(explained.statusCode, explained.body).toBe(200);
      expect(explained.json<{ warnings: { check: string }[] }>().warnings.map((w) => w.check)).toContain(
        'year-on-year',
      );
      const cell = await cellOf(lead, MMR, '340825');
      expect(cell.warnings.map((w) => w.check)).toContain('year-on-year');
    });

    it('submits, returns with a reason, shows what changed, resubmits, approves (locked), reopens only as lead', async () => {
      const submitted = await h.as(reporter, {
        method: 'POST',
        url: `/api/rounds/${ROUND}/submit`,
        payload: { department: '卫健局', region: '340822' },
      });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json<{ submitted: number }>().submitted).toBeGreaterThanOrEqual(1);
      const cell = await cellOf(reporter, MMR, '340822');
      expect(cell.state).toBe('submitted');
      const locked = await save(reporter, {
        cells: [{ indicator: MMR, region: '340822', value: 1, version: cell.version }],
      });
      expect(locked.statusCode).toBe(409);
      expect(locked.json()).toMatchObject({ code: 'ROUND_CELL_STATE' });
      // Nor around the round: PUT /api/observations leaves a submitted value alone.
      const around = await h.as(lead, {
        method: 'PUT',
        url: '/api/observations',
        payload: { cells: [{ indicator: MMR, region: '340822', year: 2024, value: 1 }] },
      });
      expect(around.statusCode).toBe(409);
      expect(around.json()).toMatchObject({ code: 'ROUND_CELL_STATE', fields: [{ field: 'cells.0' }] });

      const review = (session: Session, decisions: unknown[]) =>
        h.as(session, { method: 'POST', url: `/api/rounds/${ROUND}/review`, payload: { decisions } });
      expect((await review(reporter, [{ cellId: cell.id, decision: 'approve' }])).statusCode).toBe(403);
      const noReason = await review(lead, [{ cellId: cell.id, decision: 'return' }]);
      expect(noReason.json()).toMatchObject({ code: 'REASON_REQUIRED' });
      expect(
        (await review(lead, [{ cellId: cell.id, decision: 'return', reason: '与卫健统计年报不符' }]))
          .statusCode,
      ).toBe(200);
      const returned = await cellOf(reporter, MMR, '340822');
      expect(returned).toMatchObject({ state: 'returned', returnReason: '与卫健统计年报不符' });

      await save(reporter, {
        cells: [{ indicator: MMR, region: '340822', value: 10.2, version: returned.version }],
      });
      const corrected = await cellOf(lead, MMR, '340822');
      expect(corrected).toMatchObject({
        state: 'draft',
        submittedValue: cell.value,
        changedSinceSubmission: true,
      });
      await h.as(reporter, {
        method: 'POST',
        url: `/api/rounds/${ROUND}/submit`,
        payload: { region: '340822' },
      });
      expect((await review(lead, [{ cellId: cell.id, decision: 'approve' }])).statusCode).toBe(200);
      const approved = await cellOf(reporter, MMR, '340822');
      expect(approved.state).toBe('approved');
      const stored = await listObservations(h.test.db, {
        indicatorCodes: [MMR],
        regionCodes: ['340822'],
        yearFrom: 2024,
      });
      expect(stored.find((o) => o.urbanRural === '合计')).toMatchObject({ status: 'approved', value: 10.2 });
      expect(
        (
          await save(reporter, {
            cells: [{ indicator: MMR, region: '340822', value: 3, version: approved.version }],
          })
        ).statusCode,
      ).toBe(409);

      // county_office approves but may not reopen; the lead may, with a reason.
      expect((await review(county, [{ cellId: cell.id, decision: 'reopen', reason: 'x' }])).statusCode).toBe(
        403,
      );
      expect((await review(lead, [{ cellId: cell.id, decision: 'reopen' }])).json()).toMatchObject({
        code: 'REASON_REQUIRED',
      });
      expect(
        (await review(lead, [{ cellId: cell.id, decision: 'reopen', reason: '省统计局核查' }])).statusCode,
      ).toBe(200);
      expect((await cellOf(reporter, MMR, '340822')).state).toBe('returned');

      const history = await h.as(reporter, {
        method: 'GET',
        url: `/api/rounds/${ROUND}/cells/${cell.id}/history`,
      });
      expect(history.statusCode).toBe(200);
      const entries = history.json<{
        history: {
          action: string;
          oldValue: number | null;
          newValue: number | null;
          reason: string | null;
          source: string;
          userName: string | null;
        }[];
      }>().history;
      expect(entries.map((e) => e.action)).toEqual([
        'save',
        'save',
        'save',
        'submit',
        'return',
        'save',
        'submit',
        'approve',
        'reopen',
      ]);
      expect(entries[0]).toMatchObject({ oldValue: null, newValue: 11, source: 'api' });
      expect(entries[4]).toMatchObject({ reason: '与卫健统计年报不符' });
      expect(entries[8]).toMatchObject({ reason: '省统计局核查', userName: expect.any(String) });

      // A change outside the round (PUT /api/observations) is in the same trail.
      const direct = await h.as(lead, {
        method: 'PUT',
        url: '/api/observations',
        payload: {
          cells: [{ indicator: MMR, region: '340822', year: 2024, value: 10.4, comment: '年报更正' }],
        },
      });
      expect(direct.statusCode, direct.body).toBe(200);
      const after = await h.as(reporter, {
        method: 'GET',
        url: `/api/rounds/${ROUND}/cells/${cell.id}/history`,
      });
      expect(after.json<{ history: unknown[] }>().history.at(-1)).toMatchObject({
        action: 'save',
        oldValue: 10.2,
        newValue: 10.4,
        reason: '年报更正',
        source: 'api',
      });
    });

    it('rolls the counties’ approved values up to the city and reports progress and reminders', async () => {
      const decisions: { cellId: string; decision: 'approve' }[] = [];
      for (const [region, numerator, denominator] of [
        ['340826', 1, 10_000],
        ['340827', 3, 25_000],
      ] as const) {
        const before = await cellOf(reporter, MMR, region);
        const saved = await save(reporter, {
          cells: [{ indicator: MMR, region, numerator, denominator, version: before.version }],
        });
        expect(saved.statusCode, saved.body).toBe(200);
        decisions.push({ cellId: before.id, decision: 'approve' });
      }
      await h.as(reporter, { method: 'POST', url: `/api/rounds/${ROUND}/submit`, payload: {} });
      await h.as(lead, { method: 'POST', url: `/api/rounds/${ROUND}/review`, payload: { decisions } });
      const rollUp = await h.as(lead, { method: 'GET', url: `/api/rounds/${ROUND}/roll-up` });
      expect(rollUp.statusCode, rollUp.body).toBe(200);
      const mmr = rollUp
        .json<{
          cells: {
            indicatorCode: string;
            urbanRural: string;
            value: number | null;
            contributed: string[];
            complete: boolean;
          }[];
        }>()
        .cells.find((c) => c.indicatorCode === MMR && c.urbanRural === '合计')!;
      // A ratio of sums over the approved counties with numerators and denominators: (1 + 3) / 35 000 × 10万.
      expect(mmr.contributed).toEqual(['340826', '340827']);
      expect(mmr.value).toBeCloseTo((4 / 35_000) * 100_000, 6);
      expect(mmr.complete).toBe(false);

      const status = await h.as(lead, { method: 'GET', url: `/api/rounds/${ROUND}` });
      const progress = status.json<{
        progress: { total: { owed: number; approved: number; late: number }; reminders: unknown[] };
      }>().progress;
      expect(progress.total.approved).toBeGreaterThanOrEqual(2);
      expect(progress.reminders).toEqual([]);
      h.clock.now = new Date('2025-04-02T00:00:00Z');
      const late = await h.as(await h.login('monitoring_lead'), {
        method: 'GET',
        url: `/api/rounds/${ROUND}`,
      });
      const reminders = late.json<{
        progress: { reminders: { department: string; overdue: number; message: string }[] };
      }>().progress.reminders;
      expect(reminders.map((r) => r.department)).toContain('卫健局');
      expect(reminders[0]!.message).toContain('已逾期');
      h.clock.now = new Date('2025-01-15T08:00:00Z');
    });
  });
}
