import type { HalfskyDatabase } from '../../store/create-database.js';
import {
  isPostgres,
  listenForDataChanges,
  type DataChangeListener,
} from '../../store/evaluation-repository.js';
import { refreshCachedEvaluations } from './plan-engine.js';

/**
 * On PostgreSQL, listens for the data-version NOTIFY the database sends after every committed change,
 * brings this process's cached evaluations up to date at once (from the change log of migration 0012, so
 * the next request here finds them current) and reports it (`onChange`). Freshness does not depend on the
 * notification: each request still reads the data state and catches up itself when it comes first. On
 * SQLite (one process): returns null.
 */
export async function startEvaluationListener(
  db: HalfskyDatabase,
  databaseUrl: string | null,
  onChange?: (version: string | null) => void,
): Promise<DataChangeListener | null> {
  if (!isPostgres(db) || databaseUrl === null) return null;
  return listenForDataChanges(databaseUrl, (version) => {
    void refreshCachedEvaluations(db);
    onChange?.(version);
  });
}
