import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIndicator } from '../src/domain/indicators/catalog.js';
import { hasSexBreakdown } from '../src/domain/indicators/indicator.js';
import type { ObservationInput } from '../src/domain/observations/observation.js';
import { storePlanLinks } from '../src/services/plans/store-plan-links.js';
import { ensureReferencedData } from '../src/services/reference-data/ensure-referenced-data.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { getPlan } from '../src/store/plan-repository.js';
import { loadRegionTree } from '../src/store/regions/load-region-tree.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';
import { ENGINES } from './support/test-database.js';

const MMR = 'health.maternal_mortality';
/** The disaggregation the evaluation reads: 女 where the indicator is by sex, else 合计. */
const SEX = hasSexBreakdown(findIndicator(MMR)!) ? ('女' as const) : ('合计' as const);
const COUNTIES = ['340802', '340803', '340811', '340822', '340825'];

/** 孕产妇死亡率 (≤ 13/10万 by 2025, ≤ 12 by 2030) in five counties of 安庆, 2020–2024; 340825 worsens. */
function rows(): ObservationInput[] {
  return COUNTIES.flatMap((region, i) =>
    [2020, 2021, 2022, 2023, 2024].map((year) => {
      const births = 20000 + 1000 * i;
      const rate = region === '340825' ? 14 + (year - 2020) : 16 - (year - 2020) * (0.6 + 0.2 * i);
      const deaths = Math.round((rate * births) / 100000);
      return {
        indicatorCode: MMR,
        regionCode: region,
        year,
        sex: SEX,
        urbanRural: '合计' as const,
        age: '',
        value: (deaths / births) * 100000,
        numerator: deaths,
        denominator: births,
        comment: null,
      };
    }),
  );
}

for (const engine of ENGINES) {
  describe(`evaluation and alert API on ${engine}`, () => {
    let h: ApiHarness;
    let viewer: Session;
    let owner: Session;
    let admin: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      await storePlanLinks(h.test.db, (await getPlan(h.test.db, 'anqing'))!);
      const data = rows();
      await ensureReferencedData(h.test.db, loadRegionTree(), data);
      await upsertObservations(h.test.db, data, { source: 'csv' });
      viewer = await h.login('viewer');
      owner = await h.login('plan_owner');
      admin = await h.login('administrator');
    });
    afterAll(async () => {
      await h?.close();
    });

    it('GET /api/plans/:id/evaluation: the plan region rolled up from its counties, each county assessed', async () => {
      const response = await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/evaluation?year=2024' });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      const city = body.regions.find((r: { isPlanRegion: boolean }) => r.isPlanRegion);
      expect(city.regionCode).toBe('340800');
      const mmr = city.targets.find((t: { indicatorCode: string }) => t.indicatorCode === MMR);
      expect(mmr.value).toMatchObject({ source: 'rolled_up', contributed: 5 });
      expect(mmr.milestones.map((m: { year: number }) => m.year)).toEqual([2025, 2030]);
      expect(mmr.explanation).toMatch(/孕产妇死亡率/);
      expect(mmr.assessment.current).toHaveProperty('requiredRate');
      const worse = body.regions.find((r: { regionCode: string }) => r.regionCode === '340825');
      expect(worse.targets.find((t: { indicatorCode: string }) => t.indicatorCode === MMR).status).toBe(
        'deterioration',
      );
      const one = await h.as(viewer, {
        method: 'GET',
        url: '/api/plans/anqing/evaluation?year=2024&region=340822',
      });
      expect(one.json().regions.map((r: { regionCode: string }) => r.regionCode)).toEqual(['340822']);
      const bad = await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/evaluation?year=20x4' });
      expect(bad.statusCode).toBe(400);
    });

    it('GET ranking and overview', async () => {
      const ranking = (
        await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/ranking?year=2024' })
      ).json();
      // the sample plan ranks on several numeric targets and only one has data: fewer than half → not ranked
      expect(ranking.indicators.length).toBeGreaterThan(2);
      expect(ranking.regions.map((r: { region: string }) => r.region).sort()).toEqual(
        expect.arrayContaining(COUNTIES),
      );
      for (const r of ranking.regions.filter((x: { region: string }) => COUNTIES.includes(x.region))) {
        expect(r).toMatchObject({ status: 'insufficient_data', rank: null, indicatorsWithData: 1 });
      }
      const overview = (
        await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/evaluation/overview?year=2024' })
      ).json();
      expect(overview.alerts.byRule.wrong_direction).toBeGreaterThan(0);
      expect(overview.statusDistribution.allRegions.deterioration).toBeGreaterThan(0);
    });

    it('alerts: listed with filters, acknowledged with an action plan, refused out of order, with history', async () => {
      const list = await h.as(viewer, {
        method: 'GET',
        url: '/api/alerts?plan=anqing&year=2024&rule=wrong_direction',
      });
      expect(list.statusCode, list.body).toBe(200);
      const alert = list.json().alerts.find((a: { regionCode: string }) => a.regionCode === '340825');
      expect(alert).toMatchObject({ level: 'red', status: 'issued', departments: ['卫健局', '妇联'] });
      expect(alert.reason).toMatch(/相反/);
      const url = `/api/alerts/${alert.id}`;
      const noPlan = await h.as(owner, { method: 'POST', url: `${url}/acknowledge`, payload: {} });
      expect(noPlan.statusCode).toBe(400);
      expect(noPlan.json().code).toBe('REASON_REQUIRED');
      const ack = await h.as(owner, {
        method: 'POST',
        url: `${url}/acknowledge`,
        payload: { actionPlan: '开展高危孕产妇专案管理', dueDate: '2025-03-31' },
      });
      expect(ack.statusCode, ack.body).toBe(200);
      expect(ack.json().alert).toMatchObject({ status: 'acknowledged', dueDate: '2025-03-31' });
      const again = await h.as(owner, {
        method: 'POST',
        url: `${url}/acknowledge`,
        payload: { actionPlan: 'x' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALERT_ACTION_NOT_ALLOWED');
      const viewerTries = await h.as(viewer, {
        method: 'POST',
        url: `${url}/comment`,
        payload: { note: 'x' },
      });
      expect(viewerTries.statusCode).toBe(403);
      const detail = (await h.as(viewer, { method: 'GET', url })).json();
      expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['issued', 'acknowledge']);
      expect(detail.events[1]).toMatchObject({ actor: 'plan_owner', note: '开展高危孕产妇专案管理' });
    });

    it('is live over HTTP: a value written through PUT /api/observations changes the next evaluation', async () => {
      const before = (
        await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/evaluation?year=2024&region=340825' })
      ).json();
      const put = await h.as(admin, {
        method: 'PUT',
        url: '/api/observations',
        payload: {
          cells: [
            {
              indicator: MMR,
              region: '340825',
              year: 2024,
              sex: SEX,
              value: 10,
              numerator: 2,
              denominator: 20000,
            },
          ],
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      const after = (
        await h.as(viewer, { method: 'GET', url: '/api/plans/anqing/evaluation?year=2024&region=340825' })
      ).json();
      expect(after.dataVersion).not.toBe(before.dataVersion);
      const mmr = after.regions[0].targets.find((t: { indicatorCode: string }) => t.indicatorCode === MMR);
      expect(mmr.value.reported).toBe(10);
      expect(mmr.status).toBe('achieved');
      const wrong = after.alerts.find((a: { rule: string }) => a.rule === 'wrong_direction');
      expect(wrong.status).toBe('closed');
    });
  });
}
