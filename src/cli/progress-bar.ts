import type { CliContext } from './cli-context.js';

/** A progress bar on stderr; every method does nothing when stderr is not a terminal. */
export interface ProgressBar {
  /** Moves to `value` of `total` (starting or restarting the bar when `total` changes), with a label. */
  update(value: number, total: number, label?: string): void;
  stop(): void;
}

/**
 * A cli-progress bar on stderr, shown only on a terminal (a pipe or a log gets no escape codes) and only
 * for work of at least `minTotal` units. cli-progress is imported only when a bar is shown.
 */
export async function progressBar(
  ctx: CliContext,
  options: { minTotal?: number } = {},
): Promise<ProgressBar> {
  if (!ctx.io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const { default: progress } = await import('cli-progress');
  let bar: InstanceType<typeof progress.SingleBar> | null = null;
  let shownTotal = -1;
  return {
    update(value, total, label = '') {
      if (total < (options.minTotal ?? 1)) return;
      if (bar === null || total !== shownTotal) {
        bar?.stop();
        bar = new progress.SingleBar(
          {
            stream: ctx.io.stderr as NodeJS.WritableStream,
            format: '[{bar}] {value}/{total} {label}',
            hideCursor: true,
            clearOnComplete: true,
          },
          progress.Presets.shades_classic,
        );
        bar.start(total, value, { label });
        shownTotal = total;
      } else bar.update(value, { label });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
