import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ApiInput, ApiMethod, ApiOutput, WireError } from '@deskside/core';
import {
  openConsole,
  type ConsoleOptions,
  type ConsoleServices,
} from '../../electron/services/console';

export interface TestConsole extends ConsoleServices {
  dataDir: string;
  /** Calls through the dispatcher (as IPC and HTTP do) and returns the value or throws. */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  /** Closes the services and removes the data folder. */
  dispose(): Promise<void>;
}

export const TEST_ANALYST = 'ana.lyst';

/** A console on a fresh SQLite file in its own temporary data folder. */
export async function openTestConsole(options: Partial<ConsoleOptions> = {}): Promise<TestConsole> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'deskside-console-')));
  const services = await openConsole({
    host: 'browser',
    analyst: TEST_ANALYST,
    // The SQLite file unless a test asks for PostgreSQL, whatever the environment says.
    databaseUrl: '',
    closeUnansweredEveryMs: null,
    ...options,
    dataDir,
  });
  return {
    ...services,
    dataDir,
    async call(method, input) {
      const result = await services.dispatch(method, input);
      if (!result.ok) throw Object.assign(new Error(result.error.message), { wire: result.error });
      return result.value as never;
    },
    async dispose() {
      await services.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The wire error of a call expected to fail through `TestConsole.call`. */
export async function callError(promise: Promise<unknown>): Promise<WireError> {
  try {
    await promise;
  } catch (error) {
    return (error as { wire: WireError }).wire;
  }
  throw new Error('expected the call to fail');
}
