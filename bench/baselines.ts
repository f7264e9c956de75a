/**
 * What the agent is compared with: the same kind of work done the obvious way, each sample
 * in a fresh `node` process. Benchmarks call these between their own samples, interleaved.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ManagedProcess } from '#test/helpers/managed-process';
import { CHILD_ENV } from './benchmark';

const SAMPLE_TIMEOUT_MS = 60_000;
const RESULT_LINE = /^getAllData_ms=(\d+(?:\.\d+)?)$/;

// systeminformation is CommonJS; its module.exports is the default export. The module URL
// comes in as argv[1], so the script itself never changes.
const GET_ALL_DATA_SCRIPT = `
const { default: si } = await import(process.argv[1]);
const started = performance.now();
await si.getAllData();
console.log('getAllData_ms=' + (performance.now() - started));
`;

/** The URL of systeminformation as the repository resolves it (what the agent bundles). */
function systeminformationUrl(repoRoot: string): string {
  const require = createRequire(path.join(repoRoot, 'package.json'));
  return pathToFileURL(require.resolve('systeminformation')).href;
}

/**
 * One sample of `si.getAllData()` in a fresh node process, timed inside that process with
 * performance.now (start-up and module loading are not included). Milliseconds.
 */
export async function siGetAllDataOnce(repoRoot: string): Promise<number> {
  const child = await ManagedProcess.start(
    process.execPath,
    ['--input-type=module', '-e', GET_ALL_DATA_SCRIPT, systeminformationUrl(repoRoot)],
    { label: 'si.getAllData baseline', cwd: repoRoot, env: CHILD_ENV },
  );
  try {
    const [, ms] = await child.waitForLine(RESULT_LINE, SAMPLE_TIMEOUT_MS);
    // Let it exit on its own so the next sample does not overlap with its shutdown.
    await child.waitForExit(SAMPLE_TIMEOUT_MS);
    return Number(ms);
  } finally {
    await child.stop();
  }
}
