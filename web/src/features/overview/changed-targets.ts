import type { ProgressStatus } from '../../../../src/domain/evaluation/progress-status';
import type { EvaluationOverview } from '../../api/types';

/** Statuses from best to worst, for sorting. */
export const STATUS_RANK: Record<ProgressStatus, number> = {
  achieved: 0,
  on_track: 1,
  needs_acceleration: 2,
  limited_progress: 3,
  deterioration: 4,
  insufficient_data: 5,
  not_assessable: 6,
};

type OverviewTarget = EvaluationOverview['targets'][number];

/** Targets whose status differs from last year's, the biggest improvements first. */
export function changedTargets(
  targets: OverviewTarget[],
): (OverviewTarget & { previousStatus: ProgressStatus })[] {
  return targets
    .filter(
      (a): a is OverviewTarget & { previousStatus: ProgressStatus } =>
        a.previousStatus !== null && a.previousStatus !== a.status,
    )
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] -
        STATUS_RANK[a.previousStatus] -
        (STATUS_RANK[b.status] - STATUS_RANK[b.previousStatus]),
    );
}

/** The order of the list of every target: what needs attention first, then what cannot be judged, then the rest. */
export const ATTENTION: Record<ProgressStatus, number> = {
  deterioration: 0,
  limited_progress: 1,
  needs_acceleration: 2,
  insufficient_data: 3,
  not_assessable: 4,
  on_track: 5,
  achieved: 6,
};
