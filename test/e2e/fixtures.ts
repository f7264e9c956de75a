import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';
import { startAgent, type RunningAgent } from '../helpers/agent-process';
import { startConsoleHost, type RunningConsoleHost } from '../helpers/console-host';

export interface ConsoleUnderTest {
  dataDir: string;
  host: RunningConsoleHost;
  /** Stops the host process and starts a new one on the same data folder. */
  restart(): Promise<RunningConsoleHost>;
}

/** Each test gets its own console data folder, host process and agent process. */
export const test = base.extend<{ desk: ConsoleUnderTest; agent: RunningAgent }>({
  desk: async ({}, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-'));
    const desk: ConsoleUnderTest = {
      dataDir,
      host: await startConsoleHost(dataDir),
      async restart() {
        await desk.host.stop();
        desk.host = await startConsoleHost(dataDir);
        return desk.host;
      },
    };
    await use(desk);
    await desk.host.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
  agent: async ({}, use) => {
    const agent = await startAgent();
    await use(agent);
    await agent.stop();
  },
});

export { expect } from '@playwright/test';
