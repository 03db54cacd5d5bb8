import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { statusDistributionOption } from './status-distribution-option.js';
import { renderChartPngs, renderChartSvg } from './render-chart.js';

const option = statusDistributionOption({ title: '目标进展状态', counts: { achieved: 5, deterioration: 2 } });

describe('server-side chart rendering', () => {
  it('SVG carries the Chinese text', () => {
    const svg = renderChartSvg(option, { width: 400, height: 300 });
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('目标进展状态');
    expect(svg).toContain('已实现');
  });

  it('cuts a batch into one PNG per chart, of each chart’s size × scale, not blank', () => {
    const pngs = renderChartPngs(
      [
        { option, size: { width: 400, height: 300 } },
        { option, size: { width: 300, height: 200 } },
      ],
      2,
    );
    expect(pngs).toHaveLength(2);
    const dims = pngs.map((p) => [p.readUInt32BE(16), p.readUInt32BE(20)]);
    expect(dims).toEqual([
      [800, 600],
      [600, 400],
    ]);
    // Decode the first PNG's pixels (filter None): some are neither white nor transparent.
    const png = pngs[0] as Buffer;
    const idat = png.subarray(41, 41 + png.readUInt32BE(33));
    const raw = inflateSync(idat);
    let coloured = 0;
    for (let i = 0; i < raw.length; i += 4) if (raw[i] !== 255 && raw[i] !== 0) coloured++;
    expect(coloured).toBeGreaterThan(1000);
  });
});
