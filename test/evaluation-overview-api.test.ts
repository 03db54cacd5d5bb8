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
const SEX = hasSexBreakdown(findIndicator(MMR)!) ? ('女' as const) : ('合计' as const);
const COUNTIES = ['340802', '340803', '340811', '340822', '340825'];

/** 孕产妇死亡率 in five counties of 安庆, 2020–2023 (one value simulated); 340825 reports nothing for 2023. */
function rows(): ObservationInput[] {
  return COUNTIES.flatMap((region, i) =>
    [2020, 2021, 2022, 2023]
      .filter((year) => !(region === '340825' && year === 2023))
      .map((year) => {
        const births = 20000 + 1000 * i;
        const rate = 16 - (year - 2020) * (0.6 + 0.2 * i);
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
          simulated: region === '340803' && year === 2020,
        };
      }),
  );
}

interface Overview {
  year: number;
  regionCode: string;
  simulated: boolean;
  targets: {
    indicatorCode: string | null;
    status: string;
    previousStatus: string | null;
    latestYear: number;
  }[];
  completeness: { regionCode: string; reported: number; targets: number }[];
  counts: { assessedTargets: number };
}

for (const engine of ENGINES) {
  describe(`GET /api/plans/:id/evaluation/overview on ${engine}`, () => {
    let h: ApiHarness;
    let viewer: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      await storePlanLinks(h.test.db, (await getPlan(h.test.db, 'anqing'))!);
      const data = rows();
      await ensureReferencedData(h.test.db, loadRegionTree(), data);
      await upsertObservations(h.test.db, data, { source: 'csv' });
      viewer = await h.login('viewer');
    });
    afterAll(async () => {
      await h?.close();
    });

    const get = async (query: string): Promise<Overview> => {
      const response = await h.as(viewer, {
        method: 'GET',
        url: `/api/plans/anqing/evaluation/overview${query}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };

    it('without a year: the latest year with approved data; targets with last year’s status; completeness', async () => {
      const overview = await get('');
      expect(overview.year).toBe(2023);
      expect(overview.regionCode).toBe('340800');
      expect(overview.simulated).toBe(true);
      expect(overview.targets).toHaveLength(overview.counts.assessedTargets);
      const mmr = overview.targets.find((t) => t.indicatorCode === MMR)!;
      expect(mmr).toMatchObject({ latestYear: 2023 });
      expect(mmr.previousStatus).not.toBeNull();
      const byRegion = new Map(overview.completeness.map((c) => [c.regionCode, c]));
      expect(overview.completeness[0]!.regionCode).toBe('340800');
      expect([...byRegion.keys()]).toEqual(expect.arrayContaining(COUNTIES));
      // one target has data: 340825 reported nothing in 2023, the city reports nothing of its own
      expect(byRegion.get('340802')).toMatchObject({ reported: 1 });
      expect(byRegion.get('340825')).toMatchObject({ reported: 0 });
      expect(byRegion.get('340800')).toMatchObject({ reported: 0 });
      expect(byRegion.get('340802')!.targets).toBe(overview.counts.assessedTargets);
    });

    it('a year asked for: that year evaluated; a year out of range refused', async () => {
      const before = await get('?year=2022');
      expect(before.year).toBe(2022);
      expect(before.completeness.find((c) => c.regionCode === '340825')).toMatchObject({ reported: 1 });
      const bad = await h.as(viewer, {
        method: 'GET',
        url: '/api/plans/anqing/evaluation/overview?year=1999',
      });
      expect(bad.statusCode).toBe(400);
    });
  });
}
