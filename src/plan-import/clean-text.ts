/**
 * Normalises a raw plan document into clean lines while remembering, for every kept character,
 * where it came from in the raw text — so that anything found in the clean text can be quoted
 * exactly from the document (targets' `text` must be a substring of the source).
 */

/** Clean text plus a map from each of its characters to the raw index it came from. */
export interface CleanText {
  raw: string;
  /** Logical lines: page-break splits are joined, debris and footers removed. */
  lines: CleanLine[];
}

export interface CleanLine {
  text: string;
  /** `map[i]` is the raw index of `text[i]`. */
  map: number[];
}

/** Quotes the raw document text behind clean characters `start` (inclusive) to `end` (exclusive) of a line. */
export function rawSlice(doc: CleanText, line: CleanLine, start: number, end: number): string {
  if (end <= start) return '';
  const from = line.map[start];
  const to = line.map[end - 1];
  if (from === undefined || to === undefined) return '';
  return doc.raw.slice(from, to + 1);
}

const ASCII_WORD = /[A-Za-z0-9]/;
const HORIZONTAL_SPACE = /[ \t\u00a0\u2000-\u200b\u3000\ufeff]/;
const DEBRIS = [/\[bookmark:[^\]]*\]/g, /\{#[^}]*\}/g, /<a [^>]*><\/a>/g];

/** Characters NFKC would widen or drop that must keep their meaning here. */
const KEEP = new Set(['。', '、', '“', '”', '‘', '’', '—', '…', '·']);

function normaliseChar(ch: string): string {
  if (KEEP.has(ch)) return ch;
  if (ch === '．') return '.';
  const n = ch.normalize('NFKC');
  // NFKC turns some symbols into several characters (e.g. ㎡ → m2); keep one-character results only.
  return n.length === 1 ? n : ch;
}

interface RawLine {
  text: string;
  map: number[];
}

/** Splits raw text into lines of normalised characters with their raw positions. */
function rawLines(raw: string): RawLine[] {
  const masked = maskDebris(raw);
  const out: RawLine[] = [];
  let text = '';
  let map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029' || ch === '\f' || ch === '\v') {
      if (ch === '\r' && raw[i + 1] === '\n') continue;
      out.push({ text, map });
      text = '';
      map = [];
      continue;
    }
    if (masked[i]) continue;
    text += normaliseChar(ch);
    map.push(i);
  }
  out.push({ text, map });
  return out.map(stripLine);
}

/** Marks export debris ([bookmark: …], anchors) so it is skipped but still inside quoted spans. */
function maskDebris(raw: string): boolean[] {
  const masked = new Array<boolean>(raw.length).fill(false);
  for (const re of DEBRIS) {
    for (const m of raw.matchAll(re)) {
      for (let k = m.index; k < m.index + m[0].length; k++) masked[k] = true;
    }
  }
  return masked;
}

/** Drops markdown markers and every space except one between two ASCII words. */
function stripLine(line: RawLine): RawLine {
  let { text, map } = line;
  // Markdown heading marks and list bullets ("## 二、", "- 1.") carry no meaning here.
  const heading = /^\s*(?:#{1,6}|[-*+•·](?=\s*\S))\s*/.exec(text);
  if (heading) {
    text = text.slice(heading[0].length);
    map = map.slice(heading[0].length);
  }
  let outText = '';
  const outMap: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '*' && (text[i + 1] === '*' || text[i - 1] === '*')) continue;
    if (HORIZONTAL_SPACE.test(ch)) {
      const prev = outText[outText.length - 1];
      let j = i + 1;
      while (j < text.length && HORIZONTAL_SPACE.test(text[j]!)) j++;
      const next = text[j];
      if (prev && next && ASCII_WORD.test(prev) && ASCII_WORD.test(next) && !/\d/.test(prev + next)) {
        outText += ' ';
        outMap.push(map[i]!);
      }
      i = j - 1;
      continue;
    }
    outText += ch;
    outMap.push(map[i]!);
  }
  return { text: outText, map: outMap };
}

/** A page footer or page number left by the export: "- 12 -", "— 3 —", "第3页", "12". */
const FOOTER = /^(?:[-—–_]*\d{1,3}[-—–_]*|第\d+页(?:共\d+页)?|\d+\/\d+|page\d+)$/i;

/** Lines that open a new unit and must never be glued to the line before. */
const OPENS_UNIT =
  /^(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|\(\d+\)|\d+\s*[.、)](?!\d)|[①-⑳]|——|主要目标|策略措施|重点工程|前言$|序言$|目录$|[A-Za-z]\.)/;

/** Line endings after which a sentence is complete. */
const ENDS_SENTENCE = /[。;!?:：；！？」”）)]$/;

/** Joins lines that a page break split mid-sentence; drops footers. */
export function cleanText(raw: string): CleanText {
  const lines = rawLines(raw).filter((l) => l.text.length > 0 && !FOOTER.test(l.text));
  const joined: CleanLine[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    if (prev && continues(prev.text, line.text)) {
      prev.text += line.text;
      prev.map.push(...line.map);
    } else {
      joined.push({ text: line.text, map: [...line.map] });
    }
  }
  return { raw, lines: joined };
}

function continues(prev: string, next: string): boolean {
  if (ENDS_SENTENCE.test(prev) || OPENS_UNIT.test(next)) return false;
  if (isHeadingLike(prev)) return false;
  // Table-of-contents rows ("一、总体要求.....3") stand alone.
  if (/\.{3,}|…{2,}/.test(prev) || /\.{3,}|…{2,}/.test(next)) return false;
  return true;
}

/** Chapter and section openers (not numbered items). */
const SECTION_OPENER =
  /^(?:第[一二三四五六七八九十百]+[章节部分]|[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|主要目标|策略措施|重点工程|前言|序言|目录)/;

/** Short lines that name a part of the document rather than continue a sentence. */
export function isHeadingLike(text: string): boolean {
  return text.length <= 40 && SECTION_OPENER.test(text) && !/[，,；;]/.test(text);
}
