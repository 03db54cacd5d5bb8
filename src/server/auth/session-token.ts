import { createHash, randomBytes } from 'node:crypto';

/** A new random session token (32 bytes, base64url) for the cookie. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored for a token: its SHA-256, so a read of the sessions table yields no usable cookie. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new CSRF token, returned to the client at login and required in `x-csrf-token` on every non-GET. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
