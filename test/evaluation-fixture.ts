import { readFileSync } from 'node:fs';
import { simulatePlanObservations } from '../src/domain/demo/simulate-observations.js';
import type { ObservationInput } from '../src/domain/observations/observation.js';
import type { Plan } from '../src/domain/plan.js';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { demoPlanInput } from '../src/services/demo/demo-plan-input.js';
import { storePlanLinks } from '../src/services/plans/store-plan-links.js';
import { ensureReferencedData } from '../src/services/reference-data/ensure-referenced-data.js';
import { loadPlanRegionTree } from '../src/services/reference-data/load-plan-region-tree.js';
import type { HalfskyDatabase } from '../src/store/create-database.js';
import { upsertObservations } from '../src/store/observation-repository.js';
import { savePlan } from '../src/store/plan-repository.js';
import { shippedPlan } from './support/seeds.js';

/**
 * Stores a shipped seed plan (parsed, saved, linked) and the deterministic simulated observations of its
 * region and sub-regions, approved, as the evaluation tests use them. Returns the plan and the rows.
 */
export async function storeSeedWithData(
  db: HalfskyDatabase,
  id: string,
): Promise<{ plan: Plan; rows: ObservationInput[]; regionCode: string; children: readonly string[] }> {
  const plan = parsePlanText(readFileSync(shippedPlan(id), 'utf8'), { id });
  await savePlan(db, plan, { format: 'txt', text: '…' });
  const links = await storePlanLinks(db, plan);
  const tree = loadPlanRegionTree([plan]);
  const input = demoPlanInput(plan, links.links, tree);
  if (!input) throw new Error(`no region for ${id}`);
  const rows = simulatePlanObservations(input);
  await ensureReferencedData(db, tree, rows);
  await upsertObservations(db, rows, { source: 'csv', status: 'approved' });
  return { plan, rows, regionCode: input.regionCode, children: input.childRegionCodes };
}
