import { randomBytes } from 'node:crypto';

/** Sequential ids (time, random block, counter): appends to the primary-key B-tree, as observations do. */
export function idMaker(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  const block = randomBytes(6).toString('hex');
  let seq = 0;
  return () => `${time}-${block}-${(seq++).toString(16).padStart(8, '0')}`;
}
