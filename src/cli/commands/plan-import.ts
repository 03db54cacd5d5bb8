import type { CliContext } from '../cli-context.js';
import { UsageError } from '../usage-error.js';
import { importFiles } from './import-files.js';

/** `plan import FILE... [--id ID]`: parses and stores plans; re-importing a plan id replaces it. */
export async function planImport(ctx: CliContext, files: string[], options: { id?: string }) {
  if (options.id !== undefined && files.length > 1) {
    throw new UsageError(
      '--id 只能用于导入单个文件。',
      '--id can only be used when importing a single file.',
    );
  }
  return importFiles(
    ctx,
    files.map((path) => (options.id === undefined ? { path } : { path, id: options.id })),
  );
}
