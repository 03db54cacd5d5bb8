import { HalfskyError } from '../../domain/errors.js';
import type { PlanLinks } from '../../domain/indicators/link-targets.js';
import type { Plan } from '../../domain/plan.js';
import type { PlanSource } from '../../domain/plan-source.js';
import { validatePlan } from '../../domain/validate-plan.js';
import { normaliseDepartment } from '../../plan-import/responsibility.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { findPlanId, getPlanSummary } from '../../store/plan-repository.js';
import { storePlan } from './store-plan.js';

export interface SaveCorrectedPlanOptions {
  /** Whether the user may store a plan of this region (the route's scope rule). */
  inScope: (plan: Pick<Plan, 'region' | 'parentRegion'>) => boolean;
  now: Date;
}

/**
 * Stores a plan that came from `parsePlanUpload` and was corrected by hand: department names are normalised
 * as the importer does, each target's departments follow its item's, then every field is checked (all
 * problems at once, PLAN_INVALID) and the region against the user's scope (PLAN_OUT_OF_SCOPE, also when the
 * plan would replace a stored one outside it). Stores the plan and its indicator links, or nothing.
 */
export async function saveCorrectedPlan(
  db: HalfskyDatabase,
  input: Plan,
  source: PlanSource,
  options: SaveCorrectedPlanOptions,
): Promise<{ plan: Plan; created: boolean; links: PlanLinks }> {
  const plan = cleanPlan(input);
  const problems = validatePlan(plan);
  if (problems.length > 0)
    throw new HalfskyError('PLAN_INVALID', { problems: problems.length }, { fields: problems });
  const outOfScope = (p: Pick<Plan, 'region'>) =>
    new HalfskyError(
      'PLAN_OUT_OF_SCOPE',
      { region: p.region },
      { fields: [{ field: 'region', zh: '不在本人辖区内', en: 'outside your scope' }] },
    );
  if (!options.inScope(plan)) throw outOfScope(plan);
  const id = (await findPlanId(db, plan.region, plan.title)) ?? plan.id;
  const stored = await getPlanSummary(db, id);
  if (stored && !options.inScope(stored)) throw outOfScope(stored);
  return storePlan(db, { ...plan, id }, source, { keepStoredId: false, now: options.now });
}

/** The plan with exactly the model's fields (clients send item ids back), departments normalised. */
function cleanPlan(p: Plan): Plan {
  const item = <T extends Plan['areas'][number]['goals'][number]>(i: T) => ({
    number: i.number,
    title: i.title,
    text: i.text,
    responsibility: { departments: departments(i.responsibility.departments), raw: i.responsibility.raw },
  });
  const areas = p.areas.map((a) => ({
    code: a.code,
    name: a.name,
    goals: a.goals.map(item),
    measures: a.measures.map(item),
  }));
  const projects = p.projects.map((x) => ({ ...item(x), area: x.area }));
  const itemOf = (t: Plan['targets'][number]) => {
    const area = areas.find((a) => a.code === t.area);
    if (t.section === 'goal') return area?.goals.find((g) => g.number === t.item);
    if (t.section === 'measure') return area?.measures.find((m) => m.number === t.item);
    if (t.section === 'project') return projects.find((x) => x.number === t.item);
    return undefined;
  };
  return {
    id: p.id.trim(),
    title: p.title.trim(),
    region: p.region.trim(),
    level: p.level,
    parentRegion: p.parentRegion,
    period: [p.period[0], p.period[1]],
    areas,
    projects,
    targets: p.targets.map((t) => ({
      area: t.area,
      section: t.section,
      item: t.item,
      indicator: t.indicator.trim(),
      comparator: t.comparator,
      value: t.value,
      unit: t.unit === null || t.unit.trim() === '' ? null : t.unit.trim(),
      year: t.year,
      responsible: itemOf(t)?.responsibility.departments ?? departments(t.responsible),
      text: t.text,
    })),
  };
}

function departments(names: readonly string[]): string[] {
  return [
    ...new Set(
      names
        .map((n) => n.trim())
        .filter(Boolean)
        .map(normaliseDepartment),
    ),
  ];
}
