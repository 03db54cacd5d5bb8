import type { AccessUser } from '../../domain/access/access-user.js';
import { can } from '../../domain/access/can.js';
import { HalfskyError } from '../../domain/errors.js';
import type { Round } from '../../domain/rounds/round.js';
import type { HalfskyDatabase } from '../../store/create-database.js';
import { changeRoundStatus, getRound } from '../../store/round-repository.js';
import { lineageOf, type RoundContext } from './round-context.js';

/**
 * Closes a round (the monitoring lead, for a round of its region): from then on no value of it can be
 * saved, submitted or uploaded (ROUND_CLOSED), values submitted before may still be approved, and everything
 * stays readable. Closing a closed round is ROUND_STATUS.
 */
export async function closeRound(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  now: Date,
): Promise<Round> {
  return setStatus(db, user, ctx, { status: 'closed', reason: null }, now);
}

/** Reopens a closed round, with a reason (REASON_REQUIRED without one); the monitoring lead only. */
export async function reopenRound(
  db: HalfskyDatabase,
  user: AccessUser,
  ctx: RoundContext,
  reason: string | null | undefined,
  now: Date,
): Promise<Round> {
  const why = (reason ?? '').trim();
  if (why === '')
    throw new HalfskyError(
      'REASON_REQUIRED',
      { fields: 'reason' },
      {
        fields: [
          {
            field: 'reason',
            zh: '重新开放填报轮次须填写原因',
            en: 'a reason is required to reopen the round',
          },
        ],
      },
    );
  return setStatus(db, user, ctx, { status: 'open', reason: why }, now);
}

async function setStatus(
  db: HalfskyDatabase,
  user: AccessUser,
  { round, tree }: RoundContext,
  change: { status: 'open' | 'closed'; reason: string | null },
  now: Date,
): Promise<Round> {
  // A county's office sees its city's round, but only the city's lead (or an administrator) manages it.
  if (!can(user, 'round:manage', { regionLineage: lineageOf(tree, round.regionCode) }))
    throw new HalfskyError('FORBIDDEN', {});
  const changed = await changeRoundStatus(db, round.id, { ...change, userId: user.id, at: now });
  if (!changed) throw new HalfskyError('ROUND_STATUS', { id: round.id, status: change.status });
  return (await getRound(db, round.id))!;
}
