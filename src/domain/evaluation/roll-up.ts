/** How an indicator's value for a parent region is formed from its children. */
export type RollUpRule =
  /** A rate: Σ numerators / Σ denominators × multiplier (100 for %, 100 000 for 1/10万). */
  | { kind: 'ratio'; multiplier: number }
  /** A count: Σ values. */
  | { kind: 'sum' }
  /** Reported at each level, not aggregable (e.g. a survey share, the share of women leaders). */
  | { kind: 'reported' };

/** One child region's data for one indicator and year; null means "no data". */
export interface ChildValue {
  region: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface RollUpResult {
  value: number | null;
  /** Why value is null: no rule to aggregate, no child with data, or denominators summing to 0. */
  reason: 'not_aggregable' | 'no_data' | 'zero_denominator' | null;
  coverage: {
    /** Children expected (the given list, else every child passed in). */
    expected: number;
    contributed: string[];
    missing: string[];
    complete: boolean;
  };
  numerator: number | null;
  denominator: number | null;
}

/**
 * Rolls child values up to their parent (DHIS2 aggregation): 'ratio' sums numerators and denominators
 * and divides — never the mean of the children's rates; 'sum' adds values; 'reported' returns null with
 * reason `not_aggregable`. A child contributes only with all its inputs present (for a ratio both parts, a
 * denominator ≥ 0); the rest are listed as missing, and a sum over an incomplete set is marked incomplete
 * rather than treated as zero. No children / none with data → null, `no_data`.
 */
export function rollUp(
  rule: RollUpRule,
  children: readonly ChildValue[],
  expectedRegions?: readonly string[],
): RollUpResult {
  const expected = expectedRegions ?? [...new Set(children.map((c) => c.region))];
  const usable = children.filter((c) => expected.includes(c.region) && contributes(rule, c));
  const contributed = [...new Set(usable.map((c) => c.region))];
  const missing = expected.filter((r) => !contributed.includes(r));
  const coverage = { expected: expected.length, contributed, missing, complete: missing.length === 0 };
  const empty = { value: null, coverage, numerator: null, denominator: null };
  if (rule.kind === 'reported') return { ...empty, reason: 'not_aggregable' };
  if (usable.length === 0) return { ...empty, reason: 'no_data' };
  if (rule.kind === 'sum') {
    return { ...empty, value: usable.reduce((a, c) => a + (c.value as number), 0), reason: null };
  }
  const numerator = usable.reduce((a, c) => a + (c.numerator as number), 0);
  const denominator = usable.reduce((a, c) => a + (c.denominator as number), 0);
  if (denominator === 0) return { ...empty, numerator, denominator, reason: 'zero_denominator' };
  return {
    value: (numerator / denominator) * rule.multiplier,
    reason: null,
    coverage,
    numerator,
    denominator,
  };
}

function contributes(rule: RollUpRule, c: ChildValue): boolean {
  const ok = (v: number | null | undefined): v is number =>
    v !== null && v !== undefined && Number.isFinite(v);
  if (rule.kind === 'sum') return ok(c.value);
  if (rule.kind === 'ratio') return ok(c.numerator) && ok(c.denominator) && c.denominator >= 0;
  return ok(c.value);
}
