/** A clause of a sentence: clean-text positions within its line. */
export interface Clause {
  start: number;
  end: number;
  text: string;
  /** True for a parenthetical that opens with a year: "(2025年下降至13/10万以下)". */
  milestone: boolean;
  /** True when a full stop (or the line's end) closes the clause. */
  endsSentence: boolean;
}

const SENTENCE_END = new Set(['。', ';', '!', '?', '；', '.']);

const SEPARATORS = new Set(['。', ',', ';', ':', '!', '?', '，', '；', '：']);

/**
 * Splits a line into clauses at commas, semicolons and full stops outside parentheses.
 * A parenthetical that starts with a year is its own (milestone) clause; the clause around it
 * continues without it. Only `from`..`to` of the line is read; positions stay the line's. A "." between two non-digits is a full stop (some documents use it so).
 */
export function splitClauses(line: string, from = 0, to = line.length): Clause[] {
  const out: Clause[] = [];
  let depth = 0;
  let start = from;
  const push = (s: number, e: number, milestone = false, endsSentence = false) => {
    let a = s;
    let b = e;
    while (a < b && /[\s、和及]/.test(line[a]!)) a++;
    while (b > a && /\s/.test(line[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b, text: line.slice(a, b), milestone, endsSentence });
  };
  for (let i = from; i < to; i++) {
    const ch = line[i]!;
    if (ch === '(') {
      if (depth === 0 && /^\((?:到|至|在)?20\d\d年/.test(line.slice(i))) {
        const close = line.indexOf(')', i);
        if (close > i && close < to) {
          push(start, i);
          push(i + 1, close, true);
          start = close + 1;
          i = close;
          continue;
        }
      }
      depth++;
    } else if (ch === ')') {
      depth = Math.max(0, depth - 1);
    } else if (
      depth === 0 &&
      (SEPARATORS.has(ch)
        ? !(ch === ':' && isBetweenDigits(line, i))
        : ch === '.' && !isBetweenDigits(line, i))
    ) {
      push(start, i, false, SENTENCE_END.has(ch));
      start = i + 1;
    }
  }
  push(start, to, false, true);
  return out;
}

/** "12.5" and "1.5:1" keep their dot and colon; elsewhere they end a clause. */
function isBetweenDigits(line: string, i: number): boolean {
  return /\d/.test(line[i - 1] ?? '') && /\d/.test(line[i + 1] ?? '');
}
