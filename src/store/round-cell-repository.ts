import type { Transaction } from 'kysely';
import {
  observationKey,
  type ObservationSource,
  type Sex,
  type UrbanRural,
} from '../domain/observations/observation.js';
import {
  cellKeyString,
  type CellKey,
  type CellState,
  type OwedCell,
  type Round,
} from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase, type SqliteHandle } from './create-database.js';
import { prepared } from './round-statements.js';
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
  let query = cellQuery(db, round);
  if (filter.indicatorCodes) query = query.where('c.indicator_code', 'in', ['', ...filter.indicatorCodes]);
  if (filter.departments) query = query.where('c.department', 'in', ['', ...filter.departments]);
  if (filter.regionCodes) query = query.where('c.region_code', 'in', ['', ...filter.regionCodes]);
  if (filter.states) query = query.where('c.state', 'in', ['', ...filter.states]);
  if (filter.ids) query = query.where('c.id', 'in', ['', ...filter.ids]);
  const rows = await query.orderBy('c.id').execute();
  return rows.map(toStoredCell);
}
/**
 * The observation keys (observationKey) held by a round cell that is submitted or approved: values under
 * review or locked, which only the round workflow may change.
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
    locked.add(
      observationKey({
        indicatorCode: r.indicator_code,
        regionCode: r.region_code,
        year: Number(r.year),
        sex: r.sex as Sex,
        urbanRural: r.urban_rural as UrbanRural,
        age: r.age,
      }),
    );
  return locked;
}

/** The near statement of this connection, in raw mode (rows as arrays). */
function rawStatement(raw: SqliteHandle) {
  const statement = prepared(raw, NEAR_SQL);
  if (!rawMode.has(statement)) {
    statement.raw(true);
    rawMode.add(statement);
  }
  return statement;
}
const rawMode = new WeakSet<object>();

/** A row of the cell queries: the cell, its observation of the round's year (o_) and last year's value. */
type CellQueryRow = Database['round_cells'] & {
  o_value: number | null;
  o_numerator: number | null;
  o_denominator: number | null;
  o_comment: string | null;
  o_version: number | null;
  o_source: string | null;
  o_updated_at: string | null;
  o_updated_by: string | null;
  p_value: number | null;
};

function toStoredCell(r: CellQueryRow): StoredRoundCell {
  return {
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
  };
}

/**
 * The cells a check of some cells reads: for each key, the same indicator, urban/rural and age in the same
 * region (its 女 / 男 / 合计) and in the regions of its peer group (the same breakdown across the plan's
 * sub-regions, or the plan's own region alone), which is all that crossCheck compares a value with.
 */
export interface NearCells {
  keys: readonly CellKey[];
  /** The round's own region: a peer group of its own; its sub-regions form the other. */
  roundRegionCode: string;
}

/** The columns of a near read, in order: SQLite returns them as arrays (half the cost of objects). */
const NEAR_COLUMNS = [
  'id',
  'round_id',
  'indicator_code',
  'region_code',
  'sex',
  'urban_rural',
  'age',
  'department',
  'state',
  'return_reason',
  'warnings',
  'submitted_value',
  'submitted_comment',
  'first_submitted_at',
  'submitted_at',
  'reviewed_by',
  'reviewed_at',
  'updated_at',
  'o_value',
  'o_numerator',
  'o_denominator',
  'o_comment',
  'o_version',
  'o_source',
  'o_updated_at',
  'o_updated_by',
  'p_value',
] as const satisfies readonly (keyof CellQueryRow)[];

const NEAR_SQL = `select ${NEAR_COLUMNS.map((c) => (c.startsWith('o_') ? `o.${c.slice(2)} as ${c}` : c === 'p_value' ? 'p.value as p_value' : `c.${c}`)).join(', ')}
from round_cells c
left join observations o on o.indicator_code = c.indicator_code and o.region_code = c.region_code
  and o.year = @year and o.sex = c.sex and o.urban_rural = c.urban_rural and o.age = c.age
left join observations p on p.indicator_code = c.indicator_code and p.region_code = c.region_code
  and p.year = @lastYear and p.sex = c.sex and p.urban_rural = c.urban_rural and p.age = c.age
where c.round_id = @round and c.indicator_code = @indicator and c.urban_rural = @urbanRural and c.age = @age
  and (c.region_code = @region or (c.sex = @sex and (c.region_code = @roundRegion) = @inRoundRegion))`;

/** A near row as SQLite returns it in raw mode (values in NEAR_COLUMNS order), as a row object. */
function nearRow(v: readonly unknown[]): CellQueryRow {
  return {
    id: v[0],
    round_id: v[1],
    indicator_code: v[2],
    region_code: v[3],
    sex: v[4],
    urban_rural: v[5],
    age: v[6],
    department: v[7],
    state: v[8],
    return_reason: v[9],
    warnings: v[10],
    submitted_value: v[11],
    submitted_comment: v[12],
    first_submitted_at: v[13],
    submitted_at: v[14],
    reviewed_by: v[15],
    reviewed_at: v[16],
    updated_at: v[17],
    o_value: v[18],
    o_numerator: v[19],
    o_denominator: v[20],
    o_comment: v[21],
    o_version: v[22],
    o_source: v[23],
    o_updated_at: v[24],
    o_updated_by: v[25],
    p_value: v[26],
  } as CellQueryRow;
}

/**
 * The cells near some keys (NearCells) with their values, in id order as listRoundCells gives them. On
 * SQLite one prepared statement per key, on the connection of the running transaction (`trx`'s).
 */
export async function listCellsNear(
  db: HalfskyDatabase,
  trx: HalfskyDatabase | Transaction<Database>,
  round: Pick<Round, 'id' | 'year'>,
  near: NearCells,
): Promise<StoredRoundCell[]> {
  const byId = new Map<string, StoredRoundCell>();
  const raw = sqliteHandle(db);
  const seen = new Set<string>();
  for (const k of near.keys) {
    const inRoundRegion = k.regionCode === near.roundRegionCode;
    const group = cellKeyString(k);
    if (seen.has(group)) continue;
    seen.add(group);
    const rows: CellQueryRow[] = raw
      ? (
          rawStatement(raw).all({
            year: round.year,
            lastYear: round.year - 1,
            round: round.id,
            indicator: k.indicatorCode,
            urbanRural: k.urbanRural,
            age: k.age,
            region: k.regionCode,
            sex: k.sex,
            roundRegion: near.roundRegionCode,
            inRoundRegion: inRoundRegion ? 1 : 0,
          }) as unknown[][]
        ).map(nearRow)
      : await cellQuery(trx, round)
          .where('c.indicator_code', '=', k.indicatorCode)
          .where('c.urban_rural', '=', k.urbanRural)
          .where('c.age', '=', k.age)
          .where((eb) =>
            eb.or([
              eb('c.region_code', '=', k.regionCode),
              eb.and([
                eb('c.sex', '=', k.sex),
                inRoundRegion
                  ? eb('c.region_code', '=', near.roundRegionCode)
                  : eb('c.region_code', '<>', near.roundRegionCode),
              ]),
            ]),
          )
          .execute();
    for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, toStoredCell(r));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The cells of a round joined with their observation of the round's year and last year's value. */
function cellQuery(db: HalfskyDatabase | Transaction<Database>, round: Pick<Round, 'id' | 'year'>) {
  return db
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
}

/** A cell of a round as an import into the round's year meets it: its key, year and review state. */
export interface RoundCellOfYear extends CellKey {
  id: string;
  roundId: string;
  year: number;
  state: CellState;
}

/** The years that have a reporting round. */
export async function roundYears(db: HalfskyDatabase | Transaction<Database>): Promise<Set<number>> {
  const rows = await db.selectFrom('rounds').select('year').distinct().execute();
  return new Set(rows.map((r) => Number(r.year)));
}

/** The cells of every round of these years. */
export async function listRoundCellsOfYears(
  db: HalfskyDatabase | Transaction<Database>,
  years: readonly number[],
): Promise<RoundCellOfYear[]> {
  if (years.length === 0) return [];
  const rows = await db
    .selectFrom('round_cells as c')
    .innerJoin('rounds as r', 'r.id', 'c.round_id')
    .select([
      'c.id',
      'c.round_id',
      'c.indicator_code',
      'c.region_code',
      'c.sex',
      'c.urban_rural',
      'c.age',
      'c.state',
      'r.year',
    ])
    .where('r.year', 'in', years)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    year: Number(r.year),
    indicatorCode: r.indicator_code,
    regionCode: r.region_code,
    sex: r.sex as Sex,
    urbanRural: r.urban_rural as UrbanRural,
    age: r.age,
    state: r.state as CellState,
  }));
}
