import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import { findIndicator } from '../../domain/indicators/catalog.js';
import { isCount, valueBounds } from '../../domain/observations/value-bounds.js';
import { buildRoundTemplate } from '../../data-files/round-template.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { getPlan } from '../../store/plan-repository.js';
import { lineageOf, type RoundContext } from './round-context.js';
import { roundCellViews, type CellTarget } from './round-cells-view.js';

const COMPARATOR_ZH: Readonly<Record<string, string>> = {
  '<=': '≤',
  '>=': '≥',
  '~': '约',
  '=': '=',
  increase: '提高',
  decrease: '降低',
  maintain: '保持',
};

function targetText(t: CellTarget | null): string | null {
  if (!t) return null;
  const value = t.value === null ? '' : `${t.value}${t.unit ?? ''}`;
  return `${t.year}年 ${COMPARATOR_ZH[t.comparator] ?? t.comparator}${value}`;
}

/**
 * The Excel template of one department in a round: its owed cells (within the user's scope) with the
 * current values and versions, last year's values and the targets; editable only where the cell still is
 * (owed, draft, returned), the round is open and the user may write it. A reporter may only ask for its own departments.
 */
export async function roundTemplateFile(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  department: string,
): Promise<{ filename: string; bytes: Buffer; rows: number }> {
  if (user.role === 'reporter' && !user.departments.includes(department))
    throw new HalfskyError('OBSERVATIONS_FORBIDDEN', { cells: department });
  const { round, tree } = ctx;
  const cells = await roundCellViews(db, user, ctx, { department });
  const plan = await getPlan(db, round.planId);
  const bytes = await buildRoundTemplate(
    {
      title: `${plan?.title ?? round.planId} — ${round.year} 年度监测数据填报模板`,
      roundId: round.id,
      year: round.year,
      department,
      deadline: round.deadline,
    },
    cells.map((c) => {
      const indicator = findIndicator(c.indicatorCode)!;
      const writable =
        round.status === 'open' &&
        (c.state === 'owed' || c.state === 'draft' || c.state === 'returned') &&
        can(user, 'observation:write', {
          regionLineage: lineageOf(tree, c.regionCode),
          department: c.department,
        });
      return {
        indicatorCode: c.indicatorCode,
        indicatorName: c.indicatorName,
        unit: c.unit,
        regionCode: c.regionCode,
        regionName: c.regionName,
        sex: c.sex,
        urbanRural: c.urbanRural,
        age: c.age,
        lastYearValue: c.lastYearValue,
        target: targetText(c.target),
        value: c.value,
        numerator: c.numerator,
        denominator: c.denominator,
        comment: c.comment,
        version: c.version,
        bounds: valueBounds(indicator),
        whole: isCount(indicator),
        editable: writable,
      };
    }),
  );
  return { filename: `${round.id}-${department}.xlsx`, bytes, rows: cells.length };
}
