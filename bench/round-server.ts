// The server of the round-save benchmark, in its own process so that the load generator does not share its
// thread: HALFSKY_DATA_DIR and PORT from the environment; prints the address on stdout, stops on SIGTERM.
import { loadConfig } from '../src/config/load-config.js';
import { startServer } from '../src/server/server.js';

const server = await startServer(loadConfig(process.env), { host: '127.0.0.1', logger: false });
console.log(server.address);
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
