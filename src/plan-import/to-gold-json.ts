import type { Plan } from '../domain/plan.js';

/** A plan in the interchange schema of ../shared/gold/SCHEMA.md (snake_case, counts per area). */
export interface GoldPlanJson {
  plan: string;
  title: string;
  region: string;
  level: string;
  parent_region: string | null;
  period: [number, number];
  areas: { code: string; name: string; goals: number; measures: number }[];
  projects?: { number: number; area: string | null; title: string | null; responsible: string[] }[];
  targets: {
    area: string;
    section: string;
    item: number;
    indicator: string;
    comparator: string;
    value: number | null;
    unit: string | null;
    year: number;
    responsible: string[];
    text: string;
  }[];
}

/** Serialises a plan to the gold schema, the format `plan parse --json` prints. */
export function toGoldJson(plan: Plan): GoldPlanJson {
  return {
    plan: plan.id,
    title: plan.title,
    region: plan.region,
    level: plan.level,
    parent_region: plan.parentRegion,
    period: plan.period,
    areas: plan.areas.map((a) => ({
      code: a.code,
      name: a.name,
      goals: a.goals.length,
      measures: a.measures.length,
    })),
    ...(plan.projects.length > 0
      ? {
          projects: plan.projects.map((p) => ({
            number: p.number,
            area: p.area,
            title: p.title,
            responsible: p.responsibility.departments,
          })),
        }
      : {}),
    targets: plan.targets.map((t) => ({
      area: t.area,
      section: t.section,
      item: t.item,
      indicator: t.indicator,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit,
      year: t.year,
      responsible: t.responsible,
      text: t.text,
    })),
  };
}
