import { HalfskyError, type Lang } from '../domain/errors.js';
import type { Output } from './cli-context.js';
import { UsageError } from './usage-error.js';

/** Writes an error as one line per language, the chosen language first. No stack traces. */
export function printError(stderr: Output, error: unknown, lang: Lang): void {
  const [zh, en] = messagesOf(error);
  const lines = lang === 'zh' ? [`错误：${zh}`, `Error: ${en}`] : [`Error: ${en}`, `错误：${zh}`];
  stderr.write(`${lines.join('\n')}\n`);
}

function messagesOf(error: unknown): [string, string] {
  if (error instanceof HalfskyError) return [error.messageIn('zh'), error.messageIn('en')];
  if (error instanceof UsageError) return [error.zh, error.en];
  const detail = error instanceof Error ? error.message : String(error);
  return [`内部错误：${detail}`, `internal error: ${detail}`];
}
