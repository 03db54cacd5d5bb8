import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

// The one place that reads the process environment: runCli hands it to loadConfig.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // output piped into `head` and closed early
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  io: {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinIsTTY: process.stdin.isTTY === true,
  },
  packageRoot: fileURLToPath(new URL('../..', import.meta.url)),
});
