import { findIndicator } from '../../domain/indicators/catalog.js';
import { HalfskyError } from '../../domain/errors.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import type { RegionRanking } from './evaluation-types.js';
import { planEngine, type EvaluationContext } from './plan-engine.js';

/** The ranking rule in words (shown with every ranking). */
export const RANKING_RULE =
  '综合得分为各指标“距目标距离”得分的加权平均：每项指标按(数值−最差值)/(目标值−最差值)折算到0—1，达到或优于目标记1分；' +
  '“左右”类目标按与目标值的偏离计分。某地区有数据的指标不足一半时不参与排序（数据不足）；缺失指标不计0分，只在其有数据的指标上平均。' +
  '得分相同者并列同一名次，下一名次顺延；分母（如活产数）低于门槛的小人口地区按√(分母/门槛)的可信度向上级数值收缩。' +
  '名次变化为上年名次减本年名次（正数为上升）。';

/**
 * The ranking of a plan's sub-regions (清远's 排序) on its numeric targets for a year: composite
 * distance-to-target score with its components, rank, and rank change against the year before.
 * `parentCode` ranks the sub-regions of another region in the plan's tree (default: the plan's region).
 */
export async function rankRegions(
  db: HalfskyDatabase,
  input: { planId: string; year: number; parentCode?: string | null },
  context: EvaluationContext = {},
): Promise<RegionRanking> {
  const built = await planEngine(db, input.planId, input.year, context);
  const parentCode = input.parentCode ?? built.regionCode;
  const parent = built.engine.region(parentCode);
  if (!parent) throw new HalfskyError('REGION_NOT_FOUND', { code: parentCode });
  const group = built.engine.rankingOf(parentCode);
  return {
    planId: input.planId,
    year: input.year,
    parentCode,
    parentName: parent.name,
    indicators: (group?.indicators ?? []).map((i) => ({
      code: i.code,
      name: findIndicator(i.code)?.nameZh ?? i.code,
      direction: i.direction,
      target: i.target,
    })),
    regions: (group?.regions ?? []).map((r) => ({
      ...r,
      regionName: built.engine.region(r.region)?.name ?? r.region,
    })),
    rule: RANKING_RULE,
  };
}
