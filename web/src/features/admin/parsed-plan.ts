import type { Plan, PlanItem, Target } from '../../api/types';

/** A plan as POST /api/plans/parse answers it: every item with its id. */
export type ParsedPlan = Omit<Plan, 'areas' | 'projects' | 'targets'> & {
  areas: {
    id: string;
    code: string;
    name: string;
    goals: (PlanItem & { id: string })[];
    measures: (PlanItem & { id: string })[];
  }[];
  projects: (PlanItem & { id: string; area: string | null })[];
  targets: (Target & { id: string })[];
};

export interface ParseResult {
  plan: ParsedPlan;
  source: { format: string; text: string };
  links: { targetId: string; indicatorCode: string | null }[];
  inScope: boolean;
}

/** The field errors of an API answer by field (`targets.3.value`, `file`). */
export type FieldErrors = Record<string, string>;

/** Where a goal or measure sits in the plan, as the API names fields: `areas.0.goals.2`. */
export function itemPath(plan: ParsedPlan, id: string): string | null {
  for (const [a, area] of plan.areas.entries()) {
    const g = area.goals.findIndex((x) => x.id === id);
    if (g >= 0) return `areas.${a}.goals.${g}`;
    const m = area.measures.findIndex((x) => x.id === id);
    if (m >= 0) return `areas.${a}.measures.${m}`;
  }
  const p = plan.projects.findIndex((x) => x.id === id);
  return p >= 0 ? `projects.${p}` : null;
}

/** The plan with one target changed. */
export function withTarget(plan: ParsedPlan, index: number, change: Partial<Target>): ParsedPlan {
  return { ...plan, targets: plan.targets.map((t, i) => (i === index ? { ...t, ...change } : t)) };
}

/** The plan with one item's departments replaced (its targets follow when saved). */
export function withDepartments(plan: ParsedPlan, id: string, departments: string[]): ParsedPlan {
  const set = <T extends PlanItem & { id: string }>(x: T): T =>
    x.id === id ? { ...x, responsibility: { ...x.responsibility, departments } } : x;
  return {
    ...plan,
    areas: plan.areas.map((a) => ({ ...a, goals: a.goals.map(set), measures: a.measures.map(set) })),
    projects: plan.projects.map(set),
  };
}
