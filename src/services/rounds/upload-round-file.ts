import type { AccessUser } from '../../domain/access/access-user.js';
import { readRoundUpload } from '../../data-files/round-template-read.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { assertRoundOpenFor, type RoundContext } from './round-context.js';
import { saveRoundRows, type SaveRoundResult } from './save-round-cells.js';

export interface UploadOptions {
  maxBytes: number;
  now: Date;
  /** Test hook: after each stored chunk (a failure there must leave the database as it was). */
  afterChunk?: (done: number) => void | Promise<void>;
}

/**
 * Stores an uploaded round file (the filled-in Excel template, or a CSV / XLSX in the import format) as
 * drafts, all or nothing: the file is checked (size, real Excel, no formulas, merged cells or hidden sheets),
 * every row validated and cross-checked, and the values stored in one transaction — any problem, or a crash
 * mid-way, leaves the database as it was. Rows equal to the stored values are left out (the template repeats
 * submitted and approved rows). Problems name the row: `rows.5.value`, 第 5 行.
 */
export async function uploadRoundFile(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  file: { bytes: Buffer; filename: string },
  options: UploadOptions,
): Promise<SaveRoundResult & { rows: number }> {
  assertRoundOpenFor(ctx.round, ['save']);
  const upload = await readRoundUpload(file.bytes, file.filename, { maxBytes: options.maxBytes });
  const result = await saveRoundRows(db, user, ctx, upload.rows, {
    source: upload.format,
    now: options.now,
    skipUnchanged: true,
    locate: (line) => ({ field: `rows.${line}`, zh: `第 ${line} 行`, en: `row ${line}` }),
    ...(options.afterChunk ? { afterChunk: options.afterChunk } : {}),
  });
  return { ...result, rows: upload.rows.length };
}
