import { readdir } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { HalfskyError } from '../../domain/errors.js';
import { SUPPORTED_EXTENSIONS } from '../../plan-import/read-document.js';
import type { CliContext } from '../cli-context.js';
import { importFiles } from './import-files.js';

/** `plan import-seeds [--dir DIR]`: imports every plan document in data/plans, each under its file name. */
export async function planImportSeeds(ctx: CliContext, options: { dir?: string }) {
  const dir = options.dir ? resolve(options.dir) : join(ctx.packageRoot, 'data', 'plans');
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = names
    .filter((name) => SUPPORTED_EXTENSIONS.includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => ({ path: join(dir, name), id: basename(name, extname(name)) }));
  if (files.length === 0) throw new HalfskyError('NO_SEED_FILES', { dir });
  return importFiles(ctx, files);
}
