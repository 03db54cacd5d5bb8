import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', '安庆', 2],
    ['安庆市', '安庆市', 0],
    ['安庆巿', '安庆市', 1],
    ['清原市', '清远市', 1],
    ['安庆', '安庆市', 1],
    ['九台区', '台九区', 2],
  ])('%s → %s: %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
