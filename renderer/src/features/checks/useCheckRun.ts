import { useCallback, useEffect, useRef, useState } from 'react';
import type { CheckRun } from '@deskside/core';
import { followCheckRun } from '../../api/check-runs';
import type { ApiError } from '../../api/client';
import { useApi, useRefreshAfter } from '../../api/hooks';

/** A run of checks the page starts, follows as it goes, and may cancel. */
export function useCheckRun() {
  const api = useApi();
  const refreshAfter = useRefreshAfter();
  const [run, setRun] = useState<CheckRun | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [starting, setStarting] = useState(false);
  const following = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      following.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (begin: () => Promise<CheckRun>) => {
      following.current?.abort();
      const controller = new AbortController();
      following.current = controller;
      setError(null);
      setRun(null);
      setStarting(true);
      try {
        const started = await begin();
        setStarting(false);
        const ended = await followCheckRun(api, started, setRun, controller.signal);
        if (ended.state !== 'running') {
          // The machine was just contacted: its last contact changed.
          await refreshAfter(['machine.contacted']);
        }
      } catch (caught) {
        if (!controller.signal.aborted) setError(caught as Error);
      } finally {
        setStarting(false);
      }
    },
    [api, refreshAfter],
  );

  const cancel = useCallback(async () => {
    if (!run) return;
    try {
      await api.call('machines.cancelChecks', { runId: run.runId });
    } catch (caught) {
      setError(caught as Error);
    }
  }, [api, run]);

  const reset = useCallback(() => {
    following.current?.abort();
    setRun(null);
    setError(null);
  }, []);

  return { run, error, starting, start, cancel, reset };
}
