import type { AccessUser } from './access-user.js';
import { ROLE_ACTIONS, type Action } from './action.js';

/**
 * What an action is applied to. `regionLineage` is the resource's region code followed by its ancestors'
 * (RegionTree.ancestors), so the policy stays pure; omitted for resources without a region (the indicator
 * catalogue, the role-level check a route makes before it loads anything).
 */
export interface AccessResource {
  readonly regionLineage?: readonly string[];
  /** The department the resource belongs to (an observation's supplier), where it has one. */
  readonly department?: string;
}

/**
 * Whether `user` may perform `action` on `resource`. Deny by default: a disabled user, an action the role
 * lacks, a region outside the user's subtree or, for a reporter writing, a department not theirs, all deny.
 */
export function can(user: AccessUser | null, action: Action, resource: AccessResource = {}): boolean {
  if (!user || user.disabled) return false;
  if (!ROLE_ACTIONS[user.role].includes(action)) return false;
  if (resource.regionLineage && !resource.regionLineage.includes(user.regionCode)) return false;
  if (user.role === 'reporter' && action === 'observation:write') {
    if (resource.department === undefined || !user.departments.includes(resource.department)) return false;
  }
  return true;
}

/**
 * Whether the user's role grants the action at all, before any resource is known: the check a route makes
 * on entry. Resource rules (region scope, a reporter's departments) are then applied with `can`.
 */
export function roleAllows(user: AccessUser | null, action: Action): boolean {
  return !!user && !user.disabled && ROLE_ACTIONS[user.role].includes(action);
}
