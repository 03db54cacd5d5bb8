/**
 * A reporting round (填报轮次): the monitoring lead (统计局 监测组) opens one per plan and year with a
 * deadline; every department and county office then owes the cells derived from the plan's linked
 * indicators (see deriveOwedCells), enters and submits them, and the reviewer approves or returns each one.
 */
import type { Sex, UrbanRural } from '../observations/observation.js';

export type RoundStatus = 'open' | 'closed';

export interface Round {
  id: string;
  planId: string;
  /** The year whose data is collected (统计年度). */
  year: number;
  /** Code of the plan's region; cells are owed for it and its direct sub-regions. */
  regionCode: string;
  /** ISO date (YYYY-MM-DD): cells not submitted by the end of this day are late. */
  deadline: string;
  status: RoundStatus;
  openedBy: string | null;
  openedAt: string;
  /** When and by whom the round was closed; null while it is open. */
  closedAt: string | null;
  closedBy: string | null;
}

/** A round closed or reopened: by whom, when and why (a reopening needs a reason). */
export interface RoundStatusChange {
  status: RoundStatus;
  reason: string | null;
  userId: string | null;
  at: string;
}

/**
 * Where a cell stands: `owed` (no value yet), `draft` (saved, changeable), `submitted` (awaiting review,
 * locked for the reporter), `returned` (sent back with a reason; editable again), `approved` (locked; only the
 * monitoring lead can reopen it).
 */
export const CELL_STATES = ['owed', 'draft', 'submitted', 'returned', 'approved'] as const;
export type CellState = (typeof CELL_STATES)[number];

/** What identifies a cell within a round (the round fixes the year). `age` holds an age group or category. */
export interface CellKey {
  indicatorCode: string;
  regionCode: string;
  sex: Sex;
  urbanRural: UrbanRural;
  age: string;
}

/** One cell a department owes in a round. */
export interface OwedCell extends CellKey {
  /** The supplying department (the indicator's). */
  department: string;
}

/** The key as one string. */
export function cellKeyString(k: CellKey): string {
  return [k.indicatorCode, k.regionCode, k.sex, k.urbanRural, k.age].join('|');
}

/** A problem found in the data of a round: blocking errors apply nothing, warnings go to the reviewer. */
export interface CellProblem {
  severity: 'error' | 'warning';
  /** Stable code of the check (out-of-range, female-above-total, sum-mismatch, year-on-year, outlier …). */
  check: string;
  zh: string;
  en: string;
}
