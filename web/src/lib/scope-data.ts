import type { Indicator, Observation, Target } from '../api/types';
import { resolveIndicator } from '../../../src/domain/observations/resolve-indicator';
import type { Indicator as DomainIndicator } from '../../../src/domain/indicators/indicator';

// The linker's fuzzy name matching is costly; a plan names the same indicator many times.
const resolved = new Map<string, string | null>();

/** The indicator code a target's indicator name resolves to (as the linker reads it), or null. */
export function indicatorCodeOf(name: string, catalog: Indicator[]): string | null {
  let code = resolved.get(name);
  if (code === undefined) {
    const r = resolveIndicator(name, catalog as unknown as DomainIndicator[]);
    code = r.kind === 'found' ? r.indicator.code : null;
    resolved.set(name, code);
  }
  return code;
}

/** The targets of a plan that name this indicator (by its name or an alias, as the linker reads them). */
export function targetsOf(targets: Target[], indicator: Indicator, catalog: Indicator[]): Target[] {
  return targets.filter((t) => indicatorCodeOf(t.indicator, catalog) === indicator.code);
}

/** Observations of one key dimension set: all ages, urban+rural total. */
export const isHeadline = (o: Observation) => o.age === '' && o.urbanRural === '合计';
