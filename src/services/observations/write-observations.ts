import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError, type ErrorField } from '../../domain/errors.js';
import { INDICATOR_CATALOG, findIndicator } from '../../domain/indicators/catalog.js';
import { observationKey } from '../../domain/observations/observation.js';
import type { RawObservationRow } from '../../domain/observations/observation-columns.js';
import { describeRowProblem, type RowProblem } from '../../domain/observations/row-problem.js';
import { validateObservationRows } from '../../domain/observations/validate-observation-rows.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { appendOutsideRoundHistory } from '../../store/observation-history-repository.js';
import { listObservations, upsertCurrentObservations } from '../../store/observation-repository.js';
import { lockedRoundKeys } from '../../store/round-cell-repository.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import { ensureReferencedData } from '../reference-data/ensure-referenced-data.js';

/** One cell of a bulk write, as a client sends it: codes or names, like a row of an observation file. */
export interface ObservationCell {
  indicator: string;
  region: string;
  year: number;
  sex?: string;
  urbanRural?: string;
  age?: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  comment?: string | null;
  /** The version the client last saw (0: not stored yet); omitted, the cell is written unchecked. */
  version?: number;
}

export type WriteObservationsResult =
  | { kind: 'invalid'; fields: ErrorField[] }
  | { kind: 'forbidden'; fields: ErrorField[] }
  | { kind: 'conflict'; fields: ErrorField[] }
  | { kind: 'stored'; inserted: number; updated: number };

/**
 * Writes cells through the API, all or nothing: every cell validated as a file row is
 * (validateObservationRows: each problem named by its index and field), then each checked against the
 * policy (region scope; a reporter only for indicators its departments supply), then stored in one
 * transaction unless a cell's stored version is not the one the client saw (a conflict, never an overwrite).
 */
export async function writeObservations(
  db: HalfskyDatabase,
  user: AccessUser,
  cells: readonly ObservationCell[],
  now: Date,
  /** The region tree cells may name (the server's, with the stored plans' townships). */
  tree: RegionTree,
): Promise<WriteObservationsResult> {
  const { rows, errors } = validateObservationRows(cells.map(cellToRow), {
    catalog: INDICATOR_CATALOG,
    tree,
  });
  if (errors.length > 0) {
    return {
      kind: 'invalid',
      fields: errors.map((e) => ({
        field: `cells.${e.line}.${fieldOf(e.problem)}`,
        ...describeRowProblem(e.problem),
      })),
    };
  }

  const refused: ErrorField[] = [];
  for (const { line, observation } of rows) {
    const regionLineage = [
      observation.regionCode,
      ...tree.ancestors(observation.regionCode).map((r) => r.code),
    ];
    const indicator = findIndicator(observation.indicatorCode)!;
    const suppliers = [indicator.department, ...indicator.supportingDepartments];
    const allowed = suppliers.some((department) =>
      can(user, 'observation:write', { regionLineage, department }),
    );
    if (!allowed)
      refused.push({
        field: `cells.${line}`,
        zh: `无权填报：${observation.regionCode} / ${indicator.nameZh}（${indicator.department}）`,
        en: `not allowed: ${observation.regionCode} / ${indicator.code} (${indicator.department})`,
      });
  }
  if (refused.length > 0) return { kind: 'forbidden', fields: refused };

  // Values a reporting round has under review or approved are changed only through the round's workflow.
  const locked = await lockedRoundKeys(
    db,
    rows.map((r) => r.observation),
  );
  const lockedFields = rows
    .filter((r) => locked.has(observationKey(r.observation)))
    .map((r) => ({
      field: `cells.${r.line}`,
      zh: `该数值在填报轮次中已报送或已审核，只能通过轮次退回或重新开放后修改`,
      en: 'this value is submitted or approved in a reporting round; change it through the round (return or reopen)',
    }));
  if (lockedFields.length > 0)
    throw new HalfskyError(
      'ROUND_CELL_STATE',
      { cells: lockedFields.map((f) => f.field).join(', ') },
      { fields: lockedFields },
    );

  await ensureReferencedData(
    db,
    tree,
    rows.map((r) => r.observation),
  );
  // The values before the write, for the observation history (every change: who, when, old, new, source).
  const written = rows.map((r) => r.observation);
  const before = new Map(
    (
      await listObservations(db, {
        indicatorCodes: [...new Set(written.map((o) => o.indicatorCode))],
        regionCodes: [...new Set(written.map((o) => o.regionCode))],
        yearFrom: Math.min(...written.map((o) => o.year)),
        yearTo: Math.max(...written.map((o) => o.year)),
      })
    ).map((o) => [observationKey(o), o.value]),
  );
  const result = await upsertCurrentObservations(
    db,
    rows.map((r) => r.observation),
    {
      source: 'api',
      // Roles that approve data store it approved; the others submit it for review.
      status: can(user, 'observation:approve') ? 'approved' : 'submitted',
      updatedBy: user.id,
      now,
      expectedVersions: rows.map((r) => cells[r.line]!.version),
    },
  );
  if (result.kind === 'conflict') {
    return {
      kind: 'conflict',
      fields: result.conflicts.map((c) => ({
        field: `cells.${rows[c.index]!.line}.version`,
        zh: `版本 ${c.expected} 已过期，当前版本为 ${c.actual}`,
        en: `version ${c.expected} is stale; the stored version is ${c.actual}`,
      })),
    };
  }
  await appendOutsideRoundHistory(
    db,
    written.map((o) => ({
      ...o,
      oldValue: before.get(observationKey(o)) ?? null,
      newValue: o.value,
      reason: o.comment,
    })),
    { userId: user.id, source: 'api', at: now },
  );
  return { kind: 'stored', inserted: result.inserted, updated: result.updated };
}

/** A cell as a file row whose line is the cell's index, so that every problem names its cell. */
function cellToRow(cell: ObservationCell, index: number): RawObservationRow {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    line: index,
    cells: {
      indicator: cell.indicator,
      region: cell.region,
      year: text(cell.year),
      sex: text(cell.sex),
      urban_rural: text(cell.urbanRural),
      age: text(cell.age),
      value: text(cell.value),
      numerator: text(cell.numerator),
      denominator: text(cell.denominator),
      comment: text(cell.comment),
    },
  };
}

const FIELD_OF_COLUMN: Readonly<Record<string, string>> = { urban_rural: 'urbanRural' };

/** The body field a problem is about. */
function fieldOf(problem: RowProblem): string {
  switch (problem.kind) {
    case 'unknown-indicator':
      return 'indicator';
    case 'unknown-region':
    case 'ambiguous-region':
      return 'region';
    case 'bad-year':
      return 'year';
    case 'ratio-mismatch':
    case 'round-locked':
      return 'value';
    case 'duplicate':
      return 'indicator';
    default:
      return FIELD_OF_COLUMN[problem.column] ?? problem.column;
  }
}
