import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../../domain/access/role.js';

export const RoleSchema = Type.Union(
  ROLES.map((r) => Type.Literal(r)),
  { description: 'administrator | plan_owner | monitoring_lead | reporter | county_office | viewer' },
);

export const UserSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionCode: Type.String({ description: 'GB/T 2260 code of the top of the user’s region scope' }),
  departments: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserBody = Static<typeof UserSchema>;
