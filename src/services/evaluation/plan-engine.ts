import { findRound } from '../../store/round-repository.js';
import { EvaluationEngine } from '../../domain/evaluation/evaluation-engine.js';
import { HalfskyError } from '../../domain/errors.js';
import type { Plan } from '../../domain/plan.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { syncAlerts } from '../../store/alert-repository.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { loadApprovedObservations, readDataVersion } from '../../store/evaluation-repository.js';
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
}

interface Entry {
  version: string;
  built: Promise<PlanEngine>;
}

/** Cached evaluations per database, keyed by plan and year; each entry remembers its data version. */
const caches = new WeakMap<HalfskyDatabase, Map<string, Entry>>();
const MAX_ENTRIES = 64;

/** Drops every cached evaluation of this database (a NOTIFY from another process, a test). */
export function invalidateEvaluations(db: HalfskyDatabase): void {
  caches.get(db)?.clear();
}

/** How many evaluations are cached for this database (for tests of the invalidation). */
export function cachedEvaluations(db: HalfskyDatabase): number {
  return caches.get(db)?.size ?? 0;
}

/**
 * The evaluation of a plan for a year, live: the data version is read on every call (one small query), and
 * the cached engine is used only while it matches; otherwise the plan, its links and its approved
 * observations are loaded (four queries and the observations in chunks of regions), evaluated in memory,
 * and the plan's stored alerts for the year reconciled with the new result. Concurrent calls share one build.
 */
export async function planEngine(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  context: EvaluationContext = {},
): Promise<PlanEngine> {
  const version = await readDataVersion(db);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const key = `${planId}|${year}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.built;
  const built = build(db, planId, year, version, context);
  cache.set(key, { version, built });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  try {
    return await built;
  } catch (error) {
    if (cache.get(key)?.built === built) cache.delete(key);
    throw error;
  }
}

async function build(
  db: HalfskyDatabase,
  planId: string,
  year: number,
  version: string,
  context: EvaluationContext,
): Promise<PlanEngine> {
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
  const today = (context.now?.() ?? new Date()).toISOString().slice(0, 10);
  const engine = new EvaluationEngine(dataset.regions, dataset.indicators, dataset.targets, observations, {
    year,
    baseYear: Math.max(2020, plan.period[0] - 1),
    dataDue: round === null || round.deadline < today,
  });
  const inTree = new Set(dataset.regions.map((r) => r.code));
  const ownPlans = new Map<string, string>();
  for (const other of plans) {
    if (other.id === plan.id) continue;
    const code = planRegionCode(tree, other);
    if (code !== null && code !== regionCode && inTree.has(code)) ownPlans.set(code, other.id);
  }
  const indicatorOf = new Map(dataset.targets.map((t) => [t.key, t.indicatorCode]));
  await syncAlerts(
    db,
    { planId, year, regionCodes: [...inTree] },
    engine.alerts().map((a) => ({ ...a, indicatorCode: indicatorOf.get(a.targetKey) ?? null })),
    context.now?.(),
  );
  return { plan, regionCode, dataset, engine, ownPlans, dataVersion: version };
}
