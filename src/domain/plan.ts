/**
 * The plan model: one region's women's development plan, parsed into areas, goals, measures,
 * key projects and checkable targets. Field names follow ../shared/gold/SCHEMA.md where it has them.
 */

/** The eight areas every plan is organised by, plus `other` for anything outside them. */
export const AREA_CODES = [
  'health',
  'education',
  'economy',
  'decision',
  'social_security',
  'family',
  'environment',
  'law',
] as const;
export type AreaCode = (typeof AREA_CODES)[number] | 'other';

/** Canonical Chinese names of the areas. */
export const AREA_NAMES: Record<AreaCode, string> = {
  health: '妇女与健康',
  education: '妇女与教育',
  economy: '妇女与经济',
  decision: '妇女参与决策和管理',
  social_security: '妇女与社会保障',
  family: '妇女与家庭建设',
  environment: '妇女与环境',
  law: '妇女与法律',
  other: '其他',
};

export type RegionLevel = 'national' | 'province' | 'city' | 'county' | 'district';

export const COMPARATORS = ['<=', '>=', '~', '=', 'increase', 'decrease', 'maintain'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/** Where a target sits in its area: 主要目标, 策略措施, 重点工程, or elsewhere. */
export type Section = 'goal' | 'measure' | 'project' | 'other';

/** Responsible units (责任单位) named by the document for an item: normalised names plus the raw text. */
export interface Responsibility {
  /** Normalised department names, lead unit first (e.g. ["卫健局", "妇联"]). */
  departments: string[];
  /** The text as written, e.g. "（卫健局、妇联）"; null when the document names none. */
  raw: string | null;
}

/** A numbered item of an area: a goal (主要目标) or a measure (策略措施). */
export interface PlanItem {
  number: number;
  /** Short heading where the item has one (measures usually do: "完善保障妇女健康的制度机制。"). */
  title: string | null;
  /** The item's full text as it appears in the document (normalised whitespace). */
  text: string;
  responsibility: Responsibility;
}

export interface PlanArea {
  code: AreaCode;
  /** The area's name as the document writes it (e.g. 妇女参与决策与管理). */
  name: string;
  goals: PlanItem[];
  measures: PlanItem[];
}

/** A key project (重点工程); numbered across the plan, attached to an area where it belongs to one. */
export interface PlanProject extends PlanItem {
  area: AreaCode | null;
}

export interface Target {
  area: AreaCode;
  section: Section;
  /** Number of the goal / measure / project within its area. */
  item: number;
  /** The measured quantity, as short as the text allows. */
  indicator: string;
  comparator: Comparator;
  /** The number as written; null for increase / decrease / maintain. */
  value: number | null;
  /** "%", "1/10万", "‰", "年", "家", "个", ... or null. */
  unit: string | null;
  /** Year the target is due: 2030 unless the text names another (e.g. 2025). */
  year: number;
  /** Normalised responsible departments of the item this target belongs to. */
  responsible: string[];
  /** The exact clause from the document. */
  text: string;
}

export interface Plan {
  /** Stable id, e.g. "anqing" (derived from the region unless given). */
  id: string;
  title: string;
  region: string;
  level: RegionLevel;
  parentRegion: string | null;
  period: [number, number];
  areas: PlanArea[];
  projects: PlanProject[];
  targets: Target[];
}
