import type { CheckRun } from '@deskside/core';
import type { TestConsole } from './console';

/** Follows a run of checks through the contract until it ends; every state seen, in order. */
export async function followRun(desk: TestConsole, started: CheckRun): Promise<CheckRun[]> {
  const seen = [started];
  let run = started;
  while (run.state === 'running') {
    run = await desk.call('machines.checkRun', { runId: run.runId, afterVersion: run.version });
    seen.push(run);
  }
  return seen;
}

/** Follows a run until `ready` holds for it (or it ends). */
export async function followUntil(
  desk: TestConsole,
  started: CheckRun,
  ready: (run: CheckRun) => boolean,
): Promise<CheckRun> {
  let run = started;
  while (!ready(run) && run.state === 'running') {
    run = await desk.call('machines.checkRun', { runId: run.runId, afterVersion: run.version });
  }
  return run;
}
