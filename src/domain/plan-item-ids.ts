/**
 * Stable ids of a plan's items, from the plan id and positions (`anqing/a0/g3`: area 0, goal 3). The store
 * keys its rows by them and the API gives them to clients, which name items by them (responsibility edits).
 */
import type { Plan } from './plan.js';

export const planItemId = {
  area: (planId: string, area: number) => `${planId}/a${area}`,
  goal: (planId: string, area: number, index: number) => `${planId}/a${area}/g${index}`,
  measure: (planId: string, area: number, index: number) => `${planId}/a${area}/m${index}`,
  project: (planId: string, index: number) => `${planId}/p${index}`,
  target: (planId: string, index: number) => `${planId}/t${index}`,
};

type WithId<T> = T & { id: string };

/** The plan with the id of every area, goal, measure, project and target beside it. */
export type PlanWithItemIds = Omit<Plan, 'areas' | 'projects' | 'targets'> & {
  areas: WithId<
    Omit<Plan['areas'][number], 'goals' | 'measures'> & {
      goals: WithId<Plan['areas'][number]['goals'][number]>[];
      measures: WithId<Plan['areas'][number]['measures'][number]>[];
    }
  >[];
  projects: WithId<Plan['projects'][number]>[];
  targets: WithId<Plan['targets'][number]>[];
};

export function withItemIds(plan: Plan): PlanWithItemIds {
  return {
    ...plan,
    areas: plan.areas.map((area, a) => ({
      ...area,
      id: planItemId.area(plan.id, a),
      goals: area.goals.map((goal, i) => ({ ...goal, id: planItemId.goal(plan.id, a, i) })),
      measures: area.measures.map((m, i) => ({ ...m, id: planItemId.measure(plan.id, a, i) })),
    })),
    projects: plan.projects.map((p, i) => ({ ...p, id: planItemId.project(plan.id, i) })),
    targets: plan.targets.map((t, i) => ({ ...t, id: planItemId.target(plan.id, i) })),
  };
}
