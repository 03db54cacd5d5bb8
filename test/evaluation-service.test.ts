import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUANTITATIVE_COMPARATORS } from '../src/domain/evaluation/attainment.js';
import { isHalfskyError } from '../src/domain/errors.js';
import type { Plan } from '../src/domain/plan.js';
import {
  alertAction,
  comparePlanWithParent,
  evaluatePlan,
  evaluationOverview,
  getAlertWithHistory,
  rankRegions,
} from '../src/services/evaluation/index.js';
import { storePlanLinks } from '../src/services/plans/store-plan-links.js';
import { AUTO_CLOSE_NOTE, listAlerts } from '../src/store/alert-repository.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { savePlan } from '../src/store/plan-repository.js';
import { storeSeedWithData } from './evaluation-fixture.js';
import { samplePlan } from './support/sample-plan.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

for (const engine of ENGINES) {
  describe(`evaluation service on ${engine} (清远 seed plan, simulated approved data)`, () => {
    let t: TestDatabase;
    let seed: Awaited<ReturnType<typeof storeSeedWithData>>;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
      seed = await storeSeedWithData(t.db, 'qingyuan');
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('assesses every linked target in 清远 and each of its counties, with components and a sentence', async () => {
      const e = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      expect(e.planRegionCode).toBe(seed.regionCode);
      expect(e.regions.map((r) => r.regionCode).sort()).toEqual([seed.regionCode, ...seed.children].sort());
      const city = e.regions.find((r) => r.isPlanRegion)!;
      expect(city.targets.length).toBeGreaterThan(20);
      for (const target of city.targets) {
        expect(target.explanation).toMatch(/[\u4e00-\u9fa5]/);
        expect(target.assessment!.milestones.length).toBe(target.milestones.length);
      }
      const assessed = city.targets.find(
        (x) => x.status === 'on_track' || x.status === 'needs_acceleration',
      )!;
      expect(assessed.assessment!.current).toMatchObject({
        base: { year: 2020 },
        latest: { year: expect.any(Number) },
      });
      expect(
        assessed.assessment!.current!.ratio ?? assessed.assessment!.current!.observedRate,
      ).not.toBeNull();
    });

    it('shows the city’s reported value beside its roll-up from the counties (the demo stores the exact roll-up)', async () => {
      const e = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024, regionCode: seed.regionCode });
      const withBoth = e.regions[0]!.targets.filter(
        (x) => x.value?.reported != null && x.value.rolledUp != null,
      );
      expect(withBoth.length).toBeGreaterThan(3);
      for (const x of withBoth) {
        expect(x.value!.source).toBe('reported');
        // values are stored rounded to two decimals
        expect(Math.abs(x.value!.relativeDifference ?? 0)).toBeLessThan(1e-3);
      }
    });

    it('counts 达标率 over assessable quantitative targets only, with the counts behind it', async () => {
      const e = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      const city = e.regions.find((r) => r.isPlanRegion)!;
      const quantitative = city.targets.filter((x) =>
        QUANTITATIVE_COMPARATORS.includes(x.assessment!.current!.target.comparator),
      );
      const assessable = quantitative.filter(
        (x) => !['insufficient_data', 'not_assessable'].includes(x.status),
      );
      expect(e.attainment.plan.assessable).toBe(assessable.length);
      expect(e.attainment.plan.achieved).toBe(assessable.filter((x) => x.status === 'achieved').length);
      expect(e.attainment.plan.rate).toBeCloseTo(
        e.attainment.plan.achieved / e.attainment.plan.assessable,
        10,
      );
      expect(e.attainment.byArea.reduce((a, g) => a + g.assessable, 0)).toBe(e.attainment.plan.assessable);
      expect(e.attainment.byRegion).toHaveLength(e.regions.length);
    });

    it('stores the alerts the data support once (a second evaluation changes nothing)', async () => {
      const e = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      const candidates = e.regions.flatMap((r) => r.targets.flatMap((x) => x.alerts));
      expect(e.alerts.length).toBe(
        new Set(candidates.map((a) => `${a.rule}|${a.targetKey}|${a.regionCode}`)).size,
      );
      expect(new Set(e.alerts.map((a) => a.rule))).toEqual(
        new Set(['projected_miss', 'wrong_direction', 'volatile', 'outlier', 'data_missing']),
      );
      const first = await listAlerts(t.db, { planId: 'qingyuan', year: 2024 });
      await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      const second = await listAlerts(t.db, { planId: 'qingyuan', year: 2024 });
      expect(second).toEqual(first);
      const one = await getAlertWithHistory(t.db, first.alerts[0]!.id);
      expect(one.events.map((ev) => ev.kind)).toEqual(['issued']);
    });

    it('is live: a changed approved value shows on the next call and an alert it no longer supports closes itself', async () => {
      const before = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      const rowFor = (a: { indicatorCode: string | null; regionCode: string }) =>
        seed.rows.find(
          (r) => r.indicatorCode === a.indicatorCode && r.regionCode === a.regionCode && r.sex === '女',
        ) ??
        seed.rows.find(
          (r) => r.indicatorCode === a.indicatorCode && r.regionCode === a.regionCode && r.sex === '合计',
        );
      const missing = before.alerts.find(
        (a) => a.rule === 'data_missing' && a.level === 'yellow' && rowFor(a),
      )!;
      expect(missing).toBeDefined();
      const row = rowFor(missing)!;
      // a draft does not count: only approved values are evaluated
      await upsertObservations(t.db, [{ ...row, year: 2024 }], { source: 'form', status: 'draft' });
      const draft = await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      expect(draft.dataVersion).not.toBe(before.dataVersion);
      expect(draft.alerts.find((a) => a.id === missing.id)!.status).toBe('issued');
      await upsertObservations(t.db, [{ ...row, year: 2024 }], { source: 'form', status: 'approved' });
      const after = await evaluatePlan(t.db, {
        planId: 'qingyuan',
        year: 2024,
        regionCode: missing.regionCode,
      });
      const closed = after.alerts.find((a) => a.id === missing.id)!;
      expect(closed).toMatchObject({ status: 'closed', closedNote: AUTO_CLOSE_NOTE });
      const target = after.regions[0]!.targets.find((x) => x.targetKey === missing.targetKey)!;
      expect(target.value).toMatchObject({ year: 2024, reported: row.value });
      const history = await getAlertWithHistory(t.db, missing.id);
      expect(history.events.map((ev) => ev.kind)).toEqual(['issued', 'auto_closed']);
    });

    it('follows an alert up: acknowledged with an action plan, escalated, resolved; a wrong step is refused', async () => {
      const { alerts } = await listAlerts(t.db, { planId: 'qingyuan', year: 2024, statuses: ['issued'] });
      const id = alerts[0]!.id;
      await expect(alertAction(t.db, id, { action: 'resolve', actor: 'lead' })).rejects.toSatisfy(
        (e: unknown) => isHalfskyError(e, 'ALERT_ACTION_NOT_ALLOWED'),
      );
      const ack = await alertAction(t.db, id, {
        action: 'acknowledge',
        actor: 'owner',
        actionPlan: '加强孕产妇系统管理',
        dueDate: '2025-06-30',
      });
      expect(ack).toMatchObject({
        status: 'acknowledged',
        actionPlan: '加强孕产妇系统管理',
        dueDate: '2025-06-30',
      });
      await alertAction(t.db, id, { action: 'comment', actor: 'lead', note: '请于月底前报送进展' });
      await alertAction(t.db, id, { action: 'escalate', actor: 'lead', note: '逾期未办' });
      const done = await alertAction(t.db, id, { action: 'resolve', actor: 'owner', note: '已整改' });
      expect(done.status).toBe('resolved');
      const { events } = await getAlertWithHistory(t.db, id);
      expect(events.map((ev) => [ev.kind, ev.toStatus, ev.actor])).toEqual([
        ['issued', 'issued', null],
        ['acknowledge', 'acknowledged', 'owner'],
        ['comment', 'acknowledged', 'lead'],
        ['escalate', 'escalated', 'lead'],
        ['resolve', 'resolved', 'owner'],
      ]);
      // a resolved alert stays resolved when the data still support it
      await upsertObservations(t.db, [{ ...seed.rows[0]!, value: seed.rows[0]!.value }], { source: 'form' });
      await evaluatePlan(t.db, { planId: 'qingyuan', year: 2024 });
      expect((await getAlertWithHistory(t.db, id)).alert.status).toBe('resolved');
    });

    it('ranks the counties with components and rank change; the overview counts statuses and alerts', async () => {
      const ranking = await rankRegions(t.db, { planId: 'qingyuan', year: 2024 });
      expect(ranking.regions.map((r) => r.region).sort()).toEqual([...seed.children].sort());
      const ranked = ranking.regions.filter((r) => r.status === 'ranked');
      expect(ranked.length).toBeGreaterThan(3);
      expect(ranked[0]!.rank).toBe(1);
      for (const r of ranked) {
        expect(r.score).toBeCloseTo(
          r.components.reduce((a, c) => a + (c.contribution ?? 0), 0),
          10,
        );
        if (r.previousRank !== null) expect(r.rankChange).toBe(r.previousRank - r.rank!);
      }
      expect(ranking.rule).toMatch(/并列/);
      const overview = await evaluationOverview(t.db, { planId: 'qingyuan', year: 2024 });
      const statuses = Object.values(overview.statusDistribution.allRegions).reduce((a, b) => a + b, 0);
      expect(statuses).toBe(overview.counts.assessments);
      expect(overview.alerts.byLevel.red + overview.alerts.byLevel.yellow).toBe(overview.alerts.open);
    });

    it('answers PLAN_NOT_FOUND and REGION_NOT_FOUND', async () => {
      await expect(evaluatePlan(t.db, { planId: 'nowhere', year: 2024 })).rejects.toSatisfy((e: unknown) =>
        isHalfskyError(e, 'PLAN_NOT_FOUND'),
      );
      await expect(
        evaluatePlan(t.db, { planId: 'qingyuan', year: 2024, regionCode: '340800' }),
      ).rejects.toSatisfy((e: unknown) => isHalfskyError(e, 'REGION_NOT_FOUND'));
    });
  });

  describe(`county plan against the city plan on ${engine}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await openTestDatabase(engine);
    });
    afterAll(async () => {
      await t?.destroy();
    });

    it('finds the targets of 怀宁县’s plan less ambitious than 安庆市’s', async () => {
      const city: Plan = {
        ...samplePlan('anqing-test', '安庆市妇女发展规划'),
        region: '安庆市',
        parentRegion: '安徽省',
      };
      const base = samplePlan('huaining-test', '怀宁县妇女发展规划');
      const county: Plan = {
        ...base,
        region: '怀宁县',
        level: 'county',
        parentRegion: '安庆市',
        // the county settles for 14/10万 by 2030 (the city: 12) and keeps the city's 2025 value
        targets: base.targets.map((x) =>
          x.indicator === '孕产妇死亡率' && x.year === 2030 ? { ...x, value: 14 } : x,
        ),
      };
      for (const plan of [city, county]) {
        await savePlan(t.db, plan, { format: 'txt', text: '…' });
        await storePlanLinks(t.db, plan);
      }
      const result = await comparePlanWithParent(t.db, { planId: 'huaining-test' });
      expect(result.referencePlanId).toBe('anqing-test');
      const mmr = result.comparisons.filter((c) => c.indicatorCode === 'health.maternal_mortality');
      expect(mmr.map((c) => [c.year, c.verdict])).toEqual([
        [2030, 'less_ambitious'],
        [2025, 'as_ambitious'],
      ]);
      expect(result.lessAmbitious).toBe(1);
      const top = await comparePlanWithParent(t.db, { planId: 'anqing-test' });
      expect(top.referencePlanId).toBeNull();
    });
  });
}
