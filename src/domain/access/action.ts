import type { Role } from './role.js';

/** What a request may want to do. Routes declare one; the policy table below says who may. */
export const ACTIONS = [
  'plan:read',
  'plan:write',
  'plan:import',
  'region:read',
  'indicator:read',
  'department:manage',
  'observation:read',
  'observation:write',
  'observation:approve',
  /** Open, close and reopen reporting rounds (统计局 监测组). */
  'round:manage',
  /** Generate and download reports (annual, evaluation, yearbook, department templates). */
  'report:read',
  /** Publish or withdraw a plan's results of a year to the public section (the plan owner). */
  'publication:manage',
  'user:manage',
  'audit:read',
  'alert:manage',
] as const;

export type Action = (typeof ACTIONS)[number];

const READ: readonly Action[] = [
  'plan:read',
  'region:read',
  'indicator:read',
  'observation:read',
  'report:read',
];

/**
 * Actions each role may perform, inside its region scope. Anything not listed is denied.
 * Reporters write observations only for their own departments (checked against the resource).
 */
export const ROLE_ACTIONS: Readonly<Record<Role, readonly Action[]>> = {
  administrator: ACTIONS,
  plan_owner: [
    ...READ,
    'plan:write',
    'plan:import',
    'department:manage',
    'observation:write',
    'publication:manage',
    'alert:manage',
  ],
  monitoring_lead: [...READ, 'observation:write', 'observation:approve', 'round:manage', 'alert:manage'],
  reporter: [...READ, 'observation:write'],
  county_office: [
    ...READ,
    'plan:write',
    'plan:import',
    'observation:write',
    'observation:approve',
    'alert:manage',
  ],
  viewer: READ,
};
