import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError, type ErrorField } from '../../domain/errors.js';
import { findIndicator, INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { crossCheck, type CheckedValue } from '../../domain/observations/cross-checks.js';
import type { ObservationSource } from '../../domain/observations/observation.js';
import type { RawObservationRow } from '../../domain/observations/observation-columns.js';
import { describeRowProblem, type RowProblem } from '../../domain/observations/row-problem.js';
import { validateObservationRows } from '../../domain/observations/validate-observation-rows.js';
import { cellTransition } from '../../domain/rounds/cell-transition.js';
import { cellKeyString, type CellKey } from '../../domain/rounds/round.js';
import type { RegionTree } from '../../domain/regions/region-tree.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { changeRoundCells } from '../../store/round-cell-changes.js';
import type { StoredRoundCell } from '../../store/round-cell-repository.js';
import { assertRoundOpenFor, lineageOf, type RoundContext } from './round-context.js';

/** Saves of up to this many rows read only the cells near them (one indexed query per row). */
const NEAR_ROWS = 20;

/** A row to save: a raw file row (or an API cell as one) and the version its writer saw. */
export interface RoundRow {
  raw: RawObservationRow;
  /** The value version the writer saw (0: none stored yet); undefined: not checked (a CSV without it). */
  version?: number;
}

export interface SaveRoundOptions {
  source: ObservationSource;
  now: Date;
  /** Where a row is, for messages: `cells.3` / 第 3 个单元格 for the API, `rows.5` / 第 5 行 for a file. */
  locate: (line: number) => { field: string; zh: string; en: string };
  /** Leave out rows equal to the stored value (a re-uploaded template repeats its submitted rows). */
  skipUnchanged?: boolean;
  /** Test hook passed to the store (after each stored chunk). */
  afterChunk?: (done: number) => void | Promise<void>;
}

export interface SavedWarning extends ErrorField {
  cellId: string;
  check: string;
}

export interface SaveRoundResult {
  saved: number;
  /** Each saved cell's new value version: what the next save of it must send. */
  cells: { id: string; version: number }[];
  /** Warnings attached to the saved cells, for the reviewer (and shown to the writer). */
  warnings: SavedWarning[];
}

/** A readable name of a cell: 孕产妇死亡率 / 怀宁县 / 女. */
export function cellLabel(tree: RegionTree, cell: CellKey): { zh: string; en: string } {
  const indicator = findIndicator(cell.indicatorCode);
  const parts = [cell.sex, cell.urbanRural === '合计' ? '' : cell.urbanRural, cell.age].filter(
    (x) => x !== '' && x !== '合计',
  );
  const region = tree.get(cell.regionCode)?.name ?? cell.regionCode;
  return {
    zh: [indicator?.nameZh ?? cell.indicatorCode, region, ...parts].join(' / '),
    en: [cell.indicatorCode, cell.regionCode, ...parts].join(' / '),
  };
}

/**
 * Saves values of a round as drafts, all or nothing. Every row is validated as a file row is (type, range,
 * references; each problem with its row and field), must name a cell the round owes, be the user's to write
 * (region scope; a reporter's own departments), and be in a state that allows editing (owed, draft,
 * returned). Then the cross-checks run over the incoming values together with the stored ones of the same
 * indicators (女 ≤ 合计, 女 + 男 = 合计, numerator ≤ denominator, year-on-year change with a comment,
 * cross-region outliers): errors refuse everything, warnings are stored with the cells. Finally the store
 * re-checks each cell's version inside one transaction (a concurrent edit is a conflict, never an overwrite).
 */
export async function saveRoundRows(
  db: HalfskyDatabase,
  user: AccessUser,
  { round, tree }: RoundContext,
  rows: readonly RoundRow[],
  options: SaveRoundOptions,
): Promise<SaveRoundResult> {
  const where = (line: number, column?: string) => {
    const at = options.locate(line);
    return { field: column ? `${at.field}.${column}` : at.field, zh: at.zh, en: at.en };
  };
  const problem = (line: number, column: string | undefined, zh: string, en: string): ErrorField => {
    const at = where(line, column);
    return { field: at.field, zh: `${at.zh}：${zh}`, en: `${at.en}: ${en}` };
  };
  const refuse = (
    code: 'ROUND_CELLS_INVALID' | 'OBSERVATIONS_FORBIDDEN' | 'ROUND_CELL_STATE',
    fields: ErrorField[],
  ) => {
    const cells = [...new Set(fields.map((f) => f.field.split('.').slice(0, 2).join('.')))];
    if (code === 'ROUND_CELLS_INVALID')
      throw new HalfskyError(code, { cells: cells.length, problems: fields.length }, { fields });
    throw new HalfskyError(code, { cells: cells.join(', ') }, { fields });
  };

  assertRoundOpenFor(round, ['save']);
  // 1. Each row on its own, as a file row of the round's year.
  const yearFields: ErrorField[] = [];
  const raws = rows.map(({ raw }) => {
    const year = (raw.cells.year ?? '').trim();
    if (year !== '' && year !== String(round.year))
      yearFields.push(
        problem(
          raw.line,
          'year',
          `年份 ${year} 不是本轮的 ${round.year} 年`,
          `year ${year} is not the round's ${round.year}`,
        ),
      );
    return { line: raw.line, cells: { ...raw.cells, year: String(round.year) } };
  });
  const { rows: valid, errors } = validateObservationRows(raws, { catalog: INDICATOR_CATALOG, tree });
  const invalid = [
    ...yearFields,
    ...errors.map((e) => {
      const d = describeRowProblem(e.problem);
      return problem(e.line, columnOf(e.problem), d.zh, d.en);
    }),
  ];
  if (invalid.length > 0) refuse('ROUND_CELLS_INVALID', invalid);

  // 2. The indicators involved; every row must name an owed cell the user may write, in an editable state.
  const indicatorCodes = [...new Set(valid.map((r) => r.observation.indicatorCode))];
  // 3. Inside one transaction: the cells as stored, every check against them, then the write.
  const versionOf = new Map(rows.map((r) => [r.raw.line, r.version]));
  let targets: { line: number; cell: StoredRoundCell; row: (typeof valid)[number] }[] = [];
  let warnings: SavedWarning[] = [];
  const result = await changeRoundCells(
    db,
    round,
    // A few cells: the cells their checks compare them with (the same region's 女 / 男 / 合计, the same
    // breakdown in the peer regions); a few hundred: their indicators' cells; a bulk upload: the whole round,
    // one scan.
    rows.length <= NEAR_ROWS
      ? { near: { keys: valid.map((r) => r.observation), roundRegionCode: round.regionCode } }
      : rows.length <= 500
        ? { indicatorCodes }
        : {},
    (roundCells) => {
      targets = [];
      warnings = [];
      const byKey = new Map(roundCells.map((c) => [cellKeyString(c), c]));
      const notOwed: ErrorField[] = [];
      const forbidden: ErrorField[] = [];
      const locked: ErrorField[] = [];
      for (const row of valid) {
        const cell = byKey.get(cellKeyString(row.observation));
        if (!cell) {
          const label = cellLabel(tree, row.observation);
          notOwed.push(
            problem(
              row.line,
              undefined,
              `不是本轮应报的单元格（${label.zh}）`,
              `not a cell owed in this round (${label.en})`,
            ),
          );
          continue;
        }
        const o = row.observation;
        const s = cell.observation;
        if (
          options.skipUnchanged &&
          s &&
          s.value === o.value &&
          s.numerator === o.numerator &&
          s.denominator === o.denominator &&
          (s.comment ?? null) === (o.comment ?? null)
        )
          continue;
        const label = cellLabel(tree, cell);
        if (
          !can(user, 'observation:write', {
            regionLineage: lineageOf(tree, cell.regionCode),
            department: cell.department,
          })
        ) {
          forbidden.push(
            problem(
              row.line,
              undefined,
              `无权填报 ${label.zh}（${cell.department}）`,
              `not allowed to write ${label.en} (${cell.department})`,
            ),
          );
          continue;
        }
        const move = cellTransition(cell.state, 'save');
        if (!move.ok)
          locked.push(problem(row.line, 'value', `${label.zh}：${move.zh}`, `${label.en}: ${move.en}`));
        targets.push({ line: row.line, cell, row });
      }
      if (notOwed.length > 0) refuse('ROUND_CELLS_INVALID', notOwed);
      if (forbidden.length > 0) refuse('OBSERVATIONS_FORBIDDEN', forbidden);
      if (locked.length > 0) refuse('ROUND_CELL_STATE', locked);

      const incoming = new Map(targets.map((t, i) => [t.cell.id, i]));
      const checked: CheckedValue[] = [];
      const checkedTarget: (number | undefined)[] = [];
      for (const cell of roundCells) {
        const i = incoming.get(cell.id);
        const o = i === undefined ? cell.observation : targets[i]!.row.observation;
        if (!o) continue;
        checked.push({
          indicator: findIndicator(cell.indicatorCode)!,
          regionCode: cell.regionCode,
          sex: cell.sex,
          urbanRural: cell.urbanRural,
          age: cell.age,
          value: o.value,
          numerator: o.numerator,
          denominator: o.denominator,
          comment: o.comment,
          previous: cell.lastYearValue,
          incoming: i !== undefined,
          peerGroup: cell.regionCode === round.regionCode ? 'plan' : 'sub-regions',
        });
        checkedTarget.push(i);
      }
      const crossProblems = crossCheck(checked);
      const blocking = crossProblems
        .filter((p) => p.severity === 'error')
        .map((p) => {
          const t = targets[checkedTarget[p.index]!]!;
          const label = cellLabel(tree, t.cell);
          return problem(t.line, 'value', `${label.zh}：${p.zh}`, `${label.en}: ${p.en}`);
        });
      if (blocking.length > 0) refuse('ROUND_CELLS_INVALID', blocking);
      const warningsOf = new Map<number, { check: string; zh: string; en: string }[]>();
      for (const p of crossProblems.filter((x) => x.severity === 'warning')) {
        const ti = checkedTarget[p.index]!;
        const t = targets[ti]!;
        warningsOf.set(ti, [...(warningsOf.get(ti) ?? []), { check: p.check, zh: p.zh, en: p.en }]);
        const label = cellLabel(tree, t.cell);
        warnings.push({
          ...problem(t.line, 'value', `${label.zh}：${p.zh}`, `${label.en}: ${p.en}`),
          cellId: t.cell.id,
          check: p.check,
        });
      }

      return targets.map((t, i) => {
        const version = versionOf.get(t.line);
        return {
          cellId: t.cell.id,
          action: 'save' as const,
          fromState: t.cell.state,
          toState: 'draft' as const,
          ...(version === undefined ? {} : { expectedVersion: version }),
          value: {
            value: t.row.observation.value,
            numerator: t.row.observation.numerator,
            denominator: t.row.observation.denominator,
            comment: t.row.observation.comment,
          },
          warnings: warningsOf.get(i) ?? [],
        };
      });
    },
    {
      userId: user.id,
      source: options.source,
      now: options.now,
      ...(options.afterChunk ? { afterChunk: options.afterChunk } : {}),
    },
  );
  if (result.kind === 'conflict') {
    const lineOf = new Map(targets.map((t) => [t.cell.id, t]));
    const fields = result.conflicts.map((c) => {
      const t = lineOf.get(c.cellId)!;
      const label = cellLabel(tree, t.cell);
      return problem(
        t.line,
        'version',
        `${label.zh} 已被他人修改（您看到的版本 ${c.expectedVersion ?? '—'}，当前版本 ${c.actualVersion}），请刷新后重试`,
        `${label.en} was changed by someone else (you saw version ${c.expectedVersion ?? '—'}, it is now ${c.actualVersion}); reload and retry`,
      );
    });
    throw new HalfskyError(
      'OBSERVATION_CONFLICT',
      { cells: fields.map((f) => f.field).join(', ') },
      { fields },
    );
  }
  return {
    saved: targets.length,
    cells: targets.map((t) => ({ id: t.cell.id, version: result.versions.get(t.cell.id) ?? 0 })),
    warnings,
  };
}

const FIELD_OF_COLUMN: Readonly<Record<string, string>> = { urban_rural: 'urbanRural' };

/** The field a row problem is about. */
function columnOf(problem: RowProblem): string {
  switch (problem.kind) {
    case 'unknown-indicator':
    case 'duplicate':
      return 'indicator';
    case 'unknown-region':
    case 'ambiguous-region':
      return 'region';
    case 'bad-year':
      return 'year';
    case 'ratio-mismatch':
    case 'round-locked':
      return 'value';
    default:
      return FIELD_OF_COLUMN[problem.column] ?? problem.column;
  }
}
