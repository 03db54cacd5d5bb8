import { Migrator, type Kysely, type Migration } from 'kysely';
import * as plans from './migrations/0001-plans.js';
import * as referenceData from './migrations/0002-reference-data.js';
import * as observations from './migrations/0003-observations.js';
import * as users from './migrations/0004-users.js';
import * as simulated from './migrations/0005-simulated-observations.js';
import * as alerts from './migrations/0006-alerts.js';
import * as rounds from './migrations/0007-rounds.js';
import * as publication from './migrations/0008-publication.js';
import * as observationChecks from './migrations/0009-observation-checks.js';
import * as responsibilityEdits from './migrations/0010-responsibility-edits.js';
import * as roundClosing from './migrations/0011-round-closing.js';
import * as evaluationChanges from './migrations/0012-evaluation-changes.js';

/** Every migration, in order. Kept in code (not read from a folder) so the compiled CLI needs no file lookup. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-plans': plans,
  '0002-reference-data': referenceData,
  '0003-observations': observations,
  '0004-users': users,
  '0005-simulated-observations': simulated,
  '0006-alerts': alerts,
  '0007-rounds': rounds,
  '0008-publication': publication,
  '0009-observation-checks': observationChecks,
  '0010-responsibility-edits': responsibilityEdits,
  '0011-round-closing': roundClosing,
  '0012-evaluation-changes': evaluationChanges,
};

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(MIGRATIONS) },
    // 0011 and 0012 were written in parallel: a database that ran 0012 first still gets 0011.
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
