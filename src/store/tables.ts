/**
 * Row types of the Halfsky database, as Kysely sees them. These shapes stay inside src/store: repositories
 * map them to domain objects. Timestamps are ISO 8601 text so that both engines store them alike.
 */
export interface Database {
  plans: PlanRow;
  areas: AreaRow;
  goals: ItemRow;
  measures: ItemRow;
  projects: ProjectRow;
  targets: TargetRow;
  departments: DepartmentRow;
  responsibilities: ResponsibilityRow;
}

export interface PlanRow {
  id: string;
  title: string;
  region: string;
  level: string;
  parent_region: string | null;
  period_start: number;
  period_end: number;
  source_format: string;
  source_text: string;
  imported_at: string;
  updated_at: string;
}

export interface AreaRow {
  id: string;
  plan_id: string;
  position: number;
  code: string;
  name: string;
}

/** A goal (主要目标) or a measure (策略措施) of an area. */
export interface ItemRow {
  id: string;
  plan_id: string;
  area_id: string;
  position: number;
  number: number;
  title: string | null;
  text: string;
  responsibility_raw: string | null;
}

export interface ProjectRow {
  id: string;
  plan_id: string;
  position: number;
  number: number;
  area: string | null;
  title: string | null;
  text: string;
  responsibility_raw: string | null;
}

export interface TargetRow {
  id: string;
  plan_id: string;
  position: number;
  area: string;
  section: string;
  item: number;
  indicator: string;
  comparator: string;
  value: number | null;
  unit: string | null;
  year: number;
  text: string;
}

export interface DepartmentRow {
  id: string;
  /** Normalised name, unique across plans (e.g. 卫健局). */
  name: string;
  /** JSON array of other names seen for the same unit. */
  aliases: string;
}

/** Links a department to exactly one goal, measure, project or target; the first named unit leads. */
export interface ResponsibilityRow {
  id: string;
  plan_id: string;
  department_id: string;
  goal_id: string | null;
  measure_id: string | null;
  project_id: string | null;
  target_id: string | null;
  role: 'lead' | 'supporting';
  position: number;
}
