import { randomBytes } from 'node:crypto';

let shared: (() => string) | null = null;

/**
 * Sequential ids (time, random block, counter): appends to the primary-key B-tree, as observations do. One
 * sequence per process (drawing a random block per save cost more than the rest of the id).
 */
export function idMaker(): () => string {
  if (shared) return shared;
  const time = Date.now().toString(16).padStart(12, '0');
  const block = randomBytes(6).toString('hex');
  let seq = 0;
  shared = () => `${time}-${block}-${(seq++).toString(16).padStart(8, '0')}`;
  return shared;
}
