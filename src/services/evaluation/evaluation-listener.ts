import type { HalfskyDatabase } from '../../store/create-database.js';
import {
  isPostgres,
  listenForDataChanges,
  type DataChangeListener,
} from '../../store/evaluation-repository.js';
import { invalidateEvaluations } from './plan-engine.js';

/**
 * On PostgreSQL, listens for the data-version NOTIFY the database sends after every committed change and
 * drops this process's cached evaluations at once, so memory is freed and the next request rebuilds;
 * the per-request version check stays the guarantee (a notification can arrive after the next request).
 * On SQLite (one process) there is nothing to listen to: returns null.
 */
export async function startEvaluationListener(
  db: HalfskyDatabase,
  databaseUrl: string | null,
  onInvalidate?: (version: string | null) => void,
): Promise<DataChangeListener | null> {
  if (!isPostgres(db) || databaseUrl === null) return null;
  return listenForDataChanges(databaseUrl, (version) => {
    invalidateEvaluations(db);
    onInvalidate?.(version);
  });
}
