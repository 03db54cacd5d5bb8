import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import type { RowError } from '../../domain/observations/row-problem.js';
import { validateObservationRows } from '../../domain/observations/validate-observation-rows.js';
import { readObservationFile } from '../../data-files/read-observation-file.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listPlans } from '../../store/plan-repository.js';
import { upsertObservations } from '../../store/observation-repository.js';
import { loadPlanRegionTree } from '../reference-data/load-plan-region-tree.js';
import { ensureReferencedData } from '../reference-data/ensure-referenced-data.js';
import { importIntoRounds, RoundLockedRollback, roundsOfImport } from './import-into-rounds.js';

export type ImportObservationsResult =
  /** Some rows are bad: every problem, and nothing stored. */
  | { kind: 'invalid'; rows: number; errors: RowError[] }
  /** Every row is good: stored (unless a dry run). */
  | { kind: 'imported'; rows: number; inserted: number; updated: number; dryRun: boolean };

export interface ImportObservationsOptions {
  maxBytes: number;
  dryRun?: boolean;
  updatedBy?: string | null;
  /** When the import happens (the history's time); now by default. */
  now?: Date;
  /** Progress of the store step: rows stored so far of `total`. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Imports a tidy observation file: reads it, validates every row (all problems collected), and only if
 * none is bad upserts every row in one transaction, as approved values from an administrator's import.
 * A value a reporting round has submitted or approved is refused (each such row named with its cell; nothing
 * stored); values written in a round's year get history entries and approve the round cells they fill.
 */
export async function importObservations(
  db: HalfskyDatabase,
  path: string,
  options: ImportObservationsOptions,
): Promise<ImportObservationsResult> {
  const file = await readObservationFile(path, { maxBytes: options.maxBytes });
  const tree = loadPlanRegionTree(await listPlans(db));
  const { rows: validRows, errors } = validateObservationRows(file.rows, {
    catalog: INDICATOR_CATALOG,
    tree,
  });
  if (errors.length > 0) return { kind: 'invalid', rows: file.rows.length, errors };
  // A value a reporting round has submitted or approved is not the import's to change (the same figures
  // again are left out).
  const rounds = await roundsOfImport(db, validRows, tree, { allowUnchanged: true });
  if (rounds.errors.length > 0) return { kind: 'invalid', rows: file.rows.length, errors: rounds.errors };
  if (options.dryRun)
    return { kind: 'imported', rows: validRows.length, inserted: 0, updated: 0, dryRun: true };
  const rows =
    rounds.unchanged.size === 0 ? validRows : validRows.filter((r) => !rounds.unchanged.has(r.line));
  const observations = rows.map((r) => r.observation);
  await ensureReferencedData(db, tree, observations);
  try {
    const { inserted, updated } = await upsertObservations(db, observations, {
      source: file.format,
      status: 'approved',
      updatedBy: options.updatedBy ?? null,
      onProgress: (done) => options.onProgress?.(done, observations.length),
      // Checked again in the transaction; the rounds' years get their history and approved cells.
      inTransaction: importIntoRounds(rows, tree, {
        userId: options.updatedBy ?? null,
        source: file.format,
        now: options.now ?? new Date(),
      }),
    });
    return { kind: 'imported', rows: validRows.length, inserted, updated, dryRun: false };
  } catch (error) {
    if (error instanceof RoundLockedRollback)
      return { kind: 'invalid', rows: file.rows.length, errors: error.errors };
    throw error;
  }
}
