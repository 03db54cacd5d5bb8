import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import {
  cachedEvaluations,
  evaluatePlan,
  evaluationCacheStats,
  startEvaluationListener,
} from '../src/services/evaluation/index.js';
import { createDatabase, type HalfskyDatabase } from '../src/store/create-database.js';
import type { DataChangeListener } from '../src/store/evaluation-repository.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { storeSeedWithData } from './evaluation-fixture.js';

/**
 * Two service instances on one PostgreSQL database, as two server processes behind one address: each has
 * its own connection pool and its own evaluation cache. A value changed through one is seen by the other
 * on its next request (the data state is read per request; the other applies the change log of migration
 * 0012 to its cached engine), and NOTIFY still reports each commit.
 */
describe('live evaluation across processes on PostgreSQL (LISTEN/NOTIFY)', () => {
  const adminUrl = inject('postgresUrl');
  const name = `halfsky_live_${randomBytes(6).toString('hex')}`;
  let url: string;
  let a: HalfskyDatabase;
  let b: HalfskyDatabase;
  let listener: DataChangeListener | null = null;
  const notified: (string | null)[] = [];
  let seed: Awaited<ReturnType<typeof storeSeedWithData>>;

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    a = await createDatabase({ database: { kind: 'postgres', url } });
    await migrateToLatest(a);
    b = await createDatabase({ database: { kind: 'postgres', url } });
    seed = await storeSeedWithData(a, 'qingyuan');
    listener = await startEvaluationListener(b, url, (version) => notified.push(version));
  });
  afterAll(async () => {
    await listener?.close();
    await a?.destroy();
    await b?.destroy();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  });

  const targetRow = () =>
    seed.rows.find((r) => r.regionCode === seed.children[0] && r.year === 2024 && r.sex !== '男')!;
  const valueIn = async (db: HalfskyDatabase, row: ReturnType<typeof targetRow>) => {
    const e = await evaluatePlan(db, { planId: 'qingyuan', year: 2024, regionCode: row.regionCode });
    const t = e.regions[0]!.targets.find((x) => x.indicatorCode === row.indicatorCode)!;
    return { value: t.value?.reported ?? null, version: e.dataVersion };
  };

  it('shows a value changed through one instance in the other at once, caught up from the change log, not rebuilt', async () => {
    const row = targetRow();
    const first = await valueIn(b, row);
    expect(first.value).toBe(row.value);
    expect(cachedEvaluations(b)).toBe(1);
    const before = evaluationCacheStats(b);

    const heard = new Promise<void>((resolve) => {
      const start = notified.length;
      const poll = setInterval(() => {
        if (notified.length > start) {
          clearInterval(poll);
          resolve();
        }
      }, 5);
    });
    await upsertObservations(a, [{ ...row, value: row.value + 1.5 }], { source: 'form' });
    // the other instance's very next request sees it, whether or not the notification has arrived
    const next = await valueIn(b, row);
    expect(next.value).toBeCloseTo(row.value + 1.5, 10);
    expect(next.version).not.toBe(first.version);
    await heard;
    expect(notified[notified.length - 1]).toMatch(/^\d+$/);
    // it applied the logged change to its cached engine instead of loading the plan again
    expect(evaluationCacheStats(b)).toEqual({ builds: before.builds, catchUps: before.catchUps + 1 });
    expect(cachedEvaluations(b)).toBe(1);

    // a change to the plan's links cannot be caught up: the next request rebuilds
    await a.updateTable('target_links').set({ score: 0.98 }).where('plan_id', '=', 'qingyuan').execute();
    expect((await valueIn(b, row)).value).toBeCloseTo(row.value + 1.5, 10);
    expect(evaluationCacheStats(b).builds).toBe(before.builds + 1);
  });

  it('brings the other instance’s cached evaluation up to date on the notification, before any request', async () => {
    const row = targetRow();
    await valueIn(b, row);
    const before = evaluationCacheStats(b);
    await upsertObservations(a, [{ ...row, value: row.value + 2.5 }], { source: 'form' });
    // no request to b: its listener hears the commit and catches its cache up from the change log
    const deadline = Date.now() + 10_000;
    while (evaluationCacheStats(b).catchUps === before.catchUps && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(evaluationCacheStats(b).catchUps).toBe(before.catchUps + 1);
    // the next request finds it current: no further catch-up or build
    expect((await valueIn(b, row)).value).toBeCloseTo(row.value + 2.5, 10);
    expect(evaluationCacheStats(b)).toEqual({ builds: before.builds, catchUps: before.catchUps + 1 });
  });

  it('bumps the data version for plan and link changes too, not for alert follow-up', async () => {
    const before = await valueIn(b, targetRow());
    await evaluatePlan(a, { planId: 'qingyuan', year: 2024 });
    expect((await valueIn(b, targetRow())).version).toBe(before.version);
    await a.updateTable('target_links').set({ score: 0.99 }).where('plan_id', '=', 'qingyuan').execute();
    expect((await valueIn(b, targetRow())).version).not.toBe(before.version);
  });
});
