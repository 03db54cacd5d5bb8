import type { EChartsOption } from 'echarts';
import { useEffect, useRef } from 'react';

// ECharts is a chunk of its own, asked for as soon as a page with charts loads but not holding that page's
// code up: the page renders its figures while ECharts arrives, and the charts are drawn then.
let loading: Promise<typeof import('./echarts-setup')> | undefined;
const loadEcharts = () => (loading ??= import('./echarts-setup'));
void loadEcharts();

/** An ECharts chart of an option built by a pure builder (src/charts); resizes with its box. */
export function Chart({
  option,
  height = 320,
  label,
}: {
  option: EChartsOption;
  height?: number;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let dispose: (() => void) | undefined;
    let live = true;
    void loadEcharts().then(({ echarts }) => {
      if (!live) return;
      const chart = echarts.init(el);
      chart.setOption(option);
      performance.mark('halfsky:chart');
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(el);
      dispose = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      live = false;
      dispose?.();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
