// Reads the JSON reports of Vitest and Playwright and prints the line CI reads last:
// "N passed, N failed". A runner that left no report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function read(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

function playwrightSkips(suites, out = []) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const reason = t.annotations?.find((a) => a.type === 'skip')?.description ?? 'skipped';
          out.push(`${spec.title}: ${reason}`);
        }
      }
    }
    playwrightSkips(suite.suites, out);
  }
  return out;
}

/** Where `npm test` has each Vitest stage write its JSON report. */
export const VITEST_REPORTS = {
  unit: 'test-results/vitest-unit.json',
  integration: 'test-results/vitest-integration.json',
};

export function summarize({ print }) {
  let passed = 0;
  let failed = 0;
  const notes = [];

  for (const [stage, file] of Object.entries(VITEST_REPORTS)) {
    const vitest = read(file);
    if (!vitest) {
      failed += 1;
      notes.push(`Vitest (${stage}) left no report (it did not run, or crashed)`);
      continue;
    }
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
    if (vitest.numPendingTests + vitest.numTodoTests > 0) {
      notes.push(`Vitest (${stage}): ${vitest.numPendingTests + vitest.numTodoTests} skipped`);
    }
    // A file that fails to load has no tests to count but is still a failure.
    failed += vitest.testResults.filter(
      (f) => f.status === 'failed' && f.assertionResults.length === 0,
    ).length;
  }

  const playwright = read('test-results/playwright.json');
  if (playwright) {
    passed += playwright.stats.expected + playwright.stats.flaky;
    failed += playwright.stats.unexpected;
    for (const skip of playwrightSkips(playwright.suites)) notes.push(`Skipped: ${skip}`);
    if (playwright.errors?.length) {
      failed += playwright.errors.length;
      notes.push(`Playwright: ${playwright.errors.length} error(s) outside tests`);
    }
  } else {
    failed += 1;
    notes.push('Playwright left no report (it did not run, or crashed)');
  }

  if (print) {
    for (const note of notes) console.log(note);
    console.log(`${passed} passed, ${failed} failed`);
  }
  return { passed, failed };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) summarize({ print: true });
