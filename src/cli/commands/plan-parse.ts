import { importPlan } from '../../plan-import/import-plan.js';
import { toGoldJson } from '../../plan-import/to-gold-json.js';
import type { CliContext } from '../cli-context.js';
import { formatPlan } from '../format-plan.js';

/** `plan parse FILE [--json] [--id ID]`: parses a document and prints the plan; stores nothing. */
export async function planParse(ctx: CliContext, file: string, options: { json?: boolean; id?: string }) {
  const { plan } = await importPlan(file, {
    maxBytes: ctx.config.maxUploadBytes,
    ...(options.id === undefined ? {} : { id: options.id }),
  });
  ctx.io.stdout.write(
    options.json ? `${JSON.stringify(toGoldJson(plan), null, 2)}\n` : formatPlan(plan, ctx.lang),
  );
  return 0;
}
