import { QUANTITATIVE_COMPARATORS } from './attainment.js';
import type { EngineState } from './engine-state.js';
import type { DatasetTarget } from './evaluation-dataset.js';
import { S_ACHIEVED, S_INSUFFICIENT, S_NOT_ASSESSABLE } from './fast-status.js';

/**
 * A region's attainment counts from its current milestones' statuses, into `s.counts` (achieved, assessable,
 * quantitative but not assessable, qualitative), as `attainment` counts them.
 */
export function countAttainment(s: EngineState, r: number): void {
  let achieved = 0;
  let assessable = 0;
  let notAssessable = 0;
  let qualitative = 0;
  const R = s.regions.length;
  for (let t = 0; t < s.targets.length; t++) {
    const at = t * R + r;
    const m = (s.targets[t] as DatasetTarget).milestones[s.milestone[at] as number];
    if (!m || !QUANTITATIVE_COMPARATORS.includes(m.comparator)) {
      qualitative++;
      continue;
    }
    const status = s.status[at] as number;
    if (status === S_INSUFFICIENT || status === S_NOT_ASSESSABLE) notAssessable++;
    else {
      assessable++;
      if (status === S_ACHIEVED) achieved++;
    }
  }
  s.counts.set([achieved, assessable, notAssessable, qualitative], r * 4);
}
