import { ensureWebBuilt } from './support/web-server.js';

/**
 * vitest global setup: builds the web app once, before any test file runs, when dist/web is missing or older
 * than web/. Test files building it themselves at the same time would replace the files a running test's
 * server is serving.
 */
export default function setup(): void {
  ensureWebBuilt();
}
