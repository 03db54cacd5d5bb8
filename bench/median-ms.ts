export interface BenchResult {
  name: string;
  ms: number;
  [measure: string]: string | number;
}

/** Median of `runs` timed calls of `fn` (after one warm-up call), in milliseconds. */
export async function medianMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 10) / 10;
}
