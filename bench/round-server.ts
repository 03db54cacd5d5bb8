// The server of the round-save benchmark, in its own process so that the load generator does not share its
// thread: HALFSKY_DATA_DIR and PORT from the environment; prints the address on stdout, stops on SIGTERM.
// Over IPC, 'start' begins a measurement and 'stop' answers with the CPU time used since (µs) and the time
// each request spent in the server, from its arrival to its response's end (ms): what the server adds, apart
// from the load generator's own delays.
import { subscribe } from 'node:diagnostics_channel';
import { loadConfig } from '../src/config/load-config.js';
import { startServer } from '../src/server/server.js';

const started = new WeakMap<object, number>();
let durations: number[] = [];
let cpu = process.cpuUsage();
subscribe('http.server.request.start', (message) => {
  started.set((message as { request: object }).request, performance.now());
});
subscribe('http.server.response.finish', (message) => {
  const at = started.get((message as { request: object }).request);
  if (at !== undefined) durations.push(performance.now() - at);
});
process.on('message', (message) => {
  if (message === 'start') {
    durations = [];
    cpu = process.cpuUsage();
  } else {
    const used = process.cpuUsage(cpu);
    process.send?.({ cpuMicros: used.user + used.system, durations });
  }
});

const server = await startServer(loadConfig(process.env), { host: '127.0.0.1', logger: false });
console.log(server.address);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
