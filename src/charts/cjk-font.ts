import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's fonts-noto-cjk: one collection with the JP, KR, SC, TC and HK faces. */
export const NOTO_CJK_COLLECTION = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FAMILY = 'Noto Sans CJK SC';

/** Tables resvg does not need to draw horizontal text: shaping and vertical metrics (kept out for speed). */
const DROPPED = new Set(['GSUB', 'GPOS', 'BASE', 'GDEF', 'VORG', 'vhea', 'vmtx']);

let cached: string[] | null = null;

/**
 * The font files chart rendering loads. resvg re-reads a CFF face for every text run, and in the
 * ten-face collection that costs ~2.5 times more than in a single face, so the Simplified Chinese face is
 * copied once into a standalone OpenType file (in the temp directory) and that is used. Falls back to the
 * collection itself when it cannot be split or written; [] when no CJK font is installed.
 */
export function cjkFontFiles(collection = NOTO_CJK_COLLECTION): string[] {
  if (cached) return cached;
  if (!existsSync(collection)) return (cached = []);
  const out = join(tmpdir(), 'halfsky-fonts', 'NotoSansCJKsc-Regular-horizontal.otf');
  try {
    if (!existsSync(out)) {
      const face = extractFace(readFileSync(collection), CJK_FAMILY);
      if (!face) return (cached = [collection]);
      mkdirSync(join(tmpdir(), 'halfsky-fonts'), { recursive: true });
      const partial = `${out}.${process.pid}.tmp`;
      writeFileSync(partial, face);
      renameSync(partial, out); // atomic: a concurrent process never sees half a font
    }
    return (cached = [out]);
  } catch {
    return (cached = [collection]);
  }
}

/** The face of a TrueType/OpenType collection whose full name is `fullName`, as a standalone font. */
export function extractFace(ttc: Buffer, fullName: string): Buffer | null {
  if (ttc.toString('latin1', 0, 4) !== 'ttcf') return null;
  const count = ttc.readUInt32BE(8);
  for (let f = 0; f < count; f++) {
    const offset = ttc.readUInt32BE(12 + 4 * f);
    const tables = readDirectory(ttc, offset);
    if (faceName(ttc, tables.get('name')) !== fullName) continue;
    const kept = [...tables].filter(([tag]) => !DROPPED.has(tag));
    const headerSize = 12 + 16 * kept.length;
    const bodies: Buffer[] = [];
    const directory = Buffer.alloc(headerSize);
    let entrySelector = 0;
    while (2 ** (entrySelector + 1) <= kept.length) entrySelector++;
    directory.writeUInt32BE(ttc.readUInt32BE(offset), 0);
    directory.writeUInt16BE(kept.length, 4);
    directory.writeUInt16BE(2 ** entrySelector * 16, 6);
    directory.writeUInt16BE(entrySelector, 8);
    directory.writeUInt16BE(kept.length * 16 - 2 ** entrySelector * 16, 10);
    let position = headerSize;
    kept.forEach(([tag, t], i) => {
      const at = 12 + 16 * i;
      directory.write(tag.padEnd(4, ' '), at, 'latin1');
      directory.writeUInt32BE(t.checksum, at + 4);
      directory.writeUInt32BE(position, at + 8);
      directory.writeUInt32BE(t.length, at + 12);
      const padded = Buffer.alloc(Math.ceil(t.length / 4) * 4);
      ttc.copy(padded, 0, t.offset, t.offset + t.length);
      bodies.push(padded);
      position += padded.length;
    });
    return Buffer.concat([directory, ...bodies]);
  }
  return null;
}

interface TableEntry {
  checksum: number;
  offset: number;
  length: number;
}

function readDirectory(font: Buffer, offset: number): Map<string, TableEntry> {
  const n = font.readUInt16BE(offset + 4);
  const tables = new Map<string, TableEntry>();
  for (let i = 0; i < n; i++) {
    const at = offset + 12 + 16 * i;
    tables.set(font.toString('latin1', at, at + 4).trimEnd(), {
      checksum: font.readUInt32BE(at + 4),
      offset: font.readUInt32BE(at + 8),
      length: font.readUInt32BE(at + 12),
    });
  }
  return tables;
}

/** The Windows-English full name (name id 4) of a face. */
function faceName(font: Buffer, name: TableEntry | undefined): string | null {
  if (!name) return null;
  const count = font.readUInt16BE(name.offset + 2);
  const strings = name.offset + font.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + 12 * i;
    const [platform, , language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((k) =>
      font.readUInt16BE(at + k),
    );
    if (platform === 3 && language === 0x409 && id === 4) {
      return font
        .subarray(strings + (offset as number), strings + (offset as number) + (length as number))
        .swap16()
        .toString('utf16le');
    }
  }
  return null;
}
