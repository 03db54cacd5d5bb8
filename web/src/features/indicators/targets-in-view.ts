import type { EChartsOption } from 'echarts';
import type { Target } from '../../api/types';

/**
 * Widens the value axis so the target lines are drawn: with `scale: true` ECharts fits the axis to the
 * data only, and a target beyond the data (13/10万 under a series near 18) would be cut off.
 */
export function withTargetsInView(option: EChartsOption, targets: Pick<Target, 'value'>[]): EChartsOption {
  const values = targets.flatMap((t) => (t.value === null ? [] : [t.value]));
  if (values.length === 0 || Array.isArray(option.yAxis) || !option.yAxis) return option;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return {
    ...option,
    yAxis: {
      ...option.yAxis,
      min: (extent: { min: number }) => Math.floor(Math.min(extent.min, lo) * 0.95),
      max: (extent: { max: number }) => Math.ceil(Math.max(extent.max, hi) * 1.05),
    } as EChartsOption['yAxis'],
  };
}
