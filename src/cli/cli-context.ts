import type { Config } from '../config/load-config.js';
import type { Lang } from '../domain/errors.js';

/** Where a command writes. Tests pass string buffers; main.ts passes the process streams. */
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Reads standard input to its end (passwords for `user add`); main.ts passes process.stdin's. */
  readStdin?: () => Promise<string>;
  /** Whether standard input is a terminal (then `user add` prompts instead of reading a pipe). */
  stdinIsTTY?: boolean;
}

/** What every command receives: the configuration, the language chosen and its outputs. */
export interface CliContext {
  config: Config;
  lang: Lang;
  io: CliIo;
  /** Root of the installed package (holds data/plans). */
  packageRoot: string;
}
