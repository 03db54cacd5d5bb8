// Scores the parser on the five seed plans with ../shared/gold/score_plan.py; prints one line per seed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePlanText } from '../src/plan-import/parse-plan.js';
import { toGoldJson } from '../src/plan-import/to-gold-json.js';

const shared = process.env.HALFSKY_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const seeds: [string, string][] = [
  ['anqing', '000_4d8100e48a0a23cf.txt'],
  ['jiutai', '001_c85426c6d45e46da.txt'],
  ['zhongwei', '002_4ef2c7975c690447.txt'],
  ['qingyuan', '003_0c1943d3f0fd6db3.txt'],
  ['zhenyuan', '004_ee507effcf6dec11.txt'],
];
const dir = mkdtempSync(join(tmpdir(), 'halfsky-score-'));
for (const [id, file] of seeds) {
  const doc = join(shared, 'seeds', file);
  const plan = parsePlanText(readFileSync(doc, 'utf8'), { id });
  const pred = join(dir, `${id}.json`);
  writeFileSync(pred, JSON.stringify(toGoldJson(plan)));
  const out = execFileSync(
    'python3',
    [join(shared, 'gold', 'score_plan.py'), doc, join(shared, 'gold', `${id}.json`), pred],
    { encoding: 'utf8' },
  );
  const r = JSON.parse(out);
  console.log(
    id.padEnd(9),
    'num',
    JSON.stringify(r.num),
    'dir',
    JSON.stringify(r.dir),
    process.argv.includes('-v') ? JSON.stringify(r.field_errors) : '',
  );
}
