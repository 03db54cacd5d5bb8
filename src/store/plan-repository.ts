import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Plan, RegionLevel } from '../domain/plan.js';
import type { PlanSource } from '../domain/plan-source.js';
import type { PlanSummary } from '../domain/plan-summary.js';
import type { HalfskyDatabase } from './create-database.js';
import { reapplyResponsibilityEdits } from './department-repository.js';
import { planToRows, rowsToPlan, sourceFormatOf } from './plan-rows.js';
import type { Database } from './tables.js';

/** Rows per INSERT: well below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
const CHUNK = 200;

/**
 * Stores a plan and its source text in one transaction. A stored plan with the same id is replaced (its
 * first import time is kept), so re-importing updates and never duplicates; on any error nothing changes.
 */
export async function savePlan(
  db: HalfskyDatabase,
  plan: Plan,
  source: PlanSource,
  now: Date = new Date(),
): Promise<{ created: boolean }> {
  const rows = planToRows(plan, source);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('plans')
      .select('imported_at')
      .where('id', '=', plan.id)
      .executeTakeFirst();
    await deletePlanRows(trx, plan.id);
    await trx
      .insertInto('plans')
      .values({ ...rows.plan, imported_at: existing?.imported_at ?? at, updated_at: at })
      .execute();
    await inChunks(rows.areas, (c) => trx.insertInto('areas').values(c).execute());
    await inChunks(rows.goals, (c) => trx.insertInto('goals').values(c).execute());
    await inChunks(rows.measures, (c) => trx.insertInto('measures').values(c).execute());
    await inChunks(rows.projects, (c) => trx.insertInto('projects').values(c).execute());
    await inChunks(rows.targets, (c) => trx.insertInto('targets').values(c).execute());
    const departmentIds = await ensureDepartments(trx, [
      ...new Set(rows.responsibilities.map((r) => r.department)),
    ]);
    const links = rows.responsibilities.map(({ department, ...link }) => ({
      ...link,
      department_id: departmentIds.get(department) ?? '',
    }));
    await inChunks(links, (c) => trx.insertInto('responsibilities').values(c).execute());
    await reapplyResponsibilityEdits(trx, plan.id);
    return { created: existing === undefined };
  });
}

/** The stored plan, exactly as it was saved, or null. */
export async function getPlan(db: HalfskyDatabase, id: string): Promise<Plan | null> {
  return db.transaction().execute(async (trx) => {
    const plan = await trx.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
    if (!plan) return null;
    const areas = await trx
      .selectFrom('areas')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const goals = await trx
      .selectFrom('goals')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const measures = await trx
      .selectFrom('measures')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const projects = await trx
      .selectFrom('projects')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const targets = await trx
      .selectFrom('targets')
      .selectAll()
      .where('plan_id', '=', id)
      .orderBy('position')
      .execute();
    const links = await trx
      .selectFrom('responsibilities as r')
      .innerJoin('departments as d', 'd.id', 'r.department_id')
      .select(['r.goal_id', 'r.measure_id', 'r.project_id', 'r.target_id', 'd.name'])
      .where('r.plan_id', '=', id)
      .orderBy('r.position')
      .execute();
    return rowsToPlan({ plan, areas, goals, measures, projects, targets, links });
  });
}

/**
 * The id of a stored plan with this region and title, if any: the same document imported under another id
 * (e.g. once by file name, once by the id the parser derives) is the same plan.
 */
export async function findPlanId(db: HalfskyDatabase, region: string, title: string): Promise<string | null> {
  const row = await db
    .selectFrom('plans')
    .select('id')
    .where('region', '=', region)
    .where('title', '=', title)
    .orderBy('imported_at')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Every stored plan with the number of its areas, goals, measures, projects and targets, by id. */
export async function listPlans(db: HalfskyDatabase, only?: { id: string }): Promise<PlanSummary[]> {
  let query = db
    .selectFrom('plans')
    .select([
      'id',
      'title',
      'region',
      'level',
      'parent_region',
      'period_start',
      'period_end',
      'source_format',
      'imported_at',
      'updated_at',
    ])
    .orderBy('id');
  if (only) query = query.where('id', '=', only.id);
  const plans = await query.execute();
  if (plans.length === 0) return [];
  const [areas, goals, measures, projects, targets] = await Promise.all(
    (['areas', 'goals', 'measures', 'projects', 'targets'] as const).map((table) => countByPlan(db, table, only)),
  );
  return plans.map((row) => ({
    id: row.id,
    title: row.title,
    region: row.region,
    level: row.level as RegionLevel,
    parentRegion: row.parent_region,
    period: [row.period_start, row.period_end],
    sourceFormat: sourceFormatOf(row),
    importedAt: row.imported_at,
    updatedAt: row.updated_at,
    counts: {
      areas: areas?.get(row.id) ?? 0,
      goals: goals?.get(row.id) ?? 0,
      measures: measures?.get(row.id) ?? 0,
      projects: projects?.get(row.id) ?? 0,
      targets: targets?.get(row.id) ?? 0,
    },
  }));
}

/** The summary of one stored plan (its counts included), or null. */
export async function getPlanSummary(db: HalfskyDatabase, id: string): Promise<PlanSummary | null> {
  return (await listPlans(db, { id }))[0] ?? null;
}

async function countByPlan(
  db: HalfskyDatabase,
  table: 'areas' | 'goals' | 'measures' | 'projects' | 'targets',
  only?: { id: string },
): Promise<Map<string, number>> {
  let query = db.selectFrom(table).select((eb) => ['plan_id', eb.fn.countAll().as('n')]);
  if (only) query = query.where('plan_id', '=', only.id);
  const rows = await query.groupBy('plan_id').execute();
  // COUNT(*) is a bigint on PostgreSQL, which the driver returns as a string.
  return new Map(rows.map((row) => [row.plan_id, Number(row.n)]));
}

/**
 * Deletes a plan and everything in it, with its target links and responsibility edits (departments stay:
 * they are shared). True when it existed.
 */
export async function deletePlan(db: HalfskyDatabase, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('target_links').where('plan_id', '=', id).execute();
    await trx.deleteFrom('responsibility_edits').where('plan_id', '=', id).execute();
    return deletePlanRows(trx, id);
  });
}

async function deletePlanRows(trx: Transaction<Database>, id: string): Promise<boolean> {
  await trx.deleteFrom('responsibilities').where('plan_id', '=', id).execute();
  await trx.deleteFrom('targets').where('plan_id', '=', id).execute();
  await trx.deleteFrom('projects').where('plan_id', '=', id).execute();
  await trx.deleteFrom('measures').where('plan_id', '=', id).execute();
  await trx.deleteFrom('goals').where('plan_id', '=', id).execute();
  await trx.deleteFrom('areas').where('plan_id', '=', id).execute();
  const result = await trx.deleteFrom('plans').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Ids of the named departments, inserting the ones not yet known. */
export async function ensureDepartments(
  trx: Transaction<Database>,
  names: string[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (names.length === 0) return ids;
  await inChunks(names, (c) =>
    trx
      .insertInto('departments')
      .values(c.map((name) => ({ id: randomUUID(), name, aliases: '[]' })))
      .onConflict((oc) => oc.column('name').doNothing())
      .execute(),
  );
  for (let i = 0; i < names.length; i += CHUNK) {
    const rows = await trx
      .selectFrom('departments')
      .select(['id', 'name'])
      .where('name', 'in', names.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) ids.set(row.name, row.id);
  }
  return ids;
}

async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}
