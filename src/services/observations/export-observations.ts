import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { HalfskyError } from '../../domain/errors.js';
import type { Observation } from '../../domain/observations/observation.js';
import { resolveIndicator } from '../../domain/observations/resolve-indicator.js';
import { resolveRegion } from '../../domain/regions/resolve-region.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listObservations } from '../../store/observation-repository.js';
import { listPlans } from '../../store/plan-repository.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';

export interface ExportFilter {
  /** Indicator code or name. */
  indicator?: string;
  /** Region code or name; its subordinate regions are included. */
  region?: string;
}

/** The stored observations an export selects; an unknown indicator or region is a coded error. */
export async function selectObservations(db: HalfskyDatabase, filter: ExportFilter): Promise<Observation[]> {
  let indicatorCodes: string[] | undefined;
  if (filter.indicator !== undefined) {
    const r = resolveIndicator(filter.indicator, INDICATOR_CATALOG);
    if (r.kind !== 'found') throw new HalfskyError('UNKNOWN_INDICATOR', { input: filter.indicator });
    indicatorCodes = [r.indicator.code];
  }
  let regionCodes: string[] | undefined;
  if (filter.region !== undefined) {
    const tree = loadPlanRegionTree(await listPlans(db));
    const r = resolveRegion(tree, filter.region);
    if (r.kind !== 'found') throw new HalfskyError('UNKNOWN_REGION', { input: filter.region });
    regionCodes = [r.region.code, ...tree.subtree(r.region.code).map((x) => x.code)];
  }
  return listObservations(db, {
    ...(indicatorCodes ? { indicatorCodes } : {}),
    ...(regionCodes ? { regionCodes } : {}),
  });
}
