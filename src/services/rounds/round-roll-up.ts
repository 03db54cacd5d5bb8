import type { AccessUser } from '../../domain/access/access-user.js';
import { rollUp, type RollUpResult } from '../../domain/evaluation/roll-up.js';
import { findIndicator } from '../../domain/indicators/catalog.js';
import type { Sex, UrbanRural } from '../../domain/observations/observation.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type { RoundContext } from './round-context.js';
import { visibleCells } from './round-cells-view.js';

export interface RolledUpCell {
  indicatorCode: string;
  sex: Sex;
  urbanRural: UrbanRural;
  age: string;
  /** The region rolled up to (the round's region). */
  regionCode: string;
  /** The value the region reported itself, if approved. */
  reported: number | null;
  rolledUp: RollUpResult;
}

/**
 * The city's view of a round: for every indicator and breakdown, the approved values of its sub-regions
 * (counties) rolled up with the indicator's rule (ratio of sums, sum, or not aggregable), beside the value
 * the city reported itself. Only approved values count; coverage lists the sub-regions still missing.
 */
export async function roundRollUp(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
): Promise<RolledUpCell[]> {
  const { round } = ctx;
  const cells = await visibleCells(db, user, ctx);
  const groups = new Map<string, typeof cells>();
  for (const c of cells) {
    const key = [c.indicatorCode, c.sex, c.urbanRural, c.age].join('|');
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const out: RolledUpCell[] = [];
  for (const list of groups.values()) {
    const first = list[0]!;
    const indicator = findIndicator(first.indicatorCode);
    if (!indicator) continue;
    const own = list.find((c) => c.regionCode === round.regionCode);
    const children = list.filter((c) => c.regionCode !== round.regionCode);
    if (children.length === 0) continue;
    const approved = children.filter((c) => c.state === 'approved' && c.observation);
    const rolledUp = rollUp(
      indicator.rollUp.kind === 'ratio'
        ? { kind: 'ratio', multiplier: indicator.rollUp.multiplier }
        : indicator.rollUp,
      approved.map((c) => ({
        region: c.regionCode,
        value: c.observation!.value,
        numerator: c.observation!.numerator,
        denominator: c.observation!.denominator,
      })),
      children.map((c) => c.regionCode),
    );
    out.push({
      indicatorCode: first.indicatorCode,
      sex: first.sex,
      urbanRural: first.urbanRural,
      age: first.age,
      regionCode: round.regionCode,
      reported: own?.state === 'approved' ? (own.observation?.value ?? null) : null,
      rolledUp,
    });
  }
  return out;
}
