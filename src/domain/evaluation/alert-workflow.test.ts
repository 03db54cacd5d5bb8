import { describe, expect, it } from 'vitest';
import { ALERT_ACTIONS, ALERT_STATUSES, nextAlertStatus } from './alert-workflow.js';

describe('alert follow-up workflow (督办)', () => {
  it('issued → acknowledged → resolved; escalation from issued or acknowledged; comments anywhere', () => {
    const table = Object.fromEntries(
      ALERT_STATUSES.map((s) => [
        s,
        Object.fromEntries(ALERT_ACTIONS.map((a) => [a, nextAlertStatus(s, a)])),
      ]),
    );
    expect(table).toEqual({
      issued: { acknowledge: 'acknowledged', resolve: null, escalate: 'escalated', comment: 'issued' },
      acknowledged: {
        acknowledge: null,
        resolve: 'resolved',
        escalate: 'escalated',
        comment: 'acknowledged',
      },
      escalated: { acknowledge: 'acknowledged', resolve: 'resolved', escalate: null, comment: 'escalated' },
      resolved: { acknowledge: null, resolve: null, escalate: null, comment: 'resolved' },
      closed: { acknowledge: null, resolve: null, escalate: null, comment: 'closed' },
    });
  });
});
