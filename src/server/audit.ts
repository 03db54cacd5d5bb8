import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { HalfskyDatabase } from '../store/create-database.js';
import { appendAudit, type AuditEvent } from '../store/audit-repository.js';

/** Appends a security event for a request: who (if known), from which IP, when. */
export async function recordAudit(
  db: HalfskyDatabase,
  request: FastifyRequest,
  now: Date,
  event: AuditEvent,
  detail: Record<string, unknown> = {},
  userId: string | null = request.auth?.user.id ?? null,
): Promise<void> {
  await appendAudit(db, { id: randomUUID(), at: now.toISOString(), userId, event, detail, ip: request.ip });
}
