import type { Transaction } from 'kysely';
import { HalfskyError } from '../domain/errors.js';
import type { ObservationSource } from '../domain/observations/observation.js';
import { allowedInClosedRound, type CellAction } from '../domain/rounds/cell-transition.js';
import type { CellState, Round } from '../domain/rounds/round.js';
import { sqliteHandle, type HalfskyDatabase } from './create-database.js';
import { inChunks } from './in-chunks.js';
import {
  listCellsNear,
  listRoundCells,
  type NearCells,
  type RoundCellFilter,
  type StoredRoundCell,
  type StoredWarning,
} from './round-cell-repository.js';
import { applyInTransaction, ConflictRollback } from './round-cell-writes.js';
import { lockRound } from './round-lock.js';
import { prepared } from './round-statements.js';
import type { Database } from './tables.js';

const CHUNK = 1000;

/** A value to store with a save. */
export interface CellValue {
  value: number;
  numerator: number | null;
  denominator: number | null;
  comment: string | null;
}

/** One change to one cell: an action, what the writer saw, and (for a save) the new value. */
export interface CellChange {
  cellId: string;
  action: CellAction;
  /** The state the writer saw; a different stored state is a conflict. */
  fromState: CellState;
  toState: CellState;
  /** For saves: the observation version the writer saw (0 = none stored); undefined = unchecked. */
  expectedVersion?: number;
  value?: CellValue;
  warnings?: readonly StoredWarning[];
  reason?: string | null;
}

export interface ChangeOptions {
  userId: string;
  source: ObservationSource;
  now: Date;
  /** Test hook: called after each stored chunk of observations (proves a failure mid-way rolls back). */
  afterChunk?: (done: number) => void | Promise<void>;
}

/** A change refused inside the transaction: the cell moved since the writer read it. */
export interface ChangeConflict {
  cellId: string;
  expectedVersion: number | null;
  actualVersion: number;
  expectedState: CellState;
  actualState: CellState;
}

/**
 * Applies changes to cells of a round in ONE transaction, all or nothing: re-reads each cell inside it
 * (on PostgreSQL under a per-round advisory lock; SQLite has one writer) and refuses the whole batch when
 * any cell's state or value version is not what the writer saw (optimistic locking: a second save of the
 * same cell is refused, never a silent overwrite); then upserts the values (observations of the round's
 * year, status following the cell state), updates the cells and appends one history row per change.
 */
export async function applyCellChanges(
  db: HalfskyDatabase,
  round: Pick<Round, 'id' | 'year'>,
  changes: readonly CellChange[],
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  const ids = changes.map((c) => c.cellId);
  return changeRoundCells(db, round, ids.length <= 500 ? { ids } : {}, () => changes, options);
}

/** What a change of cells came to: applied (with each changed cell's new value version) or refused. */
export type ChangeOutcome =
  | { kind: 'applied'; count: number; versions: Map<string, number> }
  | { kind: 'conflict'; conflicts: ChangeConflict[] };

/** Which cells a change reads: a filter of listRoundCells, or the cells near a few keys (listCellsNear). */
export type CellSelection = RoundCellFilter | { near: NearCells };

type Plan = (cells: StoredRoundCell[]) => readonly CellChange[] | Promise<readonly CellChange[]>;

/**
 * applyCellChanges with the changes planned from the cells as read inside the transaction (`filter`): the
 * writer's checks and the write see the same data, and the cells are read once. `plan` may throw (a coded
 * error) to refuse: nothing is written. A closed round refuses every change but approval (ROUND_CLOSED),
 * read inside the same transaction.
 *
 * On SQLite, saves of a few cells (a `near` selection) that arrive together are committed together (group
 * commit): each runs in its own savepoint of one transaction, in arrival order, so each sees the ones before
 * it (a second save of the same cell is still a conflict) and a refused or failed change rolls back alone;
 * every caller hears its outcome only once the transaction has committed. One commit per burst instead of
 * one per save. Uploads, submissions and reviews run in a transaction of their own.
 */
export async function changeRoundCells(
  db: HalfskyDatabase,
  round: Pick<Round, 'id' | 'year'>,
  filter: CellSelection,
  plan: Plan,
  options: ChangeOptions,
): Promise<ChangeOutcome> {
  if (sqliteHandle(db) && 'near' in filter) return queueChange(db, { round, filter, plan, options });
  try {
    return await db.transaction().execute(async (trx) => {
      await lockRound(trx, round.id);
      return runChange(db, trx, { round, filter, plan, options });
    });
  } catch (error) {
    if (error instanceof ConflictRollback) return { kind: 'conflict', conflicts: error.conflicts };
    throw error;
  }
}

interface ChangeRequest {
  round: Pick<Round, 'id' | 'year'>;
  filter: CellSelection;
  plan: Plan;
  options: ChangeOptions;
}

/** Reads the cells, checks the round is open, plans and applies one change, in the caller's transaction. */
async function runChange(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  { round, filter, plan, options }: ChangeRequest,
): Promise<Extract<ChangeOutcome, { kind: 'applied' }>> {
  const closed = (await roundStatusIn(db, trx, round.id)) === 'closed';
  const cells =
    'near' in filter
      ? await listCellsNear(db, trx, round, filter.near)
      : await listRoundCells(trx, round, filter);
  const changes = await plan(cells);
  if (closed && changes.some((c) => !allowedInClosedRound(c.action)))
    throw new HalfskyError('ROUND_CLOSED', { id: round.id });
  const versions = await applyInTransaction(
    db,
    trx,
    round,
    new Map(cells.map((c) => [c.id, c])),
    changes,
    options,
  );
  return { kind: 'applied', count: changes.length, versions };
}

/** A round's status as stored now, read in the transaction. */
async function roundStatusIn(
  db: HalfskyDatabase,
  trx: Transaction<Database>,
  id: string,
): Promise<string | undefined> {
  const raw = sqliteHandle(db);
  if (raw)
    return (prepared(raw, 'select status from rounds where id = ?').get(id) as { status: string } | undefined)
      ?.status;
  return (await trx.selectFrom('rounds').select('status').where('id', '=', id).executeTakeFirst())?.status;
}

interface QueuedChange extends ChangeRequest {
  resolve: (outcome: ChangeOutcome) => void;
  reject: (error: unknown) => void;
}

/** Changes waiting for the next group commit, per SQLite database. */
const waiting = new WeakMap<HalfskyDatabase, QueuedChange[]>();

function queueChange(db: HalfskyDatabase, request: ChangeRequest): Promise<ChangeOutcome> {
  return new Promise((resolve, reject) => {
    let queue = waiting.get(db);
    if (!queue) {
      waiting.set(db, (queue = []));
      // After the requests that arrived together have reached this point: they share one transaction.
      setImmediate(() => void commitGroup(db));
    }
    queue.push({ ...request, resolve, reject });
  });
}

async function commitGroup(db: HalfskyDatabase): Promise<void> {
  const queue = waiting.get(db) ?? [];
  waiting.delete(db);
  const raw = sqliteHandle(db)!;
  const outcomes: ({ ok: ChangeOutcome } | { error: unknown })[] = [];
  try {
    await db.transaction().execute(async (trx) => {
      for (const change of queue) {
        prepared(raw, 'savepoint round_change').run([]);
        try {
          outcomes.push({ ok: await runChange(db, trx, change) });
          prepared(raw, 'release round_change').run([]);
        } catch (error) {
          prepared(raw, 'rollback to round_change').run([]);
          prepared(raw, 'release round_change').run([]);
          outcomes.push(
            error instanceof ConflictRollback
              ? { ok: { kind: 'conflict', conflicts: error.conflicts } }
              : { error },
          );
        }
      }
    });
  } catch (error) {
    // The commit itself failed: nothing of the group is stored.
    for (const change of queue) change.reject(error);
    return;
  }
  queue.forEach((change, i) => {
    const outcome = outcomes[i]!;
    if ('ok' in outcome) change.resolve(outcome.ok);
    else change.reject(outcome.error);
  });
}

/**
 * Marks cells approved by an import (their values now are the imported, approved ones), in the import's
 * transaction: the state follows the value's status, as when a round opens on stored values.
 */
export async function approveImportedCells(
  trx: Transaction<Database>,
  ids: readonly string[],
  by: { userId: string | null; at: Date },
): Promise<void> {
  const at = by.at.toISOString();
  await inChunks(
    ids,
    (chunk) =>
      trx
        .updateTable('round_cells')
        .set({
          state: 'approved',
          return_reason: null,
          reviewed_by: by.userId,
          reviewed_at: at,
          updated_at: at,
        })
        .where('id', 'in', chunk)
        .execute(),
    CHUNK,
  );
}
