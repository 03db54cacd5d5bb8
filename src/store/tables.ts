import type { RoundTables } from './round-tables.js';
import type { UserTables } from './user-tables.js';

/**
 * Row types of the Halfsky database, as Kysely sees them. These shapes stay inside src/store: repositories
 * map them to domain objects. Timestamps are ISO 8601 text so that both engines store them alike.
 */
export interface Database extends UserTables, RoundTables {
  plans: PlanRow;
  areas: AreaRow;
  goals: ItemRow;
  measures: ItemRow;
  projects: ProjectRow;
  targets: TargetRow;
  departments: DepartmentRow;
  responsibilities: ResponsibilityRow;
  responsibility_edits: ResponsibilityEditRow;
  regions: RegionRow;
  indicators: IndicatorRow;
  target_links: TargetLinkRow;
  observations: ObservationRow;
  publications: PublicationRow;
}

/** A plan's year of results released to the public section (migration 0008). */
export interface PublicationRow {
  plan_id: string;
  year: number;
  published_at: string;
  published_by: string | null;
  note: string | null;
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
/** A person's edit of one plan item's responsibilities, re-applied on re-import (migration 0010). */
export interface ResponsibilityEditRow {
  plan_id: string;
  item_kind: string;
  item_id: string;
  /** JSON: [{ name, role }] in order, lead first. */
  departments: string;
  edited_at: string;
}

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

/** A node of the GB/T 2260 hierarchy, copied from the region tree for the subtrees plans and data need. */
export interface RegionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/** A catalogue indicator; list and object fields are JSON text. Synced from code, never edited here. */
export interface IndicatorRow {
  code: string;
  name_zh: string;
  name_en: string;
  area: string;
  kind: string;
  unit: string | null;
  direction: string;
  definition: string;
  caliber: string;
  department: string;
  supporting_departments: string;
  disaggregations: string;
  roll_up: string;
  band: string | null;
  aliases: string;
}

/** The indicator a plan target measures; `overridden` (0/1) marks a manual link that re-linking keeps. */
export interface TargetLinkRow {
  plan_id: string;
  target_key: string;
  indicator_code: string | null;
  method: string | null;
  score: number;
  source: string | null;
  matched: string | null;
  overridden: number;
  updated_at: string;
}

/** One value of an indicator for a region, year and disaggregation. */
export interface ObservationRow {
  id: string;
  indicator_code: string;
  region_code: string;
  year: number;
  sex: string;
  urban_rural: string;
  age: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  /** 1 for simulated (模拟数据) values, 0 for reported ones (migration 0005). */
  simulated: number;
  status: string;
  source: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}
