import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/e2e/build-web.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
