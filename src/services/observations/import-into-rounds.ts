import {
  observationKey,
  type ObservationInput,
  type ObservationSource,
} from '../../domain/observations/observation.js';
import type { RowError } from '../../domain/observations/row-problem.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { listObservations, type ObservationTransaction } from '../../store/observation-repository.js';
import { approveImportedCells } from '../../store/round-cell-changes.js';
import { appendImportHistory, type ImportedValueChange } from '../../store/round-cell-history.js';
import {
  listRoundCellsOfYears,
  roundYears,
  type RoundCellOfYear,
} from '../../store/round-cell-repository.js';
import { cellLabel } from '../rounds/save-round-cells.js';

/** A valid row of an import, with its line. */
export interface ImportRow {
  line: number;
  observation: ObservationInput;
}

/** The rows of an import that fall in a reporting round's year, with the round cells each fills. */
export interface RoundsOfImport {
  /** A row per round cell it would overwrite that is submitted or approved: the import is refused. */
  errors: RowError[];
  /** Lines of rows equal to a submitted or approved value (a re-import of the same figures): left out. */
  unchanged: Set<number>;
  inRounds: (ImportRow & { cells: RoundCellOfYear[] })[];
}

/**
 * What an import meets in the reporting rounds: the rows of a year that has a round, each with the round
 * cells of its key; a row that would change a value a round has submitted or approved is an error naming
 * the row and the cell (only the round's review may change it: return or reopen); with `allowUnchanged`,
 * a row equal to that value is only left out (nothing to write). Rows of other years cost one pass (a
 * million-row import of past years reads one small query).
 */
export async function roundsOfImport(
  db: HalfskyDatabase | ObservationTransaction,
  rows: readonly ImportRow[],
  tree: RegionTree,
  options: { allowUnchanged: boolean },
): Promise<RoundsOfImport> {
  const none = (): RoundsOfImport => ({ errors: [], unchanged: new Set(), inRounds: [] });
  const years = await roundYears(db);
  if (years.size === 0) return none();
  const inYears = rows.filter((r) => years.has(r.observation.year));
  if (inYears.length === 0) return none();
  const cells = await listRoundCellsOfYears(db, [...new Set(inYears.map((r) => r.observation.year))]);
  const byKey = new Map<string, RoundCellOfYear[]>();
  for (const c of cells) {
    const key = observationKey(c);
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const locked = (c: RoundCellOfYear) => c.state === 'submitted' || c.state === 'approved';
  const lockedRows = inYears.filter((r) => (byKey.get(observationKey(r.observation)) ?? []).some(locked));
  const stored = options.allowUnchanged ? await storedValues(db, lockedRows) : new Map<string, Stored>();
  const errors: RowError[] = [];
  const unchanged = new Set<number>();
  const inRounds: RoundsOfImport['inRounds'] = [];
  for (const r of inYears) {
    const key = observationKey(r.observation);
    const owned = byKey.get(key) ?? [];
    const s = stored.get(key);
    const o = r.observation;
    if (s && s.value === o.value && s.numerator === o.numerator && s.denominator === o.denominator) {
      unchanged.add(r.line);
      continue;
    }
    for (const c of owned.filter(locked))
      errors.push({
        line: r.line,
        problem: {
          kind: 'round-locked',
          roundId: c.roundId,
          state: c.state as 'submitted' | 'approved',
          cell: cellLabel(tree, c),
        },
      });
    inRounds.push({ ...r, cells: owned });
  }
  return { errors, unchanged, inRounds };
}

interface Stored {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** The stored values of these rows' keys. */
async function storedValues(
  db: HalfskyDatabase | ObservationTransaction,
  rows: readonly ImportRow[],
): Promise<Map<string, Stored>> {
  if (rows.length === 0) return new Map();
  const keys = rows.map((r) => r.observation);
  return new Map(
    (
      await listObservations(db, {
        indicatorCodes: [...new Set(keys.map((o) => o.indicatorCode))],
        regionCodes: [...new Set(keys.map((o) => o.regionCode))],
        yearFrom: Math.min(...keys.map((o) => o.year)),
        yearTo: Math.max(...keys.map((o) => o.year)),
      })
    ).map((o) => [observationKey(o), o]),
  );
}

/** Thrown inside the import transaction when a round locked a value since the check: stores nothing. */
export class RoundLockedRollback extends Error {
  constructor(readonly errors: RowError[]) {
    super('import meets locked round cells');
  }
}

/**
 * The work of an import inside its transaction, for the reporting rounds: before writing, the rounds are
 * checked again (RoundLockedRollback) and the stored values of the rows in a round's year read; after, every
 * value changed in a round's year gets a history entry (old, new, who, source csv / xlsx), and the round
 * cells it fills become approved (the imported values are approved values), with the state change in the
 * history too.
 */
export function importIntoRounds(
  rows: readonly ImportRow[],
  tree: RegionTree,
  by: { userId: string | null; source: ObservationSource; now: Date },
): {
  before: (trx: ObservationTransaction) => Promise<void>;
  after: (trx: ObservationTransaction) => Promise<void>;
} {
  let met: RoundsOfImport = { errors: [], unchanged: new Set(), inRounds: [] };
  let stored = new Map<string, Stored>();
  return {
    before: async (trx) => {
      // The rows left out as unchanged are not here: any locked value met now is an error.
      met = await roundsOfImport(trx, rows, tree, { allowUnchanged: false });
      if (met.errors.length > 0) throw new RoundLockedRollback(met.errors);
      stored = await storedValues(trx, met.inRounds);
    },
    after: async (trx) => {
      const changes: ImportedValueChange[] = [];
      const approved: string[] = [];
      for (const { observation: o, cells } of met.inRounds) {
        const oldValue = stored.get(observationKey(o))?.value ?? null;
        const valueChanged = oldValue !== o.value;
        const base = { ...o, oldValue, newValue: o.value, reason: o.comment };
        if (cells.length === 0 && valueChanged) changes.push({ ...base, cell: null });
        for (const c of cells) {
          if (c.state !== 'approved') approved.push(c.id);
          if (valueChanged || c.state !== 'approved')
            changes.push({
              ...base,
              cell: { roundId: c.roundId, id: c.id, oldState: c.state, newState: 'approved' },
            });
        }
      }
      await appendImportHistory(trx, changes, { userId: by.userId, source: by.source, at: by.now });
      await approveImportedCells(trx, approved, { userId: by.userId, at: by.now });
    },
  };
}
