import { HalfskyError } from '../domain/errors.js';
import type { Plan } from '../domain/plan.js';
import { isValidPlanId } from '../domain/plan-id.js';
import type { PlanSource } from '../domain/plan-source.js';
import { parsePlanText } from './parse-plan.js';
import { readDocument } from './read-document.js';

export interface ImportPlanOptions {
  /** Files larger than this are rejected before they are read. */
  maxBytes: number;
  /** The plan id to use instead of the one derived from the document. */
  id?: string;
}

export interface ImportedPlan {
  plan: Plan;
  source: PlanSource;
}

/**
 * Reads a plan document and parses it into a Plan, refusing documents that are not plans (NOT_A_PLAN:
 * no area headings) and plans without a single target (PLAN_HAS_NO_TARGETS). Stores nothing.
 */
export async function importPlan(path: string, options: ImportPlanOptions): Promise<ImportedPlan> {
  if (options.id !== undefined && !isValidPlanId(options.id)) {
    throw new HalfskyError('INVALID_PLAN_ID', { id: options.id });
  }
  const source = await readDocument(path, { maxBytes: options.maxBytes });
  const plan = parsePlanText(source.text, options.id === undefined ? {} : { id: options.id });
  assertImportable(plan, path);
  return { plan, source };
}

/** A plan worth storing has at least one area and one target. */
export function assertImportable(plan: Plan, path: string): void {
  if (plan.areas.length === 0) throw new HalfskyError('NOT_A_PLAN', { path });
  if (plan.targets.length === 0) throw new HalfskyError('PLAN_HAS_NO_TARGETS', { path });
}
