import type { Transaction } from 'kysely';
import type { ObservationSource, Sex, UrbanRural } from '../domain/observations/observation.js';
import type { CellKey, CellState, OwedCell, Round } from '../domain/rounds/round.js';
import type { HalfskyDatabase } from './create-database.js';
import type { Database } from './tables.js';

/** A warning kept with a cell for the reviewer. */
export interface StoredWarning {
  check: string;
  zh: string;
  en: string;
}

/** A cell of a round as stored: its key, department, review state and current value (if any). */
export interface StoredRoundCell extends OwedCell {
  id: string;
  state: CellState;
  returnReason: string | null;
  warnings: StoredWarning[];
  submittedValue: number | null;
  submittedComment: string | null;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  /** The same key's value of the year before the round's, null when there is none. */
  lastYearValue: number | null;
  /** The observation of the round's year; null while the cell is owed. */
  observation: {
    value: number;
    numerator: number | null;
    denominator: number | null;
    comment: string | null;
    version: number;
    source: ObservationSource;
    updatedAt: string;
    updatedBy: string | null;
  } | null;
}

export interface RoundCellFilter {
  indicatorCodes?: readonly string[];
  departments?: readonly string[];
  regionCodes?: readonly string[];
  states?: readonly CellState[];
  ids?: readonly string[];
}

/**
 * The cells of a round with their current observation and last year's value, in indicator, region and
 * breakdown order.
 */
export async function listRoundCells(
  db: HalfskyDatabase | Transaction<Database>,
  round: Pick<Round, 'id' | 'year'>,
  filter: RoundCellFilter = {},
): Promise<StoredRoundCell[]> {
  let query = db
    .selectFrom('round_cells as c')
    .leftJoin('observations as o', (join) =>
      join
        .onRef('o.indicator_code', '=', 'c.indicator_code')
        .onRef('o.region_code', '=', 'c.region_code')
        .onRef('o.sex', '=', 'c.sex')
        .onRef('o.urban_rural', '=', 'c.urban_rural')
        .onRef('o.age', '=', 'c.age')
        .on('o.year', '=', round.year),
    )
    .leftJoin('observations as p', (join) =>
      join
        .onRef('p.indicator_code', '=', 'c.indicator_code')
        .onRef('p.region_code', '=', 'c.region_code')
        .onRef('p.sex', '=', 'c.sex')
        .onRef('p.urban_rural', '=', 'c.urban_rural')
        .onRef('p.age', '=', 'c.age')
        .on('p.year', '=', round.year - 1),
    )
    .selectAll('c')
    .select([
      'o.value as o_value',
      'o.numerator as o_numerator',
      'o.denominator as o_denominator',
      'o.comment as o_comment',
      'o.version as o_version',
      'o.source as o_source',
      'o.updated_at as o_updated_at',
      'o.updated_by as o_updated_by',
      'p.value as p_value',
    ])
    .where('c.round_id', '=', round.id);
  if (filter.indicatorCodes) query = query.where('c.indicator_code', 'in', ['', ...filter.indicatorCodes]);
  if (filter.departments) query = query.where('c.department', 'in', ['', ...filter.departments]);
  if (filter.regionCodes) query = query.where('c.region_code', 'in', ['', ...filter.regionCodes]);
  if (filter.states) query = query.where('c.state', 'in', ['', ...filter.states]);
  if (filter.ids) query = query.where('c.id', 'in', ['', ...filter.ids]);
  const rows = await query.orderBy('c.id').execute();
  return rows.map((r) => ({
    id: r.id,
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    sex: r.sex as Sex,
    urbanRural: r.urban_rural as UrbanRural,
    age: r.age,
    department: r.department,
    state: r.state as CellState,
    returnReason: r.return_reason,
    warnings: r.warnings ? (JSON.parse(r.warnings) as StoredWarning[]) : [],
    submittedValue: r.submitted_value === null ? null : Number(r.submitted_value),
    submittedComment: r.submitted_comment,
    firstSubmittedAt: r.first_submitted_at,
    submittedAt: r.submitted_at,
    lastYearValue: r.p_value === null ? null : Number(r.p_value),
    observation:
      r.o_version === null || r.o_value === null
        ? null
        : {
            value: Number(r.o_value),
            numerator: r.o_numerator === null ? null : Number(r.o_numerator),
            denominator: r.o_denominator === null ? null : Number(r.o_denominator),
            comment: r.o_comment,
            version: Number(r.o_version),
            source: r.o_source as ObservationSource,
            updatedAt: r.o_updated_at!,
            updatedBy: r.o_updated_by,
          },
  }));
}
/**
 * The observation keys (indicator, region, year, breakdown) held by a round cell that is submitted or
 * approved: values under review or locked, which only the round workflow may change.
 */
export async function lockedRoundKeys(
  db: HalfskyDatabase,
  keys: readonly (CellKey & { year: number })[],
): Promise<Set<string>> {
  const locked = new Set<string>();
  if (keys.length === 0) return locked;
  const rows = await db
    .selectFrom('round_cells as c')
    .innerJoin('rounds as r', 'r.id', 'c.round_id')
    .select(['c.indicator_code', 'c.region_code', 'c.sex', 'c.urban_rural', 'c.age', 'r.year'])
    .where('c.state', 'in', ['submitted', 'approved'])
    .where('c.indicator_code', 'in', [...new Set(keys.map((k) => k.indicatorCode))])
    .where('c.region_code', 'in', [...new Set(keys.map((k) => k.regionCode))])
    .where('r.year', 'in', [...new Set(keys.map((k) => k.year))])
    .execute();
  for (const r of rows)
    locked.add([r.indicator_code, r.region_code, Number(r.year), r.sex, r.urban_rural, r.age].join('|'));
  return locked;
}
