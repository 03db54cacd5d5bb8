import type { MilestoneTarget } from '../../domain/evaluation/assess-milestone.js';
import type {
  DatasetIndicator,
  DatasetRegion,
  DatasetTarget,
} from '../../domain/evaluation/evaluation-dataset.js';
import type { RollUpRule } from '../../domain/evaluation/roll-up.js';
import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { hasSexBreakdown, type Indicator } from '../../domain/indicators/indicator.js';
import { targetKey } from '../../domain/indicators/link-targets.js';
import type { Plan, Target } from '../../domain/plan.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { StoredTargetLink } from '../../store/target-link-repository.js';

/** What the engine evaluates for one plan, built from the stored plan, its links and the region tree. */
export interface PlanDataset {
  regions: DatasetRegion[];
  indicators: DatasetIndicator[];
  targets: DatasetTarget[];
  unassessed: { targetKey: string; label: string; reason: 'no_indicator' | 'qualitative_indicator' }[];
}

/**
 * Small-population thresholds for ranking, on the denominator: 10,000 for rates per 100,000 (a county's
 * maternal mortality on fewer births swings by whole multiples), 1,000 for ‰, 100 for %.
 */
export function minDenominatorOf(indicator: Indicator): number | null {
  if (indicator.rollUp.kind !== 'ratio') return null;
  const m = indicator.rollUp.multiplier;
  return m >= 100000 ? 10000 : m >= 1000 ? 1000 : 100;
}

export function datasetIndicator(indicator: Indicator): DatasetIndicator {
  const rollUp: RollUpRule =
    indicator.rollUp.kind === 'ratio'
      ? { kind: 'ratio', multiplier: indicator.rollUp.multiplier }
      : { kind: indicator.rollUp.kind };
  return {
    code: indicator.code,
    nameZh: indicator.nameZh,
    unit: indicator.unit,
    rollUp,
    sex: hasSexBreakdown(indicator) ? '女' : '合计',
    better: indicator.direction === 'higher' ? 'up' : indicator.direction === 'lower' ? 'down' : null,
    department: indicator.department,
    minDenominator: minDenominatorOf(indicator),
  };
}

/**
 * The plan's targets grouped into one evaluated target per (item, indicator): a 2025 and a 2030 value of
 * the same commitment become two milestones of one target. Targets whose link names no indicator, or a
 * qualitative one, are listed as unassessed.
 */
export function planDataset(
  plan: Plan,
  links: readonly StoredTargetLink[],
  tree: RegionTree,
  regionCode: string,
): PlanDataset {
  const linkOf = new Map(links.map((l) => [l.targetKey, l.indicatorCode]));
  const groups = new Map<string, { indicator: Indicator; targets: Target[] }>();
  const unassessed: PlanDataset['unassessed'] = [];
  for (const target of plan.targets) {
    const key = targetKey(target);
    const code = linkOf.get(key) ?? null;
    const indicator = code ? findIndicator(code, INDICATOR_CATALOG) : undefined;
    if (!indicator || indicator.kind !== 'quantitative') {
      unassessed.push({
        targetKey: key,
        label: target.indicator,
        reason: indicator ? 'qualitative_indicator' : 'no_indicator',
      });
      continue;
    }
    const group = `${target.area}|${target.section}|${target.item}|${indicator.code}`;
    const entry = groups.get(group) ?? { indicator, targets: [] };
    // Two targets due the same year on one item (a range, 女 and 男) stay separate commitments.
    if (entry.targets.some((t) => t.year === target.year)) {
      groups.set(`${group}|${key}`, { indicator, targets: [target] });
      continue;
    }
    entry.targets.push(target);
    groups.set(group, entry);
  }
  const targets: DatasetTarget[] = [...groups.values()].map(({ indicator, targets: ts }) => {
    const sorted = [...ts].sort((a, b) => a.year - b.year);
    const last = sorted[sorted.length - 1] as Target;
    // A target the plan states without naming its indicator again (提高…签订率，达到90%以上) takes the linked name.
    const milestones: MilestoneTarget[] = sorted.map((t) => ({
      indicator: t.indicator || indicator.nameZh,
      comparator: t.comparator,
      value: t.value,
      unit: t.unit ?? indicator.unit,
      year: t.year,
    }));
    return {
      key: targetKey(last),
      indicatorCode: indicator.code,
      area: last.area,
      label: last.indicator || indicator.nameZh,
      milestones,
      responsible: [...new Set(sorted.flatMap((t) => t.responsible))],
    };
  });
  const indicators = [...new Map(targets.map((t) => [t.indicatorCode, t.indicatorCode])).keys()].map((c) =>
    datasetIndicator(findIndicator(c, INDICATOR_CATALOG) as Indicator),
  );
  const root = tree.get(regionCode);
  const regions: DatasetRegion[] = root
    ? [
        { code: root.code, name: root.name, level: root.level, parent: null },
        ...tree
          .subtree(root.code)
          .filter((r) => r.code !== root.code)
          .map((r) => ({ code: r.code, name: r.name, level: r.level, parent: r.parentCode })),
      ]
    : [];
  return { regions, indicators, targets, unassessed };
}
