/**
 * Regenerates the report samples in docs/samples/ from the demo's simulated data for 安庆 (模拟数据):
 * `npx tsx scripts/samples.ts`. Seeds a temporary SQLite database with the 安庆 plan and its simulated
 * observations, writes the annual report, the yearbook (.xlsx) and a department template, converts the
 * annual report to PDF with LibreOffice (in a temporary folder) and its first three pages to PNG with
 * pdftoppm, so a reader can look at what LibreOffice shows. Kept small: no PDF, no evaluation report.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { seedDemo } from '../src/services/demo/seed-demo.js';
import { generateReport, type GenerateReportInput } from '../src/services/reports/generate-report.js';
import { createDatabase } from '../src/store/create-database.js';
import { migrateToLatest } from '../src/store/migrate-to-latest.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'samples');
const work = mkdtempSync(join(tmpdir(), 'halfsky-samples-'));
mkdirSync(join(work, 'plans'));
copyFileSync(join(root, 'data', 'plans', 'anqing.txt'), join(work, 'plans', 'anqing.txt'));
const db = await createDatabase({ database: { kind: 'sqlite', file: join(work, 'samples.sqlite') } });
try {
  await migrateToLatest(db);
  await seedDemo(db, { plansDir: join(work, 'plans'), maxBytes: 20 * 1024 * 1024 });
  const samples: [string, Omit<GenerateReportInput, 'planId' | 'year'>][] = [
    ['annual-anqing-2024.docx', { kind: 'annual' }],
    ['yearbook-anqing-2024.xlsx', { kind: 'yearbook', format: 'xlsx' }],
    ['department-anqing-2024-weijianju.docx', { kind: 'department', department: '卫健局' }],
  ];
  for (const [name, input] of samples) {
    const report = await generateReport(db, { planId: 'anqing', year: 2024, ...input });
    writeFileSync(join(out, name), report.bytes);
    console.log(`${name}: ${Math.round(report.bytes.length / 1024)} KB`);
  }
  for (const f of readdirSync(out).filter((f) => f.endsWith('.png') || f.endsWith('.pdf')))
    rmSync(join(out, f));
  const pdf = docxToPdf(join(out, 'annual-anqing-2024.docx'), work);
  execFileSync('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    '1',
    '-l',
    '3',
    pdf,
    join(out, 'annual-anqing-2024-page'),
  ]);
  console.log(readdirSync(out).join('\n'));
} finally {
  await db.destroy();
  rmSync(work, { recursive: true, force: true });
}

/** LibreOffice (headless, with its own throw-away profile so it runs beside an open office) → PDF. */
function docxToPdf(docx: string, dir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'halfsky-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      {
        stdio: 'ignore',
        timeout: 120_000,
      },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(dir, basename(docx).replace(/\.docx$/, '.pdf'));
}
