import { planItemId } from '../domain/plan-item-ids.js';
import type { AreaCode, Comparator, Plan, PlanItem, RegionLevel, Section } from '../domain/plan.js';
import type { DocumentFormat, PlanSource } from '../domain/plan-source.js';
import type { AreaRow, ItemRow, PlanRow, ProjectRow, ResponsibilityRow, TargetRow } from './tables.js';

/** A responsibility link before its department has an id: the department is named. */
export type NamedResponsibility = Omit<ResponsibilityRow, 'department_id'> & { department: string };

export interface PlanRows {
  plan: Omit<PlanRow, 'imported_at' | 'updated_at'>;
  areas: AreaRow[];
  goals: ItemRow[];
  measures: ItemRow[];
  projects: ProjectRow[];
  targets: TargetRow[];
  responsibilities: NamedResponsibility[];
}

type Subject = Pick<ResponsibilityRow, 'goal_id' | 'measure_id' | 'project_id' | 'target_id'>;
const NO_SUBJECT: Subject = { goal_id: null, measure_id: null, project_id: null, target_id: null };

/** Maps a Plan to the rows that store it. Row ids derive from the plan id and positions. */
export function planToRows(plan: Plan, source: PlanSource): PlanRows {
  const rows: PlanRows = {
    plan: {
      id: plan.id,
      title: plan.title,
      region: plan.region,
      level: plan.level,
      parent_region: plan.parentRegion,
      period_start: plan.period[0],
      period_end: plan.period[1],
      source_format: source.format,
      source_text: source.text,
    },
    areas: [],
    goals: [],
    measures: [],
    projects: [],
    targets: [],
    responsibilities: [],
  };
  const link = (departments: string[], subject: Partial<Subject>, subjectId: string) => {
    departments.forEach((department, position) => {
      rows.responsibilities.push({
        id: `${subjectId}/r${position}`,
        plan_id: plan.id,
        department,
        ...NO_SUBJECT,
        ...subject,
        role: position === 0 ? 'lead' : 'supporting',
        position,
      });
    });
  };
  const itemRow = (item: PlanItem, id: string, areaId: string, position: number): ItemRow => ({
    id,
    plan_id: plan.id,
    area_id: areaId,
    position,
    number: item.number,
    title: item.title,
    text: item.text,
    responsibility_raw: item.responsibility.raw,
  });

  plan.areas.forEach((area, a) => {
    const areaId = planItemId.area(plan.id, a);
    rows.areas.push({ id: areaId, plan_id: plan.id, position: a, code: area.code, name: area.name });
    area.goals.forEach((goal, i) => {
      const id = planItemId.goal(plan.id, a, i);
      rows.goals.push(itemRow(goal, id, areaId, i));
      link(goal.responsibility.departments, { goal_id: id }, id);
    });
    area.measures.forEach((measure, i) => {
      const id = planItemId.measure(plan.id, a, i);
      rows.measures.push(itemRow(measure, id, areaId, i));
      link(measure.responsibility.departments, { measure_id: id }, id);
    });
  });
  plan.projects.forEach((project, i) => {
    const id = planItemId.project(plan.id, i);
    rows.projects.push({
      id,
      plan_id: plan.id,
      position: i,
      number: project.number,
      area: project.area,
      title: project.title,
      text: project.text,
      responsibility_raw: project.responsibility.raw,
    });
    link(project.responsibility.departments, { project_id: id }, id);
  });
  plan.targets.forEach((target, i) => {
    const id = planItemId.target(plan.id, i);
    rows.targets.push({
      id,
      plan_id: plan.id,
      position: i,
      area: target.area,
      section: target.section,
      item: target.item,
      indicator: target.indicator,
      comparator: target.comparator,
      value: target.value,
      unit: target.unit,
      year: target.year,
      text: target.text,
    });
    link(target.responsible, { target_id: id }, id);
  });
  return rows;
}

/** A stored responsibility link with its department's name, as read back. */
export type ResponsibilityLink = Subject & { name: string };

/** Rebuilds the Plan from its rows (each list in position order). */
export function rowsToPlan(rows: {
  plan: PlanRow;
  areas: AreaRow[];
  goals: ItemRow[];
  measures: ItemRow[];
  projects: ProjectRow[];
  targets: TargetRow[];
  links: ResponsibilityLink[];
}): Plan {
  const departmentsOf = new Map<string, string[]>();
  for (const link of rows.links) {
    const subject = link.goal_id ?? link.measure_id ?? link.project_id ?? link.target_id ?? '';
    const names = departmentsOf.get(subject) ?? [];
    names.push(link.name);
    departmentsOf.set(subject, names);
  }
  const item = (row: ItemRow | ProjectRow): PlanItem => ({
    number: row.number,
    title: row.title,
    text: row.text,
    responsibility: { departments: departmentsOf.get(row.id) ?? [], raw: row.responsibility_raw },
  });
  const itemsOf = (list: ItemRow[], areaId: string) => list.filter((r) => r.area_id === areaId).map(item);

  return {
    id: rows.plan.id,
    title: rows.plan.title,
    region: rows.plan.region,
    level: rows.plan.level as RegionLevel,
    parentRegion: rows.plan.parent_region,
    period: [rows.plan.period_start, rows.plan.period_end],
    areas: rows.areas.map((area) => ({
      code: area.code as AreaCode,
      name: area.name,
      goals: itemsOf(rows.goals, area.id),
      measures: itemsOf(rows.measures, area.id),
    })),
    projects: rows.projects.map((project) => ({ ...item(project), area: project.area as AreaCode | null })),
    targets: rows.targets.map((target) => ({
      area: target.area as AreaCode,
      section: target.section as Section,
      item: target.item,
      indicator: target.indicator,
      comparator: target.comparator as Comparator,
      value: target.value === null ? null : Number(target.value),
      unit: target.unit,
      year: target.year,
      responsible: departmentsOf.get(target.id) ?? [],
      text: target.text,
    })),
  };
}

export function sourceFormatOf(row: Pick<PlanRow, 'source_format'>): DocumentFormat {
  return row.source_format as DocumentFormat;
}
