import { prefetch } from '../../api/prefetch';
import type { PlanSummary, User } from '../../api/types';
import { userPlan } from '../../lib/plan-for-region';

/** The overview's data of a plan. */
export const overviewPath = (planId: string) =>
  `/api/plans/${encodeURIComponent(planId)}/evaluation/overview`;

/**
 * Asks for the overview's data while its code and the session are still on their way: the plan list at once,
 * the user's plan's overview as soon as both the list and the session are in.
 */
export function prefetchOverview(session: Promise<{ user: User }>): void {
  const plans = prefetch<{ plans: PlanSummary[] }>('/api/plans');
  Promise.all([session, plans])
    .then(([s, p]) => {
      const plan = userPlan(p.plans, s.user.regionCode);
      if (plan) void prefetch(overviewPath(plan.id));
    })
    .catch(() => undefined);
}
