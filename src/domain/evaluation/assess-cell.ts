import { alertRules, RED_Z, type AlertRule } from './alert-rules.js';
import { assessTarget } from './assess-target.js';
import { cellOf, targetCube, type EngineState } from './engine-state.js';
import type { DatasetIndicator, DatasetTarget, RegionTargetResult } from './evaluation-dataset.js';
import { fastStatus, S_ACHIEVED, S_DETERIORATION, S_LIMITED } from './fast-status.js';
import { MODIFIED_Z_THRESHOLD } from './modified-z-score.js';
import { siblingZ } from './sibling-z.js';
import { volatility } from './volatility.js';

/** One bit per alert rule in the engine's alert arrays. */
export const ALERT_BIT: Record<AlertRule, number> = {
  projected_miss: 1,
  wrong_direction: 2,
  volatile: 4,
  outlier: 8,
  data_missing: 16,
};
export const ALERT_RULE_BITS = Object.entries(ALERT_BIT) as [AlertRule, number][];

/**
 * The fast decisions for one target in one region: status, current milestone and alert rule bits (red bits
 * apart), from `fastStatus` and the sibling z-score; the cached full result is dropped.
 */
export function assessCellFast(s: EngineState, t: number, r: number): void {
  const target = s.targets[t] as DatasetTarget;
  const ind = s.indicators.get(target.indicatorCode) as DatasetIndicator;
  const cube = targetCube(s, target);
  const at = t * s.regions.length + r;
  s.results[at] = undefined;
  const last = Math.min(s.year - s.y0, s.nYears - 1);
  const f = fastStatus(
    cube.used,
    r * s.nYears,
    s.y0,
    last,
    s.baseYear,
    target.milestones,
    ind.better,
    s.fast,
  );
  s.status[at] = f.status;
  s.milestone[at] = f.milestone;
  let bits = 0;
  let red = 0;
  if (s.dataDue && (Number.isNaN(f.latestYear) || f.latestYear < s.year)) {
    bits |= ALERT_BIT.data_missing;
    if (f.latestYear !== s.year - 1) red |= ALERT_BIT.data_missing;
  }
  if (f.status === S_DETERIORATION) {
    bits |= ALERT_BIT.wrong_direction;
    red |= ALERT_BIT.wrong_direction;
  }
  if (f.status !== S_ACHIEVED && !f.final && f.projectedToMeet === 0 && f.hasProjection) {
    bits |= ALERT_BIT.projected_miss;
    const due = (target.milestones[f.milestone] as DatasetTarget['milestones'][number]).year - s.year;
    if (due <= 2 || f.status === S_LIMITED) red |= ALERT_BIT.projected_miss;
  }
  if (f.volatile) bits |= ALERT_BIT.volatile;
  const p = s.parent[r] as number;
  if (p >= 0 && f.latestYear === s.year) {
    const z = siblingZ(s, cube, p, r).z;
    if (z !== null && z >= MODIFIED_Z_THRESHOLD) {
      bits |= ALERT_BIT.outlier;
      if (z >= RED_Z) red |= ALERT_BIT.outlier;
    }
  }
  s.alertBits[at] = bits;
  s.redBits[at] = red;
}

/** The full result of one target in one region (assessments with sentences, alerts), made once and cached. */
export function cellResult(s: EngineState, t: number, r: number): RegionTargetResult {
  return s.results[t * s.regions.length + r] ?? evaluateCell(s, t, r);
}

function evaluateCell(s: EngineState, t: number, r: number): RegionTargetResult {
  const target = s.targets[t] as DatasetTarget;
  const ind = s.indicators.get(target.indicatorCode) as DatasetIndicator;
  const cube = targetCube(s, target);
  const region = s.regions[r] as (typeof s.regions)[number];
  const last = Math.min(s.year - s.y0, s.nYears - 1);
  const series: { year: number; value: number | null }[] = [];
  let latestDataYear: number | null = null;
  for (let y = 0; y <= last; y++) {
    const v = cube.used[r * s.nYears + y] as number;
    const value = Number.isNaN(v) ? null : v;
    if (value !== null) latestDataYear = s.y0 + y;
    series.push({ year: s.y0 + y, value });
  }
  const assessment = assessTarget(series, target.milestones, {
    baseYear: s.baseYear,
    asOfYear: s.year,
    better: ind.better,
  });
  const vol = volatility(series);
  const p = s.parent[r] as number;
  const yearValue = latestDataYear === s.year ? (series[series.length - 1]?.value ?? null) : null;
  const z = p >= 0 && yearValue !== null ? siblingZ(s, cube, p, r) : undefined;
  const crossRegion = z ? { ...z, value: yearValue } : null;
  const alerts = alertRules({
    targetKey: target.key,
    indicator: target.label,
    regionCode: region.code,
    regionName: region.name,
    year: s.year,
    unit: target.milestones[0]?.unit ?? ind.unit,
    assessment,
    volatility: vol,
    crossRegion,
    latestDataYear,
    dataDue: s.dataDue,
    departments: target.responsible.length > 0 ? target.responsible : [ind.department],
  });
  const result: RegionTargetResult = {
    targetKey: target.key,
    regionCode: region.code,
    series,
    value: last >= 0 && s.year - s.y0 === last ? cellOf(s, cube, r, last) : null,
    assessment,
    volatility: vol,
    crossRegion,
    alerts,
  };
  s.results[t * s.regions.length + r] = result;
  return result;
}
