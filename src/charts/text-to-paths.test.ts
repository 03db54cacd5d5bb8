import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CJK_FAMILY, cjkFontFiles } from './cjk-font.js';
import { readFontMetrics } from './font-metrics.js';
import { GlyphOutliner } from './text-to-paths.js';

const [font] = cjkFontFiles();
const svg = (anchor: string, text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text dominant-baseline="central" text-anchor="${anchor}" style="font-size:20px;" transform="translate(100 50)" fill="#333">${text}</text></svg>`;

describe('CJK text as glyph outlines', () => {
  it('uses the Simplified Chinese face, cut out of the collection', () => {
    expect(font).toMatch(/NotoSansCJKsc-Regular-horizontal\.otf$/);
    const m = readFontMetrics(readFileSync(font as string));
    expect(m.unitsPerEm).toBe(1000);
    expect(m.advance('孕')).toBe(1000); // ideographs are full width
    expect(m.advance('1')).toBeLessThan(1000);
    expect(m.has('孕')).toBe(true);
  });

  it('replaces every text run by one path per visible glyph, placed by anchor and baseline', () => {
    const outliner = new GlyphOutliner(font as string, CJK_FAMILY);
    const out = outliner.convert(svg('end', '孕产妇 1&amp;2'))!;
    expect(out).not.toContain('<text');
    expect(out.match(/<path /g)).toHaveLength(6); // 孕产妇12& — the space has no outline
    // text-anchor end: the run ends at x = 0 of its translate; central baseline: 0.38 em below the centre.
    const m = readFontMetrics(readFileSync(font as string));
    const width = [...'孕产妇 1&2'].reduce((w, c) => w + m.advance(c), 0) * 0.02;
    expect(out).toContain(`translate(${Math.round(-width * 100) / 100} 7.6) scale(0.02)`);
    expect(out).toContain('transform="translate(100 50)" fill="#333"');
  });
});
