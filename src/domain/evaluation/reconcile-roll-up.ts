import type { RollUpResult } from './roll-up.js';

export interface Reconciled {
  /** The value to publish: the level's own reported value where it has one, else the roll-up. */
  value: number | null;
  source: 'reported' | 'rolled_up' | null;
  reported: number | null;
  rolledUp: number | null;
  /** reported − rolled up; null unless both exist. */
  difference: number | null;
  /** difference / |rolled up|; null unless both exist and the roll-up is not 0. */
  relativeDifference: number | null;
}

/**
 * Where a level reports its own value as well as having one rolled up from its children, the reported
 * value is used and the difference is shown (a check on the children's data, not a correction).
 * Neither present → value null, source null.
 */
export function reconcileRollUp(reported: number | null, rolled: RollUpResult | number | null): Reconciled {
  const rolledUp = typeof rolled === 'number' || rolled === null ? rolled : rolled.value;
  const both = reported !== null && rolledUp !== null;
  const difference = both ? reported - rolledUp : null;
  return {
    value: reported ?? rolledUp,
    source: reported !== null ? 'reported' : rolledUp !== null ? 'rolled_up' : null,
    reported,
    rolledUp,
    difference,
    relativeDifference:
      difference !== null && rolledUp !== 0 ? difference / Math.abs(rolledUp as number) : null,
  };
}
