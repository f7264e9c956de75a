import { CheckRunner, InvalidCheckRequest, type CheckToRun } from '../../checks';
import { formatCatalog, formatResults, STATUS_EXIT_CODE } from '../checks/format';
import { CliUsageError, kebabCase, parseCheckParams } from '../checks/params';
import { worstStatus } from '@deskside/core';

/** Exit code for a command line that cannot be run (sysexits.h EX_USAGE). */
const EXIT_USAGE = 64;

export function printCatalog(options: { json?: boolean }): void {
  const catalog = new CheckRunner().catalog();
  console.log(
    options.json
      ? JSON.stringify(catalog, null, 2)
      : formatCatalog(catalog.checks, process.platform),
  );
}

/** What `check` was asked to run: one check with its parameters, or every parameterless one. */
function requestedChecks(
  runner: CheckRunner,
  id: string | undefined,
  tokens: string[],
  all: boolean,
): CheckToRun[] {
  const entries = runner.catalog().checks;
  if (all) {
    if (id !== undefined || tokens.length > 0)
      throw new CliUsageError(
        '--all runs every check with its defaults: give no check and no parameters',
      );
    return entries
      .filter((entry) => !entry.needsParams && entry.os.includes(process.platform as never))
      .map((entry) => ({ checkId: entry.id }));
  }
  if (id === undefined)
    throw new CliUsageError('name a check (deskside-agent checks lists them) or use --all');
  const entry = entries.find((candidate) => candidate.id === id);
  if (!entry)
    throw new CliUsageError(`no check ${JSON.stringify(id)} (deskside-agent checks lists them)`);
  return [{ checkId: id, params: parseCheckParams(entry, tokens) }];
}

export async function runCheckCommand(
  id: string | undefined,
  tokens: string[],
  options: { json?: boolean; all?: boolean },
): Promise<void> {
  const runner = new CheckRunner({ maxConcurrentPerBatch: 8 });
  let results;
  try {
    results = await runner.run(requestedChecks(runner, id, tokens, options.all ?? false));
  } catch (error) {
    if (!(error instanceof CliUsageError || error instanceof InvalidCheckRequest)) throw error;
    const message =
      error instanceof InvalidCheckRequest && error.param
        ? `${error.checkId}: --${kebabCase(error.param)}: ${error.reason}`
        : error.message;
    console.error(`deskside-agent check: ${message}`);
    process.exitCode = EXIT_USAGE;
    return;
  }
  console.log(options.json ? JSON.stringify({ results }, null, 2) : formatResults(results));
  process.exitCode = STATUS_EXIT_CODE[worstStatus(results.map((result) => result.status))];
}
