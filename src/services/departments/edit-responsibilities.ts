import { normaliseDepartment } from '../../plan-import/responsibility.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { replaceResponsibilities, type ItemKind } from '../../store/department-repository.js';

export interface ResponsibilityEdit {
  name: string;
  role: 'lead' | 'supporting';
}

/**
 * Replaces the departments responsible for one plan item. Names are normalised as the plan importer
 * normalises them (市卫健委 → 卫健局), the name as typed is kept as an alias, and a name given twice is
 * kept once (its first role). False when the plan has no such item.
 */
export async function editResponsibilities(
  db: HalfskyDatabase,
  planId: string,
  item: { kind: ItemKind; id: string },
  edits: readonly ResponsibilityEdit[],
): Promise<boolean> {
  const seen = new Set<string>();
  const departments = [];
  for (const edit of edits) {
    const alias = edit.name.trim();
    const name = normaliseDepartment(alias);
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    departments.push({ name, role: edit.role, alias });
  }
  return replaceResponsibilities(db, planId, item, departments);
}
