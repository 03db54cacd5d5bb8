import { deadlineEnd } from './deadline.js';
import type { CellState } from './round.js';

/** What progress needs of a cell. */
export interface ProgressCell {
  department: string;
  regionCode: string;
  state: CellState;
  /** When the cell was first submitted (ISO), null if never. */
  firstSubmittedAt: string | null;
}

/** Counts of one department or region. Rates are shares of `owed`; null when nothing is owed. */
export interface ProgressCounts {
  owed: number;
  /** Has a value (any state but owed). */
  entered: number;
  /** Submitted or approved. */
  submitted: number;
  approved: number;
  returned: number;
  /** Not submitted by the deadline: first submitted after it, or (once it has passed) not yet submitted. */
  late: number;
  completeness: number | null;
  timeliness: number | null;
}

export interface RoundProgress {
  total: ProgressCounts;
  byDepartment: ({ department: string } & ProgressCounts)[];
  byRegion: ({ regionCode: string } & ProgressCounts)[];
  /** Departments with cells overdue (deadline passed, not submitted), most overdue first. */
  reminders: { department: string; overdue: number; regionCodes: string[] }[];
}

/**
 * Completeness (submitted ÷ owed) and timeliness (submitted on time ÷ owed) of a round, per department and
 * per region, and the reminders owed to departments with overdue cells. Before the deadline nothing is late.
 */
export function roundProgress(cells: readonly ProgressCell[], deadline: string, now: Date): RoundProgress {
  const end = deadlineEnd(deadline).getTime();
  const passed = now.getTime() > end;
  const isSubmitted = (c: ProgressCell) => c.state === 'submitted' || c.state === 'approved';
  const isLate = (c: ProgressCell) =>
    c.firstSubmittedAt !== null ? Date.parse(c.firstSubmittedAt) > end : passed;
  const overdue = (c: ProgressCell) => passed && !isSubmitted(c);
  const count = (xs: readonly ProgressCell[]): ProgressCounts => {
    const owed = xs.length;
    const submitted = xs.filter(isSubmitted).length;
    const onTime = xs.filter((c) => isSubmitted(c) && !isLate(c)).length;
    return {
      owed,
      entered: xs.filter((c) => c.state !== 'owed').length,
      submitted,
      approved: xs.filter((c) => c.state === 'approved').length,
      returned: xs.filter((c) => c.state === 'returned').length,
      late: xs.filter(isLate).length,
      completeness: owed === 0 ? null : submitted / owed,
      timeliness: owed === 0 ? null : onTime / owed,
    };
  };
  const groups = (by: (c: ProgressCell) => string) => {
    const map = new Map<string, ProgressCell[]>();
    for (const c of cells) {
      const key = by(c);
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh'));
  };
  const reminders = groups((c) => c.department)
    .map(([department, xs]) => {
      const late = xs.filter(overdue);
      return {
        department,
        overdue: late.length,
        regionCodes: [...new Set(late.map((c) => c.regionCode))].sort(),
      };
    })
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.department.localeCompare(b.department, 'zh'));
  return {
    total: count(cells),
    byDepartment: groups((c) => c.department).map(([department, xs]) => ({ department, ...count(xs) })),
    byRegion: groups((c) => c.regionCode).map(([regionCode, xs]) => ({ regionCode, ...count(xs) })),
    reminders,
  };
}
