// Runs every benchmark and prints one JSON line per benchmark: name, ms (median of several runs) and what
// was measured. Figures and the machine are recorded in docs/benchmarks.md.
import { evaluationBenchmarks } from './evaluation-benchmarks.js';
import { observationImportBenchmarks } from './observation-import-benchmarks.js';
import { planBenchmarks } from './plan-benchmarks.js';
import { reportBenchmarks } from './report-benchmarks.js';
import { roundBenchmarks } from './round-benchmarks.js';
import { webBenchmarks } from './web-benchmarks.js';

for (const bench of [
  ...planBenchmarks,
  ...observationImportBenchmarks,
  ...evaluationBenchmarks,
  ...webBenchmarks,
  ...reportBenchmarks,
  ...roundBenchmarks,
]) {
  const result = await bench();
  console.log(JSON.stringify(result));
}
