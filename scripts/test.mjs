// `npm test`: every unit, integration and end-to-end test, then one summary line.
// Both runners always run, so one failing suite never hides the other's results.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { summarize } from './test-summary.mjs';

rmSync('test-results', { recursive: true, force: true });

const run = (label, args) => {
  console.log(`\n=== ${label} ===`);
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
};

const vitest = run('Unit and integration tests (Vitest)', [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const playwright = run('End-to-end tests (Playwright, Chromium)', [
  'node_modules/@playwright/test/cli.js',
  'test',
]);

const { failed } = summarize({ print: true });
process.exitCode = vitest !== 0 || playwright !== 0 || failed > 0 ? 1 : 0;
