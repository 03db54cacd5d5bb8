/**
 * Finds the indicator a number belongs to from the words around it, for targets whose own indicator
 * is empty or was carried over from an earlier clause ("促进70%的妇女在35—45岁接受高效宫颈癌筛查",
 * "力争一半以上的领导班子配备女干部", "分别达到70%以上和50%以上").
 */
import type { IndexEntry } from './catalog-index.js';
import { normaliseName, stripNumbers } from './normalise-name.js';

/** Shortest normalised catalogue string looked for inside running text (shorter ones are too common). */
const MIN_CONTAINED_LENGTH = 4;

const CLAUSE_END = /[，,；;。！!？?]/;
const SENTENCE_END = /[；;。！!？?]/;

/**
 * The catalogue entry named around `clause` inside `context`: first in the clause that holds it (from
 * the previous comma to the next), then in its sentence; in each, a "X、Y…分别…a和b" list resolved by
 * the value's position, else the longest catalogue name or alias contained in the words. Null if none.
 */
export function matchInContext(
  clause: string,
  value: number | null,
  context: string,
  entries: readonly IndexEntry[],
): IndexEntry | null {
  const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
  const ctx = flat(context);
  const text = flat(clause);
  const at = text === '' ? -1 : ctx.indexOf(text);
  const windows =
    at < 0
      ? [text]
      : [window(ctx, at, at + text.length, CLAUSE_END), window(ctx, at, at + text.length, SENTENCE_END)];
  for (const w of windows) {
    const hit = respectively(w, value, entries) ?? longestContained(w, entries);
    if (hit) return hit;
  }
  return null;
}

function window(ctx: string, start: number, end: number, boundary: RegExp): string {
  let s = start;
  while (s > 0 && !boundary.test(ctx[s - 1] as string)) s -= 1;
  let e = end;
  while (e < ctx.length && !boundary.test(ctx[e] as string)) e += 1;
  return ctx.slice(s, e);
}

function longestContained(w: string, entries: readonly IndexEntry[]): IndexEntry | null {
  const words = normaliseName(stripNumbers(w));
  let best: IndexEntry | null = null;
  for (const e of entries) {
    if (e.norm.length < MIN_CONTAINED_LENGTH || !words.includes(e.norm)) continue;
    if (!best || e.norm.length > best.norm.length) best = e;
  }
  return best;
}

/**
 * "适龄妇女宫颈癌、乳腺癌人群筛查率分别达到70%以上和50%以上": splits the subject at its list mark
 * into the forms the catalogue knows (适龄妇女宫颈癌人群筛查率, 适龄妇女乳腺癌人群筛查率) and returns
 * the one in the value's position. Only for two-item lists with as many numbers after 分别.
 */
function respectively(w: string, value: number | null, entries: readonly IndexEntry[]): IndexEntry | null {
  const m = /^(.*?)分别(.*)$/.exec(w);
  if (!m || value === null) return null;
  const subject = (m[1] as string).replace(/[“”"]/g, '');
  const numbers = ((m[2] as string).match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const position = numbers.indexOf(value);
  const parts = subject.split(/[、和与及]/);
  if (numbers.length !== 2 || position < 0 || parts.length !== 2) return null;
  const [left, right] = parts as [string, string];
  const byNorm = new Map(entries.map((e) => [e.norm, e]));
  for (let k = 1; k < right.length; k += 1) {
    const first = byNorm.get(normaliseName(left + right.slice(k)));
    if (!first) continue;
    for (let j = 1; j < left.length; j += 1) {
      const second = byNorm.get(normaliseName(left.slice(0, j) + right));
      if (second && second.indicator !== first.indicator) return position === 0 ? first : second;
    }
  }
  return null;
}
