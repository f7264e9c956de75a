// `npm test`: the unit, integration and end-to-end tests, then one summary line.
// Every stage always runs, so one failing stage never hides another's results.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { VITEST_REPORTS, summarize } from './test-summary.mjs';

rmSync('test-results', { recursive: true, force: true });

const run = (label, args) => {
  console.log(`\n=== ${label} ===`);
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;
};
const vitest = (projects, report, extra = []) => [
  'node_modules/vitest/vitest.mjs',
  'run',
  ...projects.flatMap((project) => ['--project', project]),
  ...extra,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
];

const statuses = [
  run(
    'Unit tests (Vitest: no servers)',
    // Unit tests share nothing but the machine: one worker per core.
    vitest(['unit', 'renderer'], VITEST_REPORTS.unit, ['--maxWorkers=100%']),
  ),
  run(
    'Integration tests (Vitest: the built agent, PostgreSQL)',
    vitest(['integration'], VITEST_REPORTS.integration),
  ),
  run('End-to-end tests (Playwright, Chromium)', ['node_modules/@playwright/test/cli.js', 'test']),
];

const { failed } = summarize({ print: true });
process.exitCode = statuses.some((status) => status !== 0) || failed > 0 ? 1 : 0;
