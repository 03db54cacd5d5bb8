import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { observationKey } from '../../domain/observations/observation.js';
import { isDeadline } from '../../domain/rounds/deadline.js';
import { deriveOwedCells } from '../../domain/rounds/derive-owed-cells.js';
import type { CellState, Round } from '../../domain/rounds/round.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listObservations } from '../../store/observation-repository.js';
import { getPlan } from '../../store/plan-repository.js';
import { findRound, insertRound } from '../../store/round-repository.js';
import { listTargetLinks } from '../../store/target-link-repository.js';
import { ensureReferencedData } from '../reference-data/ensure-referenced-data.js';
import { lineageOf, roundTree } from './round-context.js';
import { loadRegionTree } from '../../store/regions/load-region-tree.js';

export interface OpenRoundInput {
  planId: string;
  year: number;
  /** YYYY-MM-DD. */
  deadline: string;
}

/** The region code of a plan (安庆市 under 安徽省), or null when its names do not resolve. */
export function planRegion(
  tree: RegionTree,
  plan: { region: string; parentRegion: string | null },
): string | null {
  const tries = plan.parentRegion ? [`${plan.parentRegion}${plan.region}`, plan.region] : [plan.region];
  for (const input of tries) {
    const found = resolveRegion(tree, input);
    if (found.kind === 'found') return found.region.code;
  }
  return null;
}

/**
 * Opens the reporting round of a plan for a year (the monitoring lead, within the plan's region): the owed
 * cells are derived from the indicators the plan's targets link to, for the plan's region and its direct
 * sub-regions, each owed by the indicator's supplying department. A value already stored for that year
 * starts in its state (an approved import stays approved). One round per plan and year.
 */
export async function openRound(
  db: HalfskyDatabase,
  user: AccessUser,
  input: OpenRoundInput,
  now: Date,
): Promise<Round> {
  if (!isDeadline(input.deadline))
    throw new HalfskyError('VALIDATION_FAILED', { fields: `deadline（${input.deadline}）` });
  const plan = await getPlan(db, input.planId);
  const base = loadRegionTree();
  const regionCode = plan ? planRegion(base, plan) : null;
  if (
    !plan ||
    regionCode === null ||
    !can(user, 'round:manage', { regionLineage: lineageOf(base, regionCode) })
  )
    throw new HalfskyError('PLAN_NOT_FOUND', { id: input.planId });
  if (await findRound(db, plan.id, input.year))
    throw new HalfskyError('ROUND_EXISTS', { planId: plan.id, year: input.year });

  const linked = new Set(
    (await listTargetLinks(db, plan.id)).map((l) => l.indicatorCode).filter((c): c is string => c !== null),
  );
  const indicators = INDICATOR_CATALOG.filter((i) => linked.has(i.code));
  const tree = roundTree(regionCode);
  const regions = [regionCode, ...tree.children(regionCode).map((r) => r.code)];
  const owed = deriveOwedCells(indicators, regions);
  if (owed.length === 0) throw new HalfskyError('ROUND_HAS_NO_CELLS', { planId: plan.id });

  await ensureReferencedData(db, tree, owed);
  const existing = new Map(
    (
      await listObservations(db, {
        indicatorCodes: [...new Set(owed.map((c) => c.indicatorCode))],
        regionCodes: regions,
        yearFrom: input.year,
        yearTo: input.year,
      })
    ).map((o) => [observationKey(o), o.status]),
  );
  const round: Round = {
    id: `${plan.id}-${input.year}`,
    planId: plan.id,
    year: input.year,
    regionCode,
    deadline: input.deadline,
    status: 'open',
    openedBy: user.id,
    openedAt: now.toISOString(),
    closedAt: null,
    closedBy: null,
  };
  await insertRound(
    db,
    round,
    owed.map((c) => {
      const status = existing.get(observationKey({ ...c, year: input.year }));
      const state: CellState = status === undefined ? 'owed' : status;
      return { ...c, state };
    }),
  );
  return round;
}
