import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { runCliInProcess } from './run-cli-in-process.js';

/** A temporary folder with its own data directory, and the CLI run against it; removed after the file's tests. */
export interface CliWorkspace {
  dir: string;
  env: Record<string, string>;
  cli: (...argv: string[]) => ReturnType<typeof runCliInProcess>;
  /** Writes a file into the workspace and returns its path. */
  file: (name: string, content: string | Uint8Array) => Promise<string>;
}

export function useCliWorkspace(prefix: string): CliWorkspace {
  const ws: CliWorkspace = {
    dir: '',
    env: {},
    cli: (...argv) => runCliInProcess(argv, ws.env),
    file: async (name, content) => {
      const path = join(ws.dir, name);
      await writeFile(path, content);
      return path;
    },
  };
  beforeAll(async () => {
    ws.dir = await mkdtemp(join(tmpdir(), prefix));
    ws.env = { HALFSKY_DATA_DIR: join(ws.dir, 'data') };
  });
  afterAll(async () => {
    await rm(ws.dir, { recursive: true, force: true });
  });
  return ws;
}
