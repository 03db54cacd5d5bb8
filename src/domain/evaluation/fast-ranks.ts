/** One ranked indicator, as `ranking` sees it after the engine's transformations. */
export interface FastRankIndicator {
  /** Higher is better. */
  up: boolean;
  /** The target (top of the scale). */
  top: number;
  /** Small-population threshold on the denominator; null for none. */
  minDenominator: number | null;
  /** The parent region's value (NaN: none), what small populations are shrunk toward. */
  parentValue: number;
}

/**
 * `ranking`'s ranks on plain numbers, without building objects: `values` and `denominators` hold region i's
 * indicator j at i·m + j (NaN = no data). Same rule: small populations shrunk by √(d/threshold) toward the
 * parent (left out without a parent value), distance-to-target scores in [0, 1] against the worst value,
 * composite = mean over the indicators with data, fewer than half → not ranked (0), ties within 1e-9 share a
 * rank. Writes each region's rank into `ranks` (0 = not ranked). Tested to give `ranking`'s ranks.
 */
export function fastRanks(
  indicators: readonly FastRankIndicator[],
  n: number,
  values: Float64Array,
  denominators: Float64Array,
  ranks: Int32Array,
): void {
  const m = indicators.length;
  const used = new Float64Array(n);
  const scores = new Float64Array(n * m).fill(NaN);
  const withData = new Int32Array(n);
  indicators.forEach((ind, j) => {
    let worst = NaN;
    for (let i = 0; i < n; i++) {
      let v = values[i * m + j] as number;
      const den = denominators[i * m + j] as number;
      const min = ind.minDenominator;
      if (!Number.isNaN(v) && min !== null && !Number.isNaN(den) && den < min) {
        const z = Math.sqrt(Math.max(0, den) / min);
        v = Number.isNaN(ind.parentValue) ? NaN : z * v + (1 - z) * ind.parentValue;
      }
      used[i] = v;
      if (!Number.isNaN(v) && (Number.isNaN(worst) || (ind.up ? v < worst : v > worst))) worst = v;
    }
    for (let i = 0; i < n; i++) {
      const x = used[i] as number;
      if (Number.isNaN(x)) continue;
      const top = ind.top;
      scores[i * m + j] =
        (ind.up ? x >= top : x <= top) || top === worst
          ? 1
          : Math.min(1, Math.max(0, (x - worst) / (top - worst)));
      withData[i] = (withData[i] as number) + 1;
    }
  });
  const composite = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const total = withData[i] as number;
    if (total === 0 || total * 2 < m) continue;
    let sum = 0;
    for (let j = 0; j < m; j++) {
      const s = scores[i * m + j] as number;
      // the same order and division as `ranking`'s contributions, so ties compare alike
      if (!Number.isNaN(s)) sum += s / total;
    }
    composite[i] = sum;
  }
  for (let i = 0; i < n; i++) {
    const score = composite[i] as number;
    if (Number.isNaN(score)) {
      ranks[i] = 0;
      continue;
    }
    let above = 0;
    for (let k = 0; k < n; k++) {
      const other = composite[k] as number;
      if (!Number.isNaN(other) && other - score > 1e-9) above++;
    }
    ranks[i] = 1 + above;
  }
}
