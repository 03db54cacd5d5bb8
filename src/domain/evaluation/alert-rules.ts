import type { TargetAssessment } from './assess-target.js';
import { formatNumber, formatQuantity } from './format-quantity.js';
import { MODIFIED_Z_THRESHOLD } from './modified-z-score.js';
import type { Volatility } from './volatility.js';

/** The early-warning rules (预警): why an alert is raised. */
export const ALERT_RULES = [
  'projected_miss',
  'wrong_direction',
  'volatile',
  'outlier',
  'data_missing',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];
export type AlertLevel = 'red' | 'yellow';

/** An alert the data support: one rule, one target, one region, one year. */
export interface AlertCandidate {
  rule: AlertRule;
  level: AlertLevel;
  targetKey: string;
  regionCode: string;
  year: number;
  /** One Chinese sentence saying why, from the numbers. */
  reason: string;
  reasonEn: string;
  /** Responsible departments (the target's, else the indicator's supplier). */
  departments: string[];
}

export interface AlertInput {
  targetKey: string;
  /** The plan's wording of the indicator (孕产妇死亡率). */
  indicator: string;
  regionCode: string;
  regionName: string;
  year: number;
  unit: string | null;
  assessment: TargetAssessment;
  volatility: Volatility | null;
  /** Modified z-score of this region's value among its siblings in `year`, with the siblings' median. */
  crossRegion: { z: number | null; median: number | null; value: number | null } | null;
  /** Latest year with a value (any year ≤ `year`), null for none. */
  latestDataYear: number | null;
  /** Whether `year`'s values are due (its round closed or past its deadline); default true. */
  dataDue?: boolean;
  departments: readonly string[];
}

/** z at or above this is red rather than yellow (twice the DHIS2 threshold). */
export const RED_Z = 2 * MODIFIED_Z_THRESHOLD;

/**
 * The alert rules of issue 5, each with its level:
 * - data_missing: no value for `year` — yellow if the year before has one (late), red if not (missing);
 * - wrong_direction: the current milestone's status is deterioration — red;
 * - projected_miss: not achieved and the trend projection at the milestone year misses it — red when the
 *   milestone is due within two years or progress is limited, yellow otherwise;
 * - volatile: the series' own year-on-year changes are outliers or flip sign twice — yellow;
 * - outlier: the value's modified z-score among sibling regions is ≥ 3 — yellow, ≥ 6 red.
 * Nothing is raised for an assessment that is achieved, except missing data and outliers.
 */
export function alertRules(input: AlertInput): AlertCandidate[] {
  const out: AlertCandidate[] = [];
  const { assessment, regionName, indicator, year, unit } = input;
  const base = {
    targetKey: input.targetKey,
    regionCode: input.regionCode,
    year,
    departments: [...input.departments],
  };
  const who = `${regionName}${indicator}`;
  const q = (v: number | null) => formatQuantity(v, unit);
  if (input.dataDue !== false && (input.latestDataYear === null || input.latestDataYear < year)) {
    const late = input.latestDataYear === year - 1;
    const latest = input.latestDataYear === null ? '暂无任何数据' : `最新数据为${input.latestDataYear}年`;
    out.push({
      ...base,
      rule: 'data_missing',
      level: late ? 'yellow' : 'red',
      reason: `${who}缺少${year}年数据（${latest}），请及时报送。`,
      reasonEn: `${indicator} in ${regionName}: no value for ${year} (${input.latestDataYear === null ? 'no data at all' : `latest ${input.latestDataYear}`}).`,
    });
  }
  const current = assessment.current;
  if (current && current.status === 'deterioration') {
    out.push({
      ...base,
      rule: 'wrong_direction',
      level: 'red',
      reason: `${regionName}：${current.explanation}`,
      reasonEn: `${indicator} in ${regionName} is moving away from its ${current.target.year} target.`,
    });
  }
  if (
    current &&
    current.status !== 'achieved' &&
    !current.final &&
    current.projectedToMeet === false &&
    current.projection !== null
  ) {
    const due = current.target.year - year;
    const level = due <= 2 || current.status === 'limited_progress' ? 'red' : 'yellow';
    out.push({
      ...base,
      rule: 'projected_miss',
      level,
      reason: `${who}按当前趋势预计${current.target.year}年为${q(current.projection.value)}，难以实现${current.target.year}年目标（${targetText(current.target.comparator, current.target.value, unit)}）。`,
      reasonEn: `${indicator} in ${regionName} is projected at ${formatNumber(current.projection.value)} in ${current.target.year}, missing its target.`,
    });
  }
  if (input.volatility?.volatile) {
    const v = input.volatility;
    const why = v.reasons
      .map((r) => (r === 'sign_flips' ? `升降反复${v.signFlips}次` : '个别年份变化幅度异常'))
      .join('、');
    out.push({
      ...base,
      rule: 'volatile',
      level: 'yellow',
      reason: `${who}年度波动较大（${why}），请核实数据。`,
      reasonEn: `${indicator} in ${regionName} is volatile (${v.reasons.join(', ')}).`,
    });
  }
  const cross = input.crossRegion;
  if (cross && cross.z !== null && cross.z >= MODIFIED_Z_THRESHOLD) {
    out.push({
      ...base,
      rule: 'outlier',
      level: cross.z >= RED_Z ? 'red' : 'yellow',
      reason: `${who}${year}年为${q(cross.value)}，与同级地区中位数${q(cross.median)}相差较大（修正Z分数${formatNumber(cross.z, 1)}），请核实。`,
      reasonEn: `${indicator} in ${regionName} (${formatNumber(cross.value ?? NaN)}) is far from its peers' median ${formatNumber(cross.median ?? NaN)} (modified z ${formatNumber(cross.z, 1)}).`,
    });
  }
  return out;
}

function targetText(comparator: string, value: number | null, unit: string | null): string {
  const q = formatQuantity(value, unit);
  if (comparator === '<=') return `${q}以下`;
  if (comparator === '>=') return `${q}以上`;
  if (comparator === '~') return `${q}左右`;
  if (comparator === '=') return `达到${q}`;
  return q;
}
