import type { Plan, PlanItem, Target } from '../../api/types';
import type { Section } from '../../../../src/domain/plan';

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

let added = 0;

/** The goals and measures of an area a target can belong to, as `goal:3` / `measure:2`. */
export function itemKeys(
  plan: ParsedPlan,
  areaCode: string,
): { key: string; section: Section; number: number }[] {
  const area = plan.areas.find((a) => a.code === areaCode);
  return [
    ...(area?.goals ?? []).map((g) => ({
      key: `goal:${g.number}`,
      section: 'goal' as const,
      number: g.number,
    })),
    ...(area?.measures ?? []).map((m) => ({
      key: `measure:${m.number}`,
      section: 'measure' as const,
      number: m.number,
    })),
  ];
}

/**
 * The plan with a new, empty target in an area, under its first goal (else its first measure), due at the
 * end of the plan period; the user fills in its indicator and value (the checks name what is missing).
 */
export function withNewTarget(plan: ParsedPlan, areaCode: string): ParsedPlan {
  const first = itemKeys(plan, areaCode)[0];
  const target: ParsedPlan['targets'][number] = {
    id: `added-${++added}`,
    area: areaCode,
    section: first?.section ?? 'other',
    item: first?.number ?? 0,
    indicator: '',
    comparator: '>=',
    value: null,
    unit: null,
    year: plan.period[1] ?? 2030,
    responsible: [],
    text: '',
  };
  // After the area's last target, so that the new row shows at the end of its table.
  const last = plan.targets.findLastIndex((t) => t.area === areaCode);
  const at = last === -1 ? plan.targets.length : last + 1;
  return { ...plan, targets: [...plan.targets.slice(0, at), target, ...plan.targets.slice(at)] };
}

/** The plan without one target. */
export function withoutTarget(plan: ParsedPlan, index: number): ParsedPlan {
  return { ...plan, targets: plan.targets.filter((_, i) => i !== index) };
}

/** Whether a target was added by hand (it has no sentence in the source). */
export const isAdded = (target: { id: string }) => target.id.startsWith('added-');

/**
 * The plan as it is sent to be stored: a target added by hand gets a sentence saying so, since the plan browser
 * shows each target beside its source sentence.
 */
export function planToSave(plan: ParsedPlan): ParsedPlan {
  return {
    ...plan,
    targets: plan.targets.map((t) =>
      isAdded(t) && !t.text.trim() ? { ...t, text: `（导入时手工添加）${t.indicator.trim()}` } : t,
    ),
  };
}

type Item = PlanItem & { id: string };

/** Where an item sits: its area and section, for the targets that name it by number. */
function itemPlace(plan: ParsedPlan, id: string): { area: string; section: Section; number: number } | null {
  for (const area of plan.areas) {
    const goal = area.goals.find((x) => x.id === id);
    if (goal) return { area: area.code, section: 'goal', number: goal.number };
    const measure = area.measures.find((x) => x.id === id);
    if (measure) return { area: area.code, section: 'measure', number: measure.number };
  }
  return null;
}

/** How many targets an item has. */
export function targetsOfItem(plan: ParsedPlan, id: string): number {
  const at = itemPlace(plan, id);
  return at
    ? plan.targets.filter((t) => t.area === at.area && t.section === at.section && t.item === at.number)
        .length
    : 0;
}

/** The plan with a new, empty goal or measure at the end of an area's list, numbered after the last. */
export function withNewItem(plan: ParsedPlan, areaCode: string, section: 'goal' | 'measure'): ParsedPlan {
  const list = section === 'goal' ? 'goals' : 'measures';
  return {
    ...plan,
    areas: plan.areas.map((a) => {
      if (a.code !== areaCode) return a;
      const number = Math.max(0, ...a[list].map((x) => x.number)) + 1;
      const item: Item = {
        id: `added-item-${++added}`,
        number,
        title: null,
        text: '',
        responsibility: { departments: [], raw: null },
      };
      return { ...a, [list]: [...a[list], item] };
    }),
  };
}

/** The plan without a goal or measure and without the targets under it. */
export function withoutItem(plan: ParsedPlan, id: string): ParsedPlan {
  const at = itemPlace(plan, id);
  const drop = (xs: Item[]) => xs.filter((x) => x.id !== id);
  return {
    ...plan,
    areas: plan.areas.map((a) => ({ ...a, goals: drop(a.goals), measures: drop(a.measures) })),
    targets: at
      ? plan.targets.filter((t) => !(t.area === at.area && t.section === at.section && t.item === at.number))
      : plan.targets,
  };
}

/** The plan with the text of a goal or measure added by hand. */
export function withItemText(plan: ParsedPlan, id: string, text: string): ParsedPlan {
  const set = (x: Item): Item => (x.id === id ? { ...x, text } : x);
  return {
    ...plan,
    areas: plan.areas.map((a) => ({ ...a, goals: a.goals.map(set), measures: a.measures.map(set) })),
  };
}

/** Goals and measures added by hand without a text, by field (`areas.0.goals.2.text`). */
export function emptyAddedItems(plan: ParsedPlan): string[] {
  return plan.areas.flatMap((area, a) =>
    (['goals', 'measures'] as const).flatMap((list) =>
      area[list].flatMap((x, i) => (isAdded(x) && !x.text.trim() ? [`areas.${a}.${list}.${i}.text`] : [])),
    ),
  );
}
