import type { HalfskyDatabase } from '../../store/create-database.js';
import {
  isPostgres,
  listenForDataChanges,
  type DataChangeListener,
} from '../../store/evaluation-repository.js';

/**
 * On PostgreSQL, listens for the data-version NOTIFY the database sends after every committed change and
 * reports it (`onChange`). The cached evaluations are kept: each request reads the data state and catches up
 * from the change log (migration 0012), so the notification is not needed for freshness, and dropping the
 * cache on every write would turn each catch-up into a full rebuild. On SQLite (one process): returns null.
 */
export async function startEvaluationListener(
  db: HalfskyDatabase,
  databaseUrl: string | null,
  onChange?: (version: string | null) => void,
): Promise<DataChangeListener | null> {
  if (!isPostgres(db) || databaseUrl === null) return null;
  return listenForDataChanges(databaseUrl, (version) => onChange?.(version));
}
