import type { Config } from '../config/load-config.js';
import { loadPlanRegionTree } from '../services/reference-data/load-plan-region-tree.js';
import { openDatabase } from '../store/open-database.js';
import { listPlans } from '../store/plan-repository.js';
import { buildApp } from './app.js';

/** Opens the database, builds the app and listens on the configured port; returns a function that stops it. */
export async function startServer(
  config: Config,
  options: { host?: string; logger?: boolean } = {},
): Promise<{ address: string; close: () => Promise<void> }> {
  const db = await openDatabase(config);
  try {
    // The national tree with the townships of the stored county-level plans (九台, 镇原).
    const regions = loadPlanRegionTree(await listPlans(db));
    const { app } = await buildApp(config, { db, regions, logger: options.logger ?? true });
    const address = await app.listen({ port: config.port, host: options.host ?? '0.0.0.0' });
    return {
      address,
      close: async () => {
        await app.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
