import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Role } from '../../domain/access/role.js';
import { simulatePlanObservations } from '../../domain/demo/simulate-observations.js';
import type { Plan } from '../../domain/plan.js';
import type { Region } from '../../domain/regions/region.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { SUPPORTED_EXTENSIONS } from '../../plan-import/read-document.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { upsertObservations } from '../../store/observation-repository.js';
import { listPlans } from '../../store/plan-repository.js';
import { saveRegions } from '../../store/region-repository.js';
import { listUsers } from '../../store/user-repository.js';
import { importPlanFile } from '../plans/import-plan-file.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';
import { openRound } from '../rounds/open-round.js';
import { createUser } from '../users/create-user.js';
import { planRegionCode } from '../../domain/regions/plan-region-code.js';
import { demoPlanInput } from './demo-plan-input.js';

/** The password of every demo user (printed at start and in the README; change it before real use). */
export const DEMO_PASSWORD = 'halfsky-demo';

/** A demo user: one per role. `scope` says where its region comes from (see demoUsers). */
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  region: string;
  departments: string[];
}

export type DemoStep = 'plans' | 'regions' | 'users' | 'observations' | 'rounds';

/** The reporting round the demo opens for every plan: the year after the simulated data, due at year end. */
export const DEMO_ROUND = { year: 2025, deadline: '2026-12-31' } as const;

export interface SeedDemoOptions {
  /** Folder of plan documents; each is imported under its file name. */
  plansDir: string;
  maxBytes: number;
  now?: Date;
  /** Progress: `done` of `total` in the current step. */
  onProgress?: (step: DemoStep, done: number, total: number) => void;
}

export type SeedDemoResult =
  | { seeded: false; reason: 'not-empty' }
  | {
      seeded: true;
      plans: string[];
      regions: number;
      users: DemoUser[];
      observations: number;
      /** Plans with an open reporting round for DEMO_ROUND.year. */
      rounds: string[];
    };

/**
 * Fills an EMPTY database with the demo: every plan document of `plansDir`, the plans' regions and their
 * subordinate units, one user per role, and simulated annual data 2020–2024 (flagged `simulated`, commented
 * 模拟数据) for every linked quantitative indicator of each plan in its region and sub-regions. A database that
 * already has a plan or a user is left alone, so a restart never reseeds or overwrites anyone's work.
 */
export async function seedDemo(db: HalfskyDatabase, options: SeedDemoOptions): Promise<SeedDemoResult> {
  if ((await listUsers(db)).length > 0 || (await listPlans(db)).length > 0)
    return { seeded: false, reason: 'not-empty' };
  const progress = options.onProgress ?? (() => undefined);

  const names = (await readdir(options.plansDir))
    .filter((n) => SUPPORTED_EXTENSIONS.includes(extname(n).toLowerCase()))
    .sort();
  const imported: { plan: Plan; links: Awaited<ReturnType<typeof importPlanFile>>['links'] }[] = [];
  for (const [i, name] of names.entries()) {
    progress('plans', i, names.length);
    const { plan, links } = await importPlanFile(db, join(options.plansDir, name), {
      maxBytes: options.maxBytes,
      id: basename(name, extname(name)),
    });
    imported.push({ plan, links });
  }
  progress('plans', names.length, names.length);
  // With the townships of county-level plans (九台, 镇原): their sub-regions.
  const tree = loadPlanRegionTree(imported.map((i) => i.plan));

  // Each plan's region, its ancestors and its subordinate units, for data and ranking.
  const regions = new Map<string, Region>();
  for (const { plan } of imported) {
    const code = planRegionCode(tree, plan);
    if (code === null) continue;
    for (const r of [...tree.ancestors(code), tree.get(code)!, ...tree.children(code)])
      regions.set(r.code, r);
  }
  progress('regions', 0, 1);
  await saveRegions(db, [...regions.values()]);
  progress('regions', 1, 1);

  const users = demoUsers(
    imported.map((i) => i.plan),
    tree,
  );
  const created = [];
  for (const [i, user] of users.entries()) {
    progress('users', i, users.length);
    created.push(await createUser(db, tree, { ...user, password: DEMO_PASSWORD }, options.now));
  }
  progress('users', users.length, users.length);

  let observations = 0;
  for (const [i, { plan, links }] of imported.entries()) {
    progress('observations', i, imported.length);
    const input = demoPlanInput(plan, links.links, tree);
    if (!input) continue;
    const rows = simulatePlanObservations(input);
    await upsertObservations(db, rows, { source: 'api', status: 'approved', ...dateOf(options.now) });
    observations += rows.length;
  }
  progress('observations', imported.length, imported.length);

  // An open round for the next year, so that reporters have cells to fill and the lead has a round to follow.
  const administrator = created.find((u) => u.role === 'administrator')!;
  const rounds: string[] = [];
  for (const [i, { plan }] of imported.entries()) {
    progress('rounds', i, imported.length);
    await openRound(db, administrator, { planId: plan.id, ...DEMO_ROUND }, options.now ?? new Date());
    rounds.push(plan.id);
  }
  progress('rounds', imported.length, imported.length);
  return {
    seeded: true,
    plans: imported.map((i) => i.plan.id),
    regions: regions.size,
    users,
    observations,
    rounds,
  };
}

const dateOf = (now: Date | undefined) => (now ? { now } : {});

/**
 * One user per role. The administrator sees the whole country; the others are scoped to the region of the
 * first city-level plan that has subordinate units (the county office to that city's first county), so that
 * every role has data to work on; the reporter reports for 卫健局, the department behind most health targets.
 */
export function demoUsers(plans: readonly Plan[], tree: RegionTree): DemoUser[] {
  const planRegions = plans
    .map((p) => planRegionCode(tree, p))
    .filter((c): c is string => c !== null)
    .map((c) => tree.get(c)!);
  const city =
    planRegions.find((r) => r.level === 'city' && tree.children(r.code).length > 0) ?? planRegions[0];
  const cityCode = city?.code ?? tree.root.code;
  const countyCode = tree.children(cityCode)[0]?.code ?? cityCode;
  const cityName = city?.name ?? '';
  const countyName = tree.get(countyCode)?.name ?? '';
  const user = (
    username: string,
    role: Role,
    region: string,
    displayName: string,
    departments: string[] = [],
  ): DemoUser => ({ username, role, region, displayName, departments });
  return [
    user('admin', 'administrator', tree.root.code, '系统管理员'),
    user('owner', 'plan_owner', cityCode, `${cityName}妇儿工委办公室`),
    user('lead', 'monitoring_lead', cityCode, `${cityName}统计局`),
    user('reporter', 'reporter', cityCode, `${cityName}卫健局填报员`, ['卫健局']),
    user('county', 'county_office', countyCode, `${countyName}妇儿工委办公室`),
    user('viewer', 'viewer', cityCode, `${cityName}领导`),
  ];
}
