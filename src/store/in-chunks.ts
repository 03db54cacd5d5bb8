/** Rows per INSERT: well below the bound-parameter limits of SQLite (32766) and PostgreSQL (65535). */
export const CHUNK_ROWS = 200;

/** Runs `run` on consecutive slices of `rows`, in order. */
export async function inChunks<T>(
  rows: readonly T[],
  run: (chunk: T[]) => Promise<unknown>,
  size: number = CHUNK_ROWS,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}
