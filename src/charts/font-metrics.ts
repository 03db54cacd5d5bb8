/** What text layout needs of a font: advance widths by character and the em box. */
export interface FontMetrics {
  unitsPerEm: number;
  /** Typographic ascender and descender (descender negative), in font units. */
  ascender: number;
  descender: number;
  /** Advance width of a character in font units; the em for characters the font lacks. */
  advance(char: string): number;
  /** Whether the font maps the character to a glyph. */
  has(char: string): boolean;
}

/** Reads head, hhea, OS/2, hmtx and the BMP cmap (format 4) of an OpenType font. */
export function readFontMetrics(font: Buffer): FontMetrics {
  const tables = new Map<string, number>();
  const n = font.readUInt16BE(4);
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4).trimEnd(), font.readUInt32BE(at + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const hhea = table('hhea');
  const metrics = font.readUInt16BE(hhea + 34);
  const os2 = table('OS/2');
  const ascender = font.readInt16BE(os2 + 68);
  const descender = font.readInt16BE(os2 + 70);
  const hmtx = table('hmtx');
  const glyphOf = cmapFormat4(font, table('cmap'));
  const advanceOfGlyph = (gid: number) => font.readUInt16BE(hmtx + 4 * Math.min(gid, metrics - 1));
  return {
    unitsPerEm,
    ascender,
    descender,
    advance: (char) => {
      const gid = glyphOf(char.codePointAt(0) ?? 0);
      return gid === 0 ? unitsPerEm : advanceOfGlyph(gid);
    },
    has: (char) => glyphOf(char.codePointAt(0) ?? 0) !== 0,
  };
}

/** The Windows Unicode BMP subtable (3, 1; format 4) as a code point → glyph id function (0 = none). */
function cmapFormat4(font: Buffer, cmap: number): (code: number) => number {
  const count = font.readUInt16BE(cmap + 2);
  let sub = -1;
  for (let i = 0; i < count; i++) {
    const at = cmap + 4 + 8 * i;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1)
      sub = cmap + font.readUInt32BE(at + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('font has no format-4 Unicode cmap');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  return (code) => {
    if (code > 0xffff) return 0;
    let lo = 0;
    let hi = segments - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (font.readUInt16BE(ends + 2 * mid) < code) lo = mid + 1;
      else hi = mid;
    }
    const start = font.readUInt16BE(starts + 2 * lo);
    if (code < start || code > font.readUInt16BE(ends + 2 * lo)) return 0;
    const delta = font.readInt16BE(deltas + 2 * lo);
    const rangeAt = ranges + 2 * lo;
    const range = font.readUInt16BE(rangeAt);
    if (range === 0) return (code + delta) & 0xffff;
    const gid = font.readUInt16BE(rangeAt + range + 2 * (code - start));
    return gid === 0 ? 0 : (gid + delta) & 0xffff;
  };
}
