import { ROLE_ACTIONS, type Action } from '../../../src/domain/access/action';
import type { User } from '../api/types';

/** Whether the user's role grants the action (the server's own table; the server checks again). */
export function can(user: Pick<User, 'role'>, action: Action): boolean {
  return ROLE_ACTIONS[user.role].includes(action);
}
