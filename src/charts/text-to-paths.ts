import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { readFontMetrics, type FontMetrics } from './font-metrics.js';

/** A glyph outline at font size 1000 (SVG path data, baseline at `dy` below its own origin). */
interface Glyph {
  d: string;
  dy: number;
}

const SIZE = 1000;
const ROW = 2000;

/**
 * Replaces the `<text>` elements of an ECharts SVG with glyph outlines, so that resvg draws no text itself.
 * resvg re-reads the CFF outlines of the CJK font for every text run (~1–3 ms a glyph); here each distinct
 * character is outlined by resvg once per process (and kept in a cache file beside the font), and laid out
 * with the font's own advance widths, anchor (start / middle / end) and dominant baseline. Returns null when
 * a character cannot be outlined, and the caller then lets resvg draw the text as usual.
 */
export class GlyphOutliner {
  private readonly metrics: FontMetrics;
  private readonly glyphs = new Map<string, Glyph | null>();
  private readonly cacheFile: string;
  private cacheDirty = false;

  constructor(
    private readonly fontFile: string,
    private readonly family: string,
  ) {
    const font = readFileSync(fontFile);
    this.metrics = readFontMetrics(font);
    this.cacheFile = `${fontFile}.glyphs-v1.json`;
    try {
      const saved = JSON.parse(readFileSync(this.cacheFile, 'utf8')) as Record<string, Glyph | null>;
      for (const [c, g] of Object.entries(saved)) this.glyphs.set(c, g);
    } catch {
      // no cache yet
    }
  }

  /** The SVG with its text as paths, or null when some character has no outline. */
  convert(svg: string): string | null {
    const texts = [...svg.matchAll(TEXT)];
    const chars = new Set(texts.flatMap((m) => [...decode(m[2] ?? '')]));
    if (!this.outline([...chars].filter((c) => !/\s/.test(c) && !this.glyphs.has(c)))) return null;
    for (const c of chars) if (!/\s/.test(c) && !this.glyphs.get(c)) return null;
    this.save();
    return svg.replace(TEXT, (_all, attrs: string, content: string) =>
      this.textElement(attrs, decode(content)),
    );
  }

  private textElement(attrs: string, content: string): string {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    const style = attr('style') ?? '';
    const size = Number(/font-size:\s*([\d.]+)px/.exec(style)?.[1] ?? 12);
    const bold = /font-weight:\s*(bold|[6-9]00)/.test(style);
    const m = this.metrics;
    const scale = size / m.unitsPerEm;
    const width = [...content].reduce((w, c) => w + m.advance(c), 0) * scale;
    const anchor = attr('text-anchor') ?? 'start';
    const x = Number(attr('x') ?? 0) - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
    const baseline = attr('dominant-baseline') ?? 'alphabetic';
    const shift =
      baseline === 'central' || baseline === 'middle'
        ? (m.ascender + m.descender) / 2
        : baseline === 'hanging' || baseline === 'text-before-edge'
          ? m.ascender
          : baseline === 'ideographic' || baseline === 'text-after-edge'
            ? m.descender
            : 0;
    const y = Number(attr('y') ?? 0) + shift * scale;
    const kept = [
      'transform',
      'fill',
      'stroke',
      'paint-order',
      'stroke-miterlimit',
      'opacity',
      'fill-opacity',
    ]
      .map((k) => (attr(k) === undefined ? '' : ` ${k}="${attr(k)}"`))
      .join('');
    // Inside the scaled group, stroke widths are in font units.
    const strokeWidth = Number(attr('stroke-width') ?? 0) / scale + (bold ? 30 : 0);
    const boldStroke = bold && attr('stroke') === undefined ? ` stroke="${attr('fill') ?? '#000'}"` : '';
    let pen = 0;
    const paths: string[] = [];
    for (const c of content) {
      const g = this.glyphs.get(c);
      if (g) paths.push(`<path transform="translate(${pen} ${g.dy})" d="${g.d}"/>`);
      pen += m.advance(c);
    }
    return (
      `<g${kept}><g transform="translate(${round(x)} ${round(y)}) scale(${scale})"` +
      `${strokeWidth > 0 ? ` stroke-width="${round(strokeWidth)}"` : ''}${boldStroke}>${paths.join('')}</g></g>`
    );
  }

  /** Outlines new characters with resvg, one text run each, in one rendering. */
  private outline(chars: readonly string[]): boolean {
    if (chars.length === 0) return true;
    const body = chars
      .map(
        (c, i) =>
          `<text x="0" y="${(i + 1) * ROW}" font-size="${SIZE}" font-family="${this.family}">${escape(c)}</text>`,
      )
      .join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * SIZE}" height="${(chars.length + 1) * ROW}">${body}</svg>`;
    let tree: string;
    try {
      tree = new Resvg(svg, {
        font: { fontFiles: [this.fontFile], loadSystemFonts: false, defaultFontFamily: this.family },
      }).toString();
    } catch {
      return false;
    }
    for (const c of chars) this.glyphs.set(c, null);
    for (const match of tree.matchAll(/<path[^>]*\sd="([^"]+)"/g)) {
      const d = match[1] as string;
      const firstY = Number(/^M\s*[-\d.]+\s+([-\d.]+)/.exec(d)?.[1]);
      const row = Math.round(firstY / ROW) - 1;
      const c = chars[row];
      if (c === undefined || !Number.isFinite(firstY)) return false;
      this.glyphs.set(c, { d, dy: -(row + 1) * ROW });
    }
    this.cacheDirty = true;
    return true;
  }

  private save(): void {
    if (!this.cacheDirty) return;
    this.cacheDirty = false;
    try {
      if (!existsSync(dirname(this.cacheFile))) mkdirSync(dirname(this.cacheFile), { recursive: true });
      const partial = `${this.cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(Object.fromEntries(this.glyphs)));
      renameSync(partial, this.cacheFile);
    } catch {
      // the cache is an optimisation only
    }
  }
}

const TEXT = /<text([^>]*)>([^<]*)<\/text>/g;

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function escape(c: string): string {
  return c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const round = (v: number) => Math.round(v * 100) / 100;
