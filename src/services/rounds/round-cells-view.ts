import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { findIndicator } from '../../domain/indicators/catalog.js';
import { targetKey } from '../../domain/indicators/link-targets.js';
import type { Comparator } from '../../domain/plan.js';
import type { CellState, OwedCell } from '../../domain/rounds/round.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { getPlan } from '../../store/plan-repository.js';
import {
  listRoundCells,
  type StoredRoundCell,
  type StoredWarning,
} from '../../store/round-cell-repository.js';
import { listTargetLinks } from '../../store/target-link-repository.js';
import { lineageOf, type RoundContext } from './round-context.js';

/** The plan's target for an indicator, as shown beside a cell. */
export interface CellTarget {
  comparator: Comparator;
  value: number | null;
  unit: string | null;
  year: number;
  text: string;
}

/** A cell of a round as the data-entry grid and the review queue show it. */
export interface RoundCellView extends OwedCell {
  id: string;
  indicatorName: string;
  unit: string | null;
  regionName: string;
  state: CellState;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
  /** The value's version, 0 while none is stored: send it back with a save. */
  version: number;
  source: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
  lastYearValue: number | null;
  target: CellTarget | null;
  returnReason: string | null;
  warnings: StoredWarning[];
  /** The value at the last submission; with `changedSinceSubmission`, what the reviewer compares. */
  submittedValue: number | null;
  changedSinceSubmission: boolean;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
}

export interface CellFilter {
  department?: string;
  regionCode?: string;
  state?: CellState;
}

/** The cells of a round the user may see: a reporter its departments', everyone only within the region scope. */
export async function visibleCells(
  db: HalfskyDatabase,
  user: AccessUser,
  { round, tree }: RoundContext,
  filter: CellFilter = {},
): Promise<StoredRoundCell[]> {
  const departments =
    user.role === 'reporter'
      ? user.departments.filter((d) => filter.department === undefined || d === filter.department)
      : filter.department !== undefined
        ? [filter.department]
        : undefined;
  const cells = await listRoundCells(db, round, {
    ...(departments ? { departments } : {}),
    ...(filter.regionCode !== undefined ? { regionCodes: [filter.regionCode] } : {}),
    ...(filter.state !== undefined ? { states: [filter.state] } : {}),
  });
  const seen = new Map<string, boolean>();
  return cells.filter((c) => {
    let ok = seen.get(c.regionCode);
    if (ok === undefined) {
      ok = can(user, 'observation:read', { regionLineage: lineageOf(tree, c.regionCode) });
      seen.set(c.regionCode, ok);
    }
    return ok;
  });
}

/** For each indicator, the plan's target shown beside its cells: the first due in or after the round's year. */
export async function planTargets(
  db: HalfskyDatabase,
  planId: string,
  year: number,
): Promise<Map<string, CellTarget>> {
  const plan = await getPlan(db, planId);
  const links = new Map((await listTargetLinks(db, planId)).map((l) => [l.targetKey, l.indicatorCode]));
  const byIndicator = new Map<string, CellTarget[]>();
  for (const t of plan?.targets ?? []) {
    const code = links.get(targetKey(t));
    if (!code) continue;
    const list = byIndicator.get(code) ?? [];
    list.push({ comparator: t.comparator, value: t.value, unit: t.unit, year: t.year, text: t.text });
    byIndicator.set(code, list);
  }
  const chosen = new Map<string, CellTarget>();
  for (const [code, list] of byIndicator) {
    const sorted = [...list].sort((a, b) => a.year - b.year);
    chosen.set(code, sorted.find((t) => t.year >= year) ?? sorted[sorted.length - 1]!);
  }
  return chosen;
}

/**
 * The cells of a round with everything the grid shows: value and version, last year's value, the plan's
 * target, the review state, the return reason, warnings, and whether the value changed since it was last
 * submitted (what the reviewer looks at on a resubmission).
 */
export async function roundCellViews(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  filter: CellFilter = {},
): Promise<RoundCellView[]> {
  const cells = await visibleCells(db, user, ctx, filter);
  const { round, tree } = ctx;
  const targets = await planTargets(db, round.planId, round.year);
  return cells.map((c) => {
    const indicator = findIndicator(c.indicatorCode);
    const o = c.observation;
    return {
      id: c.id,
      indicatorCode: c.indicatorCode,
      indicatorName: indicator?.nameZh ?? c.indicatorCode,
      unit: indicator?.unit ?? null,
      regionCode: c.regionCode,
      regionName: tree.get(c.regionCode)?.name ?? c.regionCode,
      sex: c.sex,
      urbanRural: c.urbanRural,
      age: c.age,
      department: c.department,
      state: c.state,
      value: o?.value ?? null,
      numerator: o?.numerator ?? null,
      denominator: o?.denominator ?? null,
      comment: o?.comment ?? null,
      version: o?.version ?? 0,
      source: o?.source ?? null,
      updatedAt: o?.updatedAt ?? null,
      updatedBy: o?.updatedBy ?? null,
      lastYearValue: c.lastYearValue,
      target: targets.get(c.indicatorCode) ?? null,
      returnReason: c.returnReason,
      warnings: c.warnings,
      submittedValue: c.submittedValue,
      changedSinceSubmission: c.submittedAt !== null && (o?.value ?? null) !== c.submittedValue,
      firstSubmittedAt: c.firstSubmittedAt,
      submittedAt: c.submittedAt,
    };
  });
}
