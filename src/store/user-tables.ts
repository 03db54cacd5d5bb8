/** Row types of users, sessions and the audit log (migration 0004). Stay inside src/store. */
export interface UserTables {
  users: UserRow;
  sessions: SessionRow;
  audit_log: AuditRow;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  /** `scrypt$N$r$p$salt$hash` (base64); never leaves the store except to verify a password. */
  password_hash: string;
  role: string;
  region_code: string;
  /** JSON array of normalised department names. */
  departments: string;
  /** 0 or 1 (SQLite has no boolean). */
  disabled: number;
  created_at: string;
}

export interface SessionRow {
  /** SHA-256 (hex) of the random token the cookie carries; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  expires_at: string;
  created_at: string;
}

export interface AuditRow {
  id: string;
  at: string;
  user_id: string | null;
  event: string;
  /** JSON object. */
  detail: string;
  ip: string | null;
}
