import { describe, expect, it } from 'vitest';
import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  it('blocks after five failures within fifteen minutes and frees the key as they age', () => {
    const limiter = new LoginLimiter(5, 15 * 60_000);
    for (let i = 0; i < 4; i++) limiter.recordFailure('k', i * 1000);
    expect(limiter.retryAfterMs('k', 5000)).toBe(0);
    limiter.recordFailure('k', 5000);
    expect(limiter.retryAfterMs('k', 6000)).toBe(15 * 60_000 - 6000);
    expect(limiter.retryAfterMs('other', 6000)).toBe(0);
    expect(limiter.retryAfterMs('k', 15 * 60_000 + 1)).toBe(0);
  });

  it('clears a key on success', () => {
    const limiter = new LoginLimiter(2, 60_000);
    limiter.recordFailure('k', 0);
    limiter.recordFailure('k', 1);
    expect(limiter.retryAfterMs('k', 2)).toBeGreaterThan(0);
    limiter.recordSuccess('k');
    expect(limiter.retryAfterMs('k', 3)).toBe(0);
  });
});
