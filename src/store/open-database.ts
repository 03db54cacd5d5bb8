import type { DatabaseConfig } from '../config/load-config.js';
import { HalfskyError } from '../domain/errors.js';
import { createDatabase, type HalfskyDatabase } from './create-database.js';
import { migrateToLatest } from './migrate-to-latest.js';

/** Opens the configured database and migrates it; connection failures become DATABASE_UNAVAILABLE. */
export async function openDatabase(config: { database: DatabaseConfig }): Promise<HalfskyDatabase> {
  let db: HalfskyDatabase | undefined;
  try {
    db = await createDatabase(config);
    await migrateToLatest(db);
    return db;
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    const detail = error instanceof Error ? error.message : String(error);
    throw new HalfskyError('DATABASE_UNAVAILABLE', { detail }, { cause: error });
  }
}
