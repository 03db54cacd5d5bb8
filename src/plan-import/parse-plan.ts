import type { Plan } from '../domain/plan.js';

/** Parses the text of a plan document into a Plan. (Work in progress: being written now.) */
export function parsePlanText(text: string, options: { id?: string } = {}): Plan {
  void text;
  return {
    id: options.id ?? 'plan',
    title: '',
    region: '',
    level: 'city',
    parentRegion: null,
    period: [2021, 2030],
    areas: [],
    projects: [],
    targets: [],
  };
}
