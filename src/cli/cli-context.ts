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
}

/** What every command receives: the configuration, the language chosen and its outputs. */
export interface CliContext {
  config: Config;
  lang: Lang;
  io: CliIo;
  /** Root of the installed package (holds data/plans). */
  packageRoot: string;
}
