import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ObservationInput } from '../src/domain/observations/observation.js';
import {
  evaluatePlan,
  evaluationCacheStats,
  invalidateEvaluations,
  rankRegions,
} from '../src/services/evaluation/index.js';
import { listAlerts } from '../src/store/alert-repository.js';
import { pruneEvaluationChanges, readDataState } from '../src/store/evaluation-repository.js';
import { createDatabase, type HalfskyDatabase } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { storeSeedWithData } from './evaluation-fixture.js';
import { ENGINES, type Engine } from './support/test-database.js';

/**
 * Two handles on one database, as two server processes: `cached` keeps its evaluation and catches up from
 * the change log (migration 0012) after every change; `fresh` writes the changes and evaluates from scratch
 * each time (its cache emptied first). After every random step the two must agree exactly: statuses,
 * components, sentences, values, alerts (stored and shown), attainment and ranks.
 */
async function twoHandles(engine: Engine): Promise<{
  cached: HalfskyDatabase;
  fresh: HalfskyDatabase;
  destroy: () => Promise<void>;
}> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'halfsky-incremental-'));
    const file = join(dir, 'test.sqlite');
    const fresh = await createDatabase({ database: { kind: 'sqlite', file } });
    await migrateToLatest(fresh);
    const cached = await createDatabase({ database: { kind: 'sqlite', file } });
    return {
      cached,
      fresh,
      destroy: async () => {
        await cached.destroy();
        await fresh.destroy();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const adminUrl = inject('postgresUrl');
  const name = `halfsky_incremental_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const fresh = await createDatabase({ database: { kind: 'postgres', url: url.toString() } });
  await migrateToLatest(fresh);
  const cached = await createDatabase({ database: { kind: 'postgres', url: url.toString() } });
  return {
    cached,
    fresh,
    destroy: async () => {
      await cached.destroy();
      await fresh.destroy();
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

/** mulberry32: a seeded generator, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLAN = 'qingyuan';
const YEAR = 2024;

for (const engine of ENGINES) {
  describe(`incremental evaluation on ${engine}: random changes caught up from the change log equal a fresh build`, () => {
    let h: Awaited<ReturnType<typeof twoHandles>>;
    let seed: Awaited<ReturnType<typeof storeSeedWithData>>;
    beforeAll(async () => {
      h = await twoHandles(engine);
      seed = await storeSeedWithData(h.fresh, PLAN);
    });
    afterAll(async () => {
      await h?.destroy();
    });

    /** Everything a reader sees of the plan's evaluation, from one handle. */
    const snapshot = async (db: HalfskyDatabase) => {
      const evaluation = await evaluatePlan(db, { planId: PLAN, year: YEAR });
      const rest: Partial<typeof evaluation> = { ...evaluation };
      delete rest.dataVersion;
      const rankings = await Promise.all(
        [seed.regionCode].map((parentCode) => rankRegions(db, { planId: PLAN, year: YEAR, parentCode })),
      );
      const stored = (await listAlerts(db, { planId: PLAN, year: YEAR, limit: 100_000 })).alerts;
      return { evaluation: rest, rankings, stored };
    };

    it('agrees after each of 40 random steps (insert, update, delete, approve, withdraw), mostly without a rebuild', async () => {
      const next = random(engine === 'sqlite' ? 5 : 55);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      // Rows of the plan's region and sub-regions in the evaluated years, by key; `deleted` holds removed ones.
      const rows = seed.rows.filter((r) => r.year <= YEAR);
      const deleted: ObservationInput[] = [];
      const keyOf = (r: ObservationInput) => ({
        indicator_code: r.indicatorCode,
        region_code: r.regionCode,
        year: r.year,
        sex: r.sex,
        urban_rural: r.urbanRural,
        age: r.age,
      });
      const where = (r: ObservationInput) => {
        const k = keyOf(r);
        return h.fresh
          .updateTable('observations')
          .where('indicator_code', '=', k.indicator_code)
          .where('region_code', '=', k.region_code)
          .where('year', '=', k.year)
          .where('sex', '=', k.sex)
          .where('urban_rural', '=', k.urban_rural)
          .where('age', '=', k.age);
      };

      await snapshot(h.cached);
      const start = evaluationCacheStats(h.cached);
      const steps = 40;
      for (let step = 0; step < steps; step++) {
        const kind = pick([
          'update',
          'update',
          'update',
          'several',
          'delete',
          'insert',
          'withdraw',
          'approve',
        ]);
        if (kind === 'update') {
          const row = pick(rows);
          await upsertObservations(h.fresh, [{ ...row, value: row.value * (0.5 + next()) }], {
            source: 'form',
            status: 'approved',
          });
        } else if (kind === 'several') {
          const chosen = [...new Set([pick(rows), pick(rows), pick(rows), pick(rows)])];
          await upsertObservations(
            h.fresh,
            chosen.map((row) => ({ ...row, value: row.value * (0.2 + 2 * next()) })),
            { source: 'csv', status: 'approved' },
          );
        } else if (kind === 'delete') {
          const row = pick(rows);
          const k = keyOf(row);
          await h.fresh
            .deleteFrom('observations')
            .where('indicator_code', '=', k.indicator_code)
            .where('region_code', '=', k.region_code)
            .where('year', '=', k.year)
            .where('sex', '=', k.sex)
            .where('urban_rural', '=', k.urban_rural)
            .where('age', '=', k.age)
            .execute();
          deleted.push(row);
        } else if (kind === 'insert') {
          const row = deleted.pop() ?? { ...pick(rows), sex: '男' as const };
          await upsertObservations(h.fresh, [{ ...row, value: row.value * (0.5 + next()) }], {
            source: 'form',
            status: next() < 0.2 ? 'draft' : 'approved',
          });
        } else if (kind === 'withdraw') {
          await where(pick(rows)).set({ status: 'submitted' }).execute();
        } else {
          await h.fresh
            .updateTable('observations')
            .set({ status: 'approved' })
            .where('status', '!=', 'approved')
            .execute();
        }
        const caughtUp = await snapshot(h.cached);
        invalidateEvaluations(h.fresh);
        const rebuilt = await snapshot(h.fresh);
        expect(caughtUp.evaluation, `step ${step} (${kind})`).toEqual(rebuilt.evaluation);
        expect(caughtUp.rankings, `step ${step} (${kind})`).toEqual(rebuilt.rankings);
        // the fresh build reconciled the stored alerts again and found nothing to change
        expect(caughtUp.stored, `step ${step} (${kind})`).toEqual(rebuilt.stored);
      }
      const stats = evaluationCacheStats(h.cached);
      expect(stats.catchUps - start.catchUps).toBeGreaterThanOrEqual(steps * 0.75);
      expect(stats.builds - start.builds).toBeLessThanOrEqual(steps * 0.25);
    });

    it('bumps the data version when a round opens or its deadline moves, so a cached answer about missing data changes', async () => {
      const now = () => new Date('2026-06-01T00:00:00Z');
      const missing = async () =>
        (await evaluatePlan(h.cached, { planId: PLAN, year: 2026 }, { now })).alerts.filter(
          (a) => a.rule === 'data_missing' && a.status !== 'closed',
        ).length;
      // no round for 2026: its values are due, and none is there
      expect(await missing()).toBeGreaterThan(0);
      await h.fresh
        .insertInto('rounds')
        .values({
          id: `round-${engine}`,
          plan_id: PLAN,
          year: 2026,
          region_code: seed.regionCode,
          deadline: '2026-12-31',
          status: 'open',
          opened_by: null,
          opened_at: now().toISOString(),
        })
        .execute();
      // the round is open until its deadline: nothing is late yet
      expect(await missing()).toBe(0);
      await h.fresh
        .updateTable('rounds')
        .set({ deadline: '2026-03-31' })
        .where('id', '=', `round-${engine}`)
        .execute();
      expect(await missing()).toBeGreaterThan(0);
      // back to an open round; then the deadline passes with no change to the data: the cached answer expires
      await h.fresh
        .updateTable('rounds')
        .set({ deadline: '2026-12-31' })
        .where('id', '=', `round-${engine}`)
        .execute();
      expect(await missing()).toBe(0);
      const later = () => new Date('2027-01-02T00:00:00Z');
      const late = await evaluatePlan(h.cached, { planId: PLAN, year: 2026 }, { now: later });
      expect(
        late.alerts.filter((a) => a.rule === 'data_missing' && a.status !== 'closed').length,
      ).toBeGreaterThan(0);
    });

    it('rebuilds instead of catching up when the change log was pruned past its cached version', async () => {
      await evaluatePlan(h.cached, { planId: PLAN, year: YEAR });
      const before = evaluationCacheStats(h.cached);
      const row = seed.rows.find((r) => r.year === YEAR && r.regionCode === seed.children[1])!;
      await upsertObservations(h.fresh, [{ ...row, value: row.value + 3.25 }], { source: 'form' });
      const state = await readDataState(h.fresh);
      await pruneEvaluationChanges(h.fresh, state.counter);
      const after = await snapshot(h.cached);
      expect(evaluationCacheStats(h.cached)).toEqual({
        builds: before.builds + 1,
        catchUps: before.catchUps,
      });
      invalidateEvaluations(h.fresh);
      expect(after).toEqual(await snapshot(h.fresh));
    });
  });
}
