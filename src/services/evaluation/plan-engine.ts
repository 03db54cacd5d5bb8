import { findRound } from '../../store/round-repository.js';
import type { AlertCandidate } from '../../domain/evaluation/alert-rules.js';
import { EvaluationEngine } from '../../domain/evaluation/evaluation-engine.js';
import { HalfskyError } from '../../domain/errors.js';
import type { Plan } from '../../domain/plan.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { syncAlerts } from '../../store/alert-repository.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import {
  loadApprovedObservations,
  loadObservationChanges,
  pruneEvaluationChanges,
  readDataState,
  type DataState,
} from '../../store/evaluation-repository.js';
import { getPlan, listPlans } from '../../store/plan-repository.js';
import { listTargetLinks } from '../../store/target-link-repository.js';
import { planRegionCode } from '../../domain/regions/plan-region-code.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';
import { planDataset, type PlanDataset } from './plan-dataset.js';

/** Optional collaborators: a region tree (default: provinces to counties plus the plan's townships), a clock. */
export interface EvaluationContext {
  regions?: RegionTree;
  now?: () => Date;
}

/** A plan evaluated for one year, as cached. */
export interface PlanEngine {
  plan: Plan;
  regionCode: string;
  dataset: PlanDataset;
  engine: EvaluationEngine;
  /** Sub-regions with a stored plan of their own: region code → plan id. */
  ownPlans: Map<string, string>;
  dataVersion: string;
  /** The open round's deadline while the year's data are not yet due (null when they are). */
  dueAfter: string | null;
}

interface Entry {
  state: DataState;
  built: Promise<PlanEngine>;
  /** Once built: the open round's deadline while the year's data are not yet due (the entry expires after it). */
  dueAfter?: string | null;
}

/** More changed values than this since a cached evaluation: rebuilt rather than caught up. */
const CATCH_UP_LIMIT = 2000;
/** The change log is pruned when it spans more versions than PRUNE_SPAN, keeping the last KEEP_SPAN. */
const PRUNE_SPAN = 50_000;
const KEEP_SPAN = 10_000;

/** Cached evaluations per database, keyed by plan and year; each entry remembers its data state. */
const caches = new WeakMap<HalfskyDatabase, Map<string, Entry>>();
const MAX_ENTRIES = 64;
const counters = new WeakMap<HalfskyDatabase, { builds: number; catchUps: number }>();

/** Drops every cached evaluation of this database (a test, a benchmark; nothing needs it for freshness). */
export function invalidateEvaluations(db: HalfskyDatabase): void {
  caches.get(db)?.clear();
}

/** How many evaluations are cached for this database (for tests of the cache). */
export function cachedEvaluations(db: HalfskyDatabase): number {
  return caches.get(db)?.size ?? 0;
}

/** How many full builds and change-log catch-ups this process ran on this database (tests, benchmarks). */
export function evaluationCacheStats(db: HalfskyDatabase): { builds: number; catchUps: number } {
  return { ...(counters.get(db) ?? { builds: 0, catchUps: 0 }) };
}

/**
 * The evaluation of a plan for a year, live: the data state is read on every call (one small query) and
 * the cached engine is used while it matches. When only observations changed since (the change log of
 * migration 0012 says which), the cached engine catches up: each changed value is applied with
 * `EvaluationEngine.update` and the alerts of the targets and regions it touched are reconciled. Otherwise
 * (a plan, link, responsibility or round changed, a large write, the log pruned, more than CATCH_UP_LIMIT
 * values) the plan, its links and its approved observations are loaded again, evaluated, and all its alerts
 * for the year reconciled. Every process catches up from the same log, so two server processes on one
 * PostgreSQL database show the same results. Concurrent calls share one build or catch-up.
 */
export async function planEngine(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  context: EvaluationContext = {},
): Promise<PlanEngine> {
  const state = await readDataState(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${planId}|${year}`;
  const hit = cache.get(key);
  const expired = hit?.dueAfter != null && today(context) > hit.dueAfter;
  if (hit && !expired && hit.state.counter >= state.counter && hit.state.top >= state.top) return hit.built;
  const built =
    hit && !expired
      ? hit.built.then(
          (cached) => catchUp(db, cached, hit.state, state, context),
          () => build(db, planId, year, state, context),
        )
      : build(db, planId, year, state, context);
  const entry: Entry = { state, built };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  try {
    const done = await built;
    entry.dueAfter = done.dueAfter;
    if (state.counter - state.changesFrom > PRUNE_SPAN)
      await pruneEvaluationChanges(db, state.counter - KEEP_SPAN);
    return done;
  } catch (error) {
    if (cache.get(key)?.built === built) cache.delete(key);
    throw error;
  }
}

const refreshing = new WeakMap<HalfskyDatabase, { running: Promise<void>; again: boolean }>();

/**
 * Brings every cached evaluation of this database up to date now (on another process's NOTIFY), so that the
 * next request finds it current instead of catching up itself. Calls while one runs are merged into one more
 * pass after it. Failures are left for the next request to meet (and report).
 */
export function refreshCachedEvaluations(
  db: HalfskyDatabase,
  context: EvaluationContext = {},
): Promise<void> {
  const current = refreshing.get(db);
  if (current) {
    current.again = true;
    return current.running;
  }
  const run = async () => {
    const self = refreshing.get(db)!;
    do {
      self.again = false;
      for (const key of [...(caches.get(db)?.keys() ?? [])]) {
        const [planId, year] = key.split('|');
        await planEngine(db, planId!, Number(year), context).catch(() => undefined);
      }
    } while (self.again);
  };
  const state = { running: Promise.resolve(), again: false };
  refreshing.set(db, state);
  state.running = run().finally(() => refreshing.delete(db));
  return state.running;
}

function today(context: EvaluationContext): string {
  return (context.now?.() ?? new Date()).toISOString().slice(0, 10);
}

function count(db: HalfskyDatabase, kind: 'builds' | 'catchUps'): void {
  const c = counters.get(db) ?? { builds: 0, catchUps: 0 };
  c[kind]++;
  counters.set(db, c);
}

/** Applies the observations changed from `from` to `to` to a cached engine, or rebuilds when the log cannot say. */
async function catchUp(
  db: HalfskyDatabase,
  cached: PlanEngine,
  from: DataState,
  to: DataState,
  context: EvaluationContext,
): Promise<PlanEngine> {
  const { engine, dataset, plan } = cached;
  const changes = await loadObservationChanges(
    db,
    from,
    to,
    {
      indicatorCodes: new Set(dataset.indicators.map((i) => i.code)),
      regionCodes: new Set(dataset.regions.map((r) => r.code)),
      yearTo: engine.year,
    },
    CATCH_UP_LIMIT,
  );
  if (changes === null) return build(db, plan.id, engine.year, to, context);
  count(db, 'catchUps');
  const regions = new Set<string>();
  const changedIndicators = new Set<string>();
  for (const change of changes) {
    const touched = engine.update(change);
    if (touched.length === 0) continue;
    for (const code of touched) regions.add(code);
    changedIndicators.add(change.indicatorCode);
  }
  // The targets on a changed indicator: one pass over the targets, not one per change.
  const targets = new Set(
    engine
      .targetList()
      .filter((t) => changedIndicators.has(t.indicatorCode))
      .map((t) => t.key),
  );
  if (targets.size > 0) {
    await storeAlerts(
      db,
      dataset,
      { planId: plan.id, year: engine.year, regionCodes: [...regions], targetKeys: [...targets] },
      engine.alertsOf(targets, regions),
      context,
    );
  }
  return { ...cached, dataVersion: to.version };
}

async function build(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  state: DataState,
  context: EvaluationContext,
): Promise<PlanEngine> {
  count(db, 'builds');
  const plan = await getPlan(db, planId);
  if (!plan) throw new HalfskyError('PLAN_NOT_FOUND', { id: planId });
  const [links, plans] = await Promise.all([listTargetLinks(db, planId), listPlans(db)]);
  const tree = context.regions ?? loadPlanRegionTree([plan]);
  const regionCode = planRegionCode(tree, plan);
  if (regionCode === null) throw new HalfskyError('REGION_NOT_FOUND', { code: plan.region });
  const dataset = planDataset(plan, links, tree, regionCode);
  const observations = await loadApprovedObservations(db, {
    indicatorCodes: dataset.indicators.map((i) => i.code),
    regionCodes: dataset.regions.map((r) => r.code),
    yearTo: year,
  });
  // A year whose reporting round is still open (before its deadline) is not late yet.
  const round = await findRound(db, plan.id, year);
  const dataDue = round === null || round.deadline < today(context);
  const engine = new EvaluationEngine(dataset.regions, dataset.indicators, dataset.targets, observations, {
    year,
    baseYear: Math.max(2020, plan.period[0] - 1),
    dataDue,
  });
  const inTree = new Set(dataset.regions.map((r) => r.code));
  const ownPlans = new Map<string, string>();
  for (const other of plans) {
    if (other.id === plan.id) continue;
    const code = planRegionCode(tree, other);
    if (code !== null && code !== regionCode && inTree.has(code)) ownPlans.set(code, other.id);
  }
  await storeAlerts(db, dataset, { planId, year, regionCodes: [...inTree] }, engine.alerts(), context);
  return {
    plan,
    regionCode,
    dataset,
    engine,
    ownPlans,
    dataVersion: state.version,
    dueAfter: dataDue ? null : (round?.deadline ?? null),
  };
}

/** Reconciles the plan's stored alerts in `scope` with these candidates (`syncAlerts`), each with its target's indicator. */
async function storeAlerts(
  db: HalfskyDatabase,
  dataset: PlanDataset,
  scope: Parameters<typeof syncAlerts>[1],
  alerts: readonly AlertCandidate[],
  context: EvaluationContext,
): Promise<void> {
  const indicatorOf = new Map(dataset.targets.map((t) => [t.key, t.indicatorCode]));
  await syncAlerts(
    db,
    scope,
    alerts.map((a) => ({ ...a, indicatorCode: indicatorOf.get(a.targetKey) ?? null })),
    context.now?.(),
  );
}
