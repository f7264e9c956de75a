import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Two kinds of test, told apart by the file name:
 * - `*.test.ts(x)`: unit tests. No server, no built agent: pure functions, services on a
 *   SQLite file, in-process HTTP servers, React in jsdom. `npm run test:unit`, in seconds.
 * - `*.integration.test.ts`: real parts. The built agent process, a throwaway PostgreSQL
 *   cluster (every store test runs on SQLite and on PostgreSQL). `npm run test:integration`.
 * The end-to-end tests in test/e2e (Chromium) are Playwright's: `npm run e2e`.
 */
const INTEGRATION = '**/*.integration.test.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '#test': fileURLToPath(new URL('./test', import.meta.url)) },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          pool: 'threads',
          isolate: false,
          environment: 'node',
          include: ['{core,agent,electron,test}/**/*.test.ts'],
          exclude: [INTEGRATION, 'test/e2e/**', '**/node_modules/**'],
          testTimeout: 30_000,
          // A few suites collect this machine's real inventory once, before their tests:
          // several seconds alone, more beside the other suites on two cores.
          hookTimeout: 30_000,
          // electron-store imports `electron` at load time: inlined, its tests can stand in
          // for Electron with vi.mock (Electron's binary cannot run under Node).
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          pool: 'threads',
          isolate: false,
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          setupFiles: ['renderer/test-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: [INTEGRATION],
          exclude: ['**/node_modules/**'],
          globalSetup: ['test/global-setup.ts', 'test/postgres-setup.ts'],
          setupFiles: ['test/stop-agents.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
