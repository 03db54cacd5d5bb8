import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_CATALOG } from '../src/domain/indicators/catalog.js';
import type { PlanTargetLink } from '../src/domain/indicators/link-targets.js';
import type { ObservationInput, Sex } from '../src/domain/observations/observation.js';
import { listIndicatorCodes, syncIndicatorCatalog } from '../src/store/indicator-repository.js';
import { listObservations, upsertObservations } from '../src/store/observation-repository.js';
import { getRegion, listChildRegions, saveRegions } from '../src/store/region-repository.js';
import {
  getTargetLinkOverrides,
  listTargetLinks,
  overrideTargetLink,
  saveTargetLinks,
} from '../src/store/target-link-repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

const REGIONS = [
  { code: '340000', name: '安徽省', level: 'province' as const, parentCode: '000000' },
  { code: '340800', name: '安庆市', level: 'city' as const, parentCode: '340000' },
  { code: '340822', name: '怀宁县', level: 'county' as const, parentCode: '340800' },
  { code: '340825', name: '太湖县', level: 'county' as const, parentCode: '340800' },
];

const mmr = (regionCode: string, year: number, deaths: number, births: number): ObservationInput => ({
  indicatorCode: 'health.maternal_mortality',
  regionCode,
  year,
  sex: '合计',
  urbanRural: '合计',
  age: '',
  value: (deaths / births) * 100_000,
  numerator: deaths,
  denominator: births,
  comment: null,
});

const link = (key: string, indicatorCode: string | null): PlanTargetLink =>
  ({
    key,
    indicatorCode,
    method: indicatorCode ? 'exact' : null,
    score: indicatorCode ? 1 : 0,
    source: null,
    matched: null,
  }) as PlanTargetLink;

for (const engine of ENGINES) {
  describe(`reference data and observations on ${engine}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await openTestDatabase(engine);
      await syncIndicatorCatalog(test.db, INDICATOR_CATALOG);
      await saveRegions(test.db, REGIONS);
    });
    afterAll(async () => {
      await test?.destroy();
    });

    it('syncs the indicator catalogue idempotently', async () => {
      expect(await syncIndicatorCatalog(test.db, INDICATOR_CATALOG)).toBe(INDICATOR_CATALOG.length);
      expect(await listIndicatorCodes(test.db)).toHaveLength(INDICATOR_CATALOG.length);
    });

    it('stores regions idempotently and lists children', async () => {
      expect(await saveRegions(test.db, REGIONS)).toBe(0);
      expect(await getRegion(test.db, '340800')).toEqual(REGIONS[1]);
      expect((await listChildRegions(test.db, '340800')).map((r) => r.name)).toEqual(['怀宁县', '太湖县']);
    });

    it('upserts observations: new keys inserted, existing keys updated with a new version', async () => {
      const first = await upsertObservations(
        test.db,
        [mmr('340822', 2020, 1, 5000), mmr('340825', 2020, 0, 4000)],
        {
          source: 'csv',
        },
      );
      expect(first).toEqual({ inserted: 2, updated: 0 });
      const second = await upsertObservations(
        test.db,
        [mmr('340822', 2020, 2, 5000), mmr('340822', 2021, 0, 4800)],
        {
          source: 'xlsx',
          updatedBy: 'admin',
        },
      );
      expect(second).toEqual({ inserted: 1, updated: 1 });
      const stored = await listObservations(test.db, { regionCodes: ['340822'] });
      expect(stored.map((o) => [o.year, o.value, o.numerator, o.version, o.source, o.status])).toEqual([
        [2020, 40, 2, 2, 'xlsx', 'approved'],
        [2021, 0, 0, 1, 'xlsx', 'approved'],
      ]);
      expect(await listObservations(test.db, { yearFrom: 2021 })).toHaveLength(1);
      expect(await listObservations(test.db, { indicatorCodes: ['education.compulsory_retention'] })).toEqual(
        [],
      );
    });

    it('keeps the simulated flag apart from reported values, and a re-import can clear it', async () => {
      await upsertObservations(test.db, [{ ...mmr('340822', 2019, 1, 5000), simulated: true }], {
        source: 'csv',
      });
      await upsertObservations(test.db, [mmr('340825', 2019, 2, 5000)], { source: 'csv' });
      const flags = async () =>
        (await listObservations(test.db, { yearFrom: 2019, yearTo: 2019 })).map((o) => [
          o.regionCode,
          o.simulated,
        ]);
      expect(await flags()).toEqual([
        ['340822', true],
        ['340825', false],
      ]);
      // Real data replacing a simulated value is no longer marked simulated.
      await upsertObservations(test.db, [mmr('340822', 2019, 1, 5000)], { source: 'csv' });
      expect(await flags()).toEqual([
        ['340822', false],
        ['340825', false],
      ]);
    });

    it('stores nothing when one row of a batch fails', async () => {
      const before = await listObservations(test.db);
      const bad = { ...mmr('999999', 2022, 0, 1000) };
      await expect(
        upsertObservations(test.db, [mmr('340825', 2022, 0, 3000), bad], { source: 'csv' }),
      ).rejects.toThrow();
      expect(await listObservations(test.db)).toEqual(before);
      // A row breaking a CHECK constraint fails the batch too (it is not skipped).
      const unchecked = { ...mmr('340825', 2022, 0, 3000), sex: '其他' as Sex };
      await expect(
        upsertObservations(test.db, [mmr('340822', 2022, 0, 3000), unchecked], { source: 'csv' }),
      ).rejects.toThrow();
      expect(await listObservations(test.db)).toEqual(before);
    });

    it('replaces automatic target links and keeps manual overrides', async () => {
      await saveTargetLinks(test.db, 'p1', [link('k1', 'health.maternal_mortality'), link('k2', null)]);
      await overrideTargetLink(test.db, 'p1', 'k2', 'education.compulsory_retention');
      await saveTargetLinks(test.db, 'p1', [link('k1', 'health.maternal_mortality'), link('k2', null)]);
      const links = await listTargetLinks(test.db, 'p1');
      expect(links.map((l) => [l.targetKey, l.indicatorCode, l.overridden])).toEqual([
        ['k1', 'health.maternal_mortality', false],
        ['k2', 'education.compulsory_retention', true],
      ]);
      expect(await getTargetLinkOverrides(test.db, 'p1')).toEqual({ k2: 'education.compulsory_retention' });
    });
  });
}
