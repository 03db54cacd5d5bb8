/**
 * Sørensen–Dice coefficient over character bigrams (multiset): 2·|A∩B| / (|A|+|B|), in [0, 1].
 * Strings of one character are compared as single unigrams; two empty strings score 0, not 1, so that
 * "no name" never matches anything.
 */
export function bigramDice(a: string, b: string): number {
  const ga = grams(a);
  const gb = grams(b);
  if (ga.length === 0 || gb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of ga) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared += 1;
      counts.set(g, c - 1);
    }
  }
  return (2 * shared) / (ga.length + gb.length);
}

function grams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Share of the bigrams of `part` that also occur in `whole` (multiset), in [0, 1]; 0 when `part` is empty. */
export function bigramContainment(part: string, whole: string): number {
  const gp = grams(part);
  if (gp.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of grams(whole)) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gp) {
    const c = counts.get(g) ?? 0;
    if (c > 0) {
      shared += 1;
      counts.set(g, c - 1);
    }
  }
  return shared / gp.length;
}
