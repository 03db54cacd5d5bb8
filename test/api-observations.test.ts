import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listObservations } from '../src/store/observation-repository.js';
import { ENGINES } from './support/test-database.js';
import { openApiHarness, type ApiHarness, type Session } from './support/api-harness.js';

const MMR = 'health.maternal_mortality';
const put = (cells: unknown[]) => ({ method: 'PUT' as const, url: '/api/observations', payload: { cells } });

for (const engine of ENGINES) {
  describe(`observations over HTTP (${engine})`, () => {
    let h: ApiHarness;
    let admin: Session;
    let reporter: Session;
    beforeAll(async () => {
      h = await openApiHarness(engine);
      admin = await h.login('administrator');
      reporter = await h.login('reporter');
    });
    afterAll(async () => {
      await h?.close();
    });

    it('stores cells with source api and the writing user, and lists them within the scope', async () => {
      const response = await h.as(
        reporter,
        put([
          // An explicit null is "no value", as an omitted field is (not 0).
          { indicator: MMR, region: '怀宁县', year: 2022, value: 10, numerator: null, denominator: null },
          { indicator: '孕产妇死亡率', region: '340822', year: 2023, numerator: 1, denominator: 10000 },
        ]),
      );
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ inserted: 2, updated: 0 });
      const listed = await h.as(reporter, {
        method: 'GET',
        url: `/api/observations?indicator=${MMR}&year=2023`,
      });
      expect(listed.json().observations).toMatchObject([
        {
          regionCode: '340822',
          year: 2023,
          value: 10,
          source: 'api',
          version: 1,
          updatedBy: h.users.reporter.id,
        },
      ]);
      const bySex = await h.as(admin, { method: 'GET', url: '/api/observations?region=340800&sex=male' });
      expect(bySex.json().observations).toEqual([]);
    });

    it('reports every bad cell with its index and field and stores nothing', async () => {
      const before = await listObservations(h.test.db);
      const response = await h.as(
        admin,
        put([
          { indicator: MMR, region: '340822', year: 2021, value: 11 },
          { indicator: 'no such indicator', region: '340822', year: 2021, value: 1 },
          { indicator: MMR, region: '340822', year: 2021, value: 12 },
          { indicator: MMR, region: '340822', year: 2021, sex: 'x', value: -3 },
        ]),
      );
      expect(response.statusCode).toBe(400);
      const body = response.json<{ code: string; fields: { field: string }[] }>();
      expect(body.code).toBe('OBSERVATIONS_INVALID');
      expect(body.fields.map((f) => f.field)).toEqual(
        expect.arrayContaining(['cells.1.indicator', 'cells.2.indicator', 'cells.3.sex']),
      );
      expect(await listObservations(h.test.db)).toEqual(before);
    });

    it('refuses a stale version with 409 naming the cell, and writes with the current one', async () => {
      const cell = { indicator: MMR, region: '340822', year: 2022, value: 15 };
      const stale = await h.as(admin, put([{ ...cell, version: 1 }]));
      expect(stale.statusCode, stale.body).toBe(200);
      const again = await h.as(
        admin,
        put([
          { ...cell, year: 2019, version: 0 },
          { ...cell, value: 16, version: 1 },
        ]),
      );
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({
        code: 'OBSERVATION_CONFLICT',
        fields: [{ field: 'cells.1.version' }],
      });
      const stored = await listObservations(h.test.db, {
        regionCodes: ['340822'],
        yearFrom: 2019,
        yearTo: 2022,
      });
      expect(stored.map((o) => [o.year, o.value, o.version])).toEqual([[2022, 15, 2]]);
      const current = await h.as(admin, put([{ ...cell, value: 16, version: 2 }]));
      expect(current.statusCode).toBe(200);
    });

    it('limits reporters to the indicators their departments supply and to their region subtree', async () => {
      const other = await h.as(
        reporter,
        put([{ indicator: 'education.compulsory_retention', region: '340822', year: 2022, value: 95 }]),
      );
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ code: 'OBSERVATIONS_FORBIDDEN', fields: [{ field: 'cells.0' }] });
      const outside = await h.as(reporter, put([{ indicator: MMR, region: '441802', year: 2022, value: 5 }]));
      expect(outside.statusCode).toBe(403);
      const hidden = await h.as(reporter, { method: 'GET', url: '/api/observations?region=441800' });
      expect(hidden.statusCode).toBe(404);
    });
  });
}
