import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';

export const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured output and the given environment. */
export async function runCliInProcess(argv: string[], env: Record<string, string>): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env,
    io: { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) } },
    packageRoot: PACKAGE_ROOT,
  });
  return { code, stdout, stderr };
}
