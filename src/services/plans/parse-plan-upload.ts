import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { INDICATOR_CATALOG } from '../../domain/indicators/catalog.js';
import { linkPlan, type PlanLinks } from '../../domain/indicators/link-targets.js';
import { HalfskyError, isHalfskyError } from '../../domain/errors.js';
import { importPlan, type ImportedPlan } from '../../plan-import/import-plan.js';

/**
 * Parses an uploaded plan document (.txt, .md, .docx, .pdf) and links its targets to the indicator
 * catalogue; stores nothing. The importer reads files, so the bytes go to a private temporary folder that
 * is removed afterwards. Failures name the uploaded file (never the temporary path) at the field `file`.
 */
export async function parsePlanUpload(
  file: { bytes: Buffer; filename: string },
  options: { maxBytes: number },
): Promise<ImportedPlan & { links: PlanLinks }> {
  const name = safeName(file.filename);
  const dir = await mkdtemp(join(tmpdir(), 'halfsky-plan-'));
  try {
    const path = join(dir, name);
    await writeFile(path, file.bytes, { mode: 0o600 });
    const parsed = await importPlan(path, { maxBytes: options.maxBytes });
    return { ...parsed, links: linkPlan(parsed.plan, INDICATOR_CATALOG) };
  } catch (error) {
    if (isHalfskyError(error) && 'path' in error.params) throw atFile(error, file.filename);
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The file name without folders or characters a file system might refuse; the extension is kept. */
function safeName(filename: string): string {
  const name = basename(filename.replace(/\\/g, '/')).replace(/[^\p{L}\p{N}._-]/gu, '_');
  return name && !name.startsWith('.') ? name : `upload${name}`;
}

function atFile(error: HalfskyError, filename: string): HalfskyError {
  const renamed = new HalfskyError(error.code, { ...error.params, path: filename } as never);
  return new HalfskyError(error.code, renamed.params, {
    cause: error,
    fields: [{ field: 'file', zh: renamed.messageIn('zh'), en: renamed.messageIn('en') }],
  });
}
