import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { CJK_FAMILY, cjkFontFiles } from './cjk-font.js';
import { encodePng } from './encode-png.js';
import { GlyphOutliner } from './text-to-paths.js';

export interface RenderSize {
  width: number;
  height: number;
}

export const DEFAULT_CHART_SIZE: RenderSize = { width: 800, height: 420 };

/**
 * Renders an option on the server, without a DOM (ECharts SSR), to an SVG string. Animation is off so the
 * SVG shows the final state.
 */
export function renderChartSvg(option: EChartsOption, size: RenderSize = DEFAULT_CHART_SIZE): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({ ...option, animation: false, backgroundColor: '#ffffff' });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** One PNG of an option (see renderChartPngs). */
export function renderChartPng(
  option: EChartsOption,
  size: RenderSize = DEFAULT_CHART_SIZE,
  scale = 2,
): Buffer {
  return renderChartPngs([{ option, size }], scale)[0] as Buffer;
}

/**
 * Renders options to PNGs (Word needs raster images): each SVG drawn by resvg with the Noto CJK font so that
 * Chinese renders, at `scale` × the size (2 = print resolution). All charts are stacked into ONE SVG,
 * rendered once and cut apart; their text is drawn as cached glyph outlines (`GlyphOutliner`), which
 * is an order of magnitude faster than resvg's own CJK text.
 */
export function renderChartPngs(
  charts: readonly { option: EChartsOption; size?: RenderSize }[],
  scale = 2,
): Buffer[] {
  if (charts.length === 0) return [];
  const sized = charts.map((c) => ({ ...c, size: c.size ?? DEFAULT_CHART_SIZE }));
  const width = Math.max(...sized.map((c) => c.size.width));
  let top = 0;
  const parts: string[] = [];
  const offsets: number[] = [];
  const outliner = glyphOutliner();
  let needsFont = outliner === null;
  sized.forEach((c, i) => {
    const raw = renderChartSvg(c.option, c.size);
    const outlined = outliner?.convert(raw) ?? null;
    if (outlined === null) needsFont = true;
    const svg = prefixIds(outlined ?? raw, `c${i}-`);
    // A nested <svg> at its offset; the chart's own width/height and viewBox are kept.
    parts.push(svg.replace(/^<svg /, `<svg x="0" y="${top}" `));
    offsets.push(top);
    top += c.size.height;
  });
  const stacked =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" ` +
    `width="${width}" height="${top}" viewBox="0 0 ${width} ${top}">${parts.join('')}</svg>`;
  const image = new Resvg(stacked, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: {
      fontFiles: needsFont ? cjkFontFiles() : [],
      loadSystemFonts: false,
      defaultFontFamily: CJK_FAMILY,
      sansSerifFamily: CJK_FAMILY,
    },
  }).render();
  const pixels = image.pixels;
  const stride = image.width * 4;
  return sized.map((c, i) => {
    const w = Math.round(c.size.width * scale);
    const h = Math.round(c.size.height * scale);
    const y0 = Math.round((offsets[i] as number) * scale);
    const out = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      const from = (y0 + y) * stride;
      out.set(pixels.subarray(from, from + w * 4), y * w * 4);
    }
    return encodePng(out, w, h);
  });
}

let outliner: GlyphOutliner | null | undefined;

/** The process's glyph outliner for the single-face CJK font; null when only the collection is there. */
function glyphOutliner(): GlyphOutliner | null {
  if (outliner !== undefined) return outliner;
  const [font] = cjkFontFiles();
  try {
    outliner = font && font.endsWith('.otf') ? new GlyphOutliner(font, CJK_FAMILY) : null;
  } catch {
    outliner = null;
  }
  return outliner;
}

/** Makes the ids of one chart's SVG unique in the stacked document (clip paths, gradients). */
function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`);
}
