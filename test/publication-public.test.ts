import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { buildApp, type HalfskyApp } from '../src/server/app.js';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { loadPlanRegionTree } from '../src/services/reference-data/load-plan-region-tree.js';
import { listObservations, upsertObservations } from '../src/store/observation-repository.js';
import { listPlans } from '../src/store/plan-repository.js';
import { publishYear, withdrawYear } from '../src/store/publication-repository.js';
import { ENGINES, openTestDatabase, type TestDatabase } from './support/test-database.js';

/**
 * The public section shows a plan's published year and nothing else: not the unpublished years (before
 * or after), not drafts, not another plan. 安庆 2023 is published; its 2024 values are stored and
 * approved but must not appear anywhere; a draft 2023 value with a recognisable number must not either.
 */
for (const engine of ENGINES) {
  describe(`public section on ${engine}: published data only`, () => {
    let t: TestDatabase;
    let built: HalfskyApp;
    let work: string;
    let indicator: string;
    const DRAFT_VALUE = 77.123;

    beforeAll(async () => {
      t = await openTestDatabase(engine);
      work = mkdtempSync(join(tmpdir(), 'halfsky-public-'));
      mkdirSync(join(work, 'plans'));
      for (const f of ['anqing.txt', 'qingyuan.txt'])
        copyFileSync(join(import.meta.dirname, '..', 'data', 'plans', f), join(work, 'plans', f));
      await seedDemo(t.db, { plansDir: join(work, 'plans'), maxBytes: 20 * 1024 * 1024 });
      const stored = await listObservations(t.db, { regionCodes: ['340822'], yearFrom: 2023, yearTo: 2023 });
      const cell = stored.find((o) => o.sex === '女') ?? stored[0]!;
      indicator = cell.indicatorCode;
      // A submitted (not approved) value in a published year: never public.
      await upsertObservations(
        t.db,
        [
          {
            ...cell,
            regionCode: '340825',
            value: DRAFT_VALUE,
            numerator: null,
            denominator: null,
            comment: null,
          },
        ],
        { source: 'form', status: 'submitted' },
      );
      await publishYear(t.db, { planId: 'anqing', year: 2023, publishedBy: null });
      const regions = loadPlanRegionTree(await listPlans(t.db));
      built = await buildApp(loadConfig({}, '/tmp'), { db: t.db, regions });
    });
    afterAll(async () => {
      await built?.app.close();
      await t?.destroy();
      rmSync(work, { recursive: true, force: true });
    });

    const get = (url: string) => built.app.inject({ method: 'GET', url });
    const leaks = (body: string) => body.includes('2024') || body.includes(String(DRAFT_VALUE));

    it('lists only the published year, without login', async () => {
      const r = await get('/api/public/publications');
      expect(r.statusCode).toBe(200);
      expect(r.json().publications).toEqual([expect.objectContaining({ planId: 'anqing', year: 2023 })]);
    });

    it('serves the published year with its indicators, none of the later or draft values', async () => {
      const r = await get('/api/public/plans/anqing/years/2023');
      expect(r.statusCode).toBe(200);
      const body = r.json();
      expect(body.indicators.length).toBeGreaterThan(0);
      for (const i of body.indicators) for (const p of i.series) expect(p.year).toBeLessThanOrEqual(2023);
      expect(r.body).not.toContain(String(DRAFT_VALUE));
      const chart = await get(`/api/public/plans/anqing/years/2023/charts/${indicator}`);
      expect(chart.statusCode).toBe(200);
      expect(chart.json().chart.lines[0].points.every((p: { year: number }) => p.year <= 2023)).toBe(true);
      // The response schema keeps every part of the chart (title, unit, targets), not only the lines.
      expect(Object.keys(chart.json().chart)).toEqual(expect.arrayContaining(['title', 'unit', 'lines']));
    });

    it('answers 404 for unpublished years and plans, on every public route', async () => {
      for (const url of [
        '/api/public/plans/anqing/years/2024',
        '/api/public/plans/qingyuan/years/2023',
        `/api/public/plans/anqing/years/2024/charts/${indicator}`,
        `/api/public/plans/anqing/years/2024/open-data/${indicator}`,
        '/api/public/plans/anqing/years/2024/open-data.zip',
        '/api/public/plans/anqing/years/2024/reports/annual',
        '/api/public/plans/nowhere/years/2023',
      ]) {
        const r = await get(url);
        expect(r.statusCode, url).toBe(404);
        expect(r.json().code, url).toBe('NOT_PUBLISHED');
      }
    });

    it('open data in the Open SDG layout: Year, disaggregations, Value; headline rows blank; no leak', async () => {
      const csv = await get(`/api/public/plans/anqing/years/2023/open-data/${indicator}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Year,GeoCode,Region,Sex,Value');
      expect(lines.some((l) => /^\d{4},,,/.test(l))).toBe(true); // the city's headline rows
      expect(lines.some((l) => l.includes(',340822,怀宁县,'))).toBe(true);
      expect(leaks(csv.body)).toBe(false);
      const json = await get(`/api/public/plans/anqing/years/2023/open-data/${indicator}?format=json`);
      expect(json.json()).toMatchObject({
        publishedYear: 2023,
        simulated: true,
        columns: ['Year', 'GeoCode', 'Region', 'Sex', 'Value'],
      });
      expect(leaks(JSON.stringify(json.json().data))).toBe(false);
      expect(Object.keys(json.json().data[0]).sort()).toEqual(['GeoCode', 'Region', 'Sex', 'Value', 'Year']);
      expect(json.json().indicator).toMatchObject({ code: indicator, status: expect.any(String) });
    });

    it('the zip holds every published indicator as CSV and JSON, and nothing unpublished', async () => {
      const r = await get('/api/public/plans/anqing/years/2023/open-data.zip');
      expect(r.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(r.rawPayload);
      const names = Object.keys(zip.files);
      expect(names).toContain(`csv/${indicator}.csv`);
      expect(names).toContain(`json/${indicator}.json`);
      expect(names).toContain('index.json');
      for (const name of names.filter((n) => n.endsWith('.csv'))) {
        expect(leaks(await zip.file(name)!.async('string')), name).toBe(false);
      }
    });

    it('withdrawing a year takes it out of the public section', async () => {
      await publishYear(t.db, { planId: 'anqing', year: 2022, publishedBy: null });
      expect((await get('/api/public/plans/anqing/years/2022')).statusCode).toBe(200);
      await withdrawYear(t.db, 'anqing', 2022);
      expect((await get('/api/public/plans/anqing/years/2022')).statusCode).toBe(404);
    });
  });
}
