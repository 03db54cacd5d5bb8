import { describe, expect, it } from 'vitest';
import { displayWidth, pad, truncate } from './display-width.js';
import { formatTable } from './format-table.js';

describe('displayWidth', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['妇女', 4],
    ['（一）', 6],
    ['12/10万', 7],
    ['≤', 1],
  ])('%j is %i columns', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('pads and truncates by columns, not characters', () => {
    expect(pad('妇女', 6)).toBe('妇女  ');
    expect(pad('12', 4, 'right')).toBe('  12');
    expect(truncate('孕产妇死亡率', 7)).toBe('孕产妇…');
    expect(truncate('abc', 7)).toBe('abc');
  });
});

describe('formatTable', () => {
  it('aligns CJK and ASCII cells in columns', () => {
    expect(
      formatTable(
        [{ header: '领域' }, { header: 'n', align: 'right' }],
        [
          ['妇女与健康', '12'],
          ['law', '3'],
        ],
      ),
    ).toBe(['领域         n', '----------  --', '妇女与健康  12', 'law          3'].join('\n'));
  });
});
