import type { Plan } from './plan.js';
import type { DocumentFormat } from './plan-source.js';

/** A stored plan as listed: its identity, provenance and how much it contains. */
export interface PlanSummary extends Pick<
  Plan,
  'id' | 'title' | 'region' | 'level' | 'parentRegion' | 'period'
> {
  sourceFormat: DocumentFormat;
  /** ISO 8601 time of the first import; kept when the plan is re-imported. */
  importedAt: string;
  /** ISO 8601 time of the latest import. */
  updatedAt: string;
  counts: { areas: number; goals: number; measures: number; projects: number; targets: number };
}
