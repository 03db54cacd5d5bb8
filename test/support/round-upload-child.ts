// Child process of test/rounds-crash.test.ts: uploads a CSV into a round of the SQLite database named by
// argv[2] and, once the values are written inside the transaction (before the cells and the history), says
// "mid" and hangs until the parent kills it.
import { readFileSync } from 'node:fs';
import { loadRound } from '../../src/services/rounds/round-context.js';
import { uploadRoundFile } from '../../src/services/rounds/upload-round-file.js';
import { openDatabase } from '../../src/store/open-database.js';
import { SYSTEM } from './round-fixture.js';

const [file, csv] = process.argv.slice(2) as [string, string];
const db = await openDatabase({ database: { kind: 'sqlite', file } });
const ctx = await loadRound(db, SYSTEM, 'anqing-2024');
await uploadRoundFile(
  db,
  SYSTEM,
  ctx,
  { bytes: readFileSync(csv), filename: 'data.csv' },
  {
    maxBytes: 1e8,
    now: new Date('2025-01-15T00:00:00Z'),
    afterChunk: () => {
      process.stdout.write('mid\n');
      return new Promise(() => {});
    },
  },
);
