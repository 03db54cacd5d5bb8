import type { Role } from './role.js';

/** A user as the policy sees it (and as the API shows it): no password, no session. */
export interface AccessUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Code of the region the user's scope starts at (inclusive); '000000' for the whole country. */
  regionCode: string;
  /** Normalised department names (卫健局 …); what a reporter may write for. Empty for other roles. */
  departments: string[];
  disabled: boolean;
  createdAt: string;
}
