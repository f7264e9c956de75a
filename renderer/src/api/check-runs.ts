import type { CheckRun } from '@deskside/core';
import type { ApiClient } from './client';

/**
 * Follows a run of checks until it ends: each answer comes as soon as something changed
 * (the console holds the request until then), so progress shows as it happens without
 * polling. Stops early, quietly, when `signal` aborts (the page went away).
 */
export async function followCheckRun(
  api: Pick<ApiClient, 'call'>,
  started: CheckRun,
  onUpdate: (run: CheckRun) => void,
  signal: AbortSignal,
): Promise<CheckRun> {
  // Read through a function: the signal may abort while a request is out.
  const stopped = () => signal.aborted;
  let run = started;
  onUpdate(run);
  while (run.state === 'running' && !stopped()) {
    const next = await api.call('machines.checkRun', {
      runId: run.runId,
      afterVersion: run.version,
    });
    if (stopped()) break;
    run = next;
    onUpdate(run);
  }
  return run;
}
