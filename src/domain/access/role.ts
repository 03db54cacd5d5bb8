/**
 * The roles of the platform (see shared/PRODUCT.md, "Who uses it"). Every user has exactly one role and is
 * scoped to a region subtree; reporters are also scoped to their departments.
 */
export const ROLES = [
  'administrator',
  /** 妇儿工委办公室 (评估组). */
  'plan_owner',
  /** 统计局 (监测组). */
  'monitoring_lead',
  /** 成员单位: limited to its departments. */
  'reporter',
  /** 县级妇儿工委办 / 统计局. */
  'county_office',
  /** 领导, 第三方评估机构: read only. */
  'viewer',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
