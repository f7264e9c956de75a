import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/services/database/open';
import { DATABASE_FILE } from '../../electron/services/console';
import type { RunningAgent } from '../helpers/agent-process';
import {
  addFleetMachine,
  fleetAgentFiles,
  startFleetAgent,
  startFleetTestServer,
} from '../helpers/fleet-agent';
import { callApi, expectAccessible } from './host-api';
import { expect, test } from './fixtures';

/**
 * Checks over NATS from the screens: a real nats-server on 127.0.0.1, the built agent in fleet
 * mode, and the console linked to the fleet. Asked while the machine is online, queued while it
 * is away and shown waiting, then with its result once it is back; a scatter-gather.
 */
test('an analyst checks a fleet laptop, online and away, and a selection of machines', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-e2e-fleet-'));
  const { authority, server } = await startFleetTestServer('e2e-desk');
  const agents: RunningAgent[] = [];
  try {
    const machineId = randomUUID();
    const db = await openDatabase(path.join(desk.dataDir, DATABASE_FILE));
    try {
      await addFleetMachine(db, machineId, 'LAPTOP-ANNA');
    } finally {
      await db.destroy();
    }
    const issued = await authority.issueConsole('e2e-console', 'analyst');
    const credentialsFile = path.join(dir, 'console.creds');
    await writeFile(credentialsFile, issued.creds, { mode: 0o600 });
    await callApi(desk.host, 'settings.update', {
      fleet: { servers: [server.url], credentialsFile },
    });
    const files = await fleetAgentFiles(server, authority, dir, machineId);
    agents.push(await startFleetAgent(files));

    await page.goto(desk.host.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Machines' }).click();
    await expect(page.getByText('Online (fleet)')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('link', { name: 'LAPTOP-ANNA' }).click();

    // Its inventory arrived over NATS and is kept in the machine's history.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText('First inventory kept')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });

    // Online: asked over NATS, its results at once.
    const checks = page.getByRole('form', { name: 'Checks' });
    await checks.getByRole('checkbox', { name: 'A folder can be written' }).check();
    await checks.getByRole('button', { name: 'Run checks' }).click();
    await expect(page.getByText('The machine answered over the fleet.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Results' }).first()).toBeVisible();

    // Away: shown offline with when it was last seen, and a check is queued, shown waiting
    // with its expiry.
    await agents.pop()!.stop();
    await page.getByRole('navigation').getByRole('link', { name: 'Machines' }).click();
    await expect(page.getByText(/^Offline, last seen .+ \(fleet\)$/)).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('link', { name: 'LAPTOP-ANNA' }).click();
    await checks.getByRole('checkbox', { name: 'A folder can be written' }).check();
    await checks.getByRole('button', { name: 'Run checks' }).click();
    await expect(page.getByText(/The machine is away: the checks are queued/)).toBeVisible();
    const queued = page.getByRole('list', { name: 'Checks waiting for the machine (fleet)' });
    await expect(queued.getByText('Waiting')).toBeVisible();
    await expect(queued.getByText(/the checks run when it is back, until/)).toBeVisible();
    await expectAccessible(page, 'a fleet machine with a queued check (en)');

    // Back: the queued check ran, and its result replaces "Waiting".
    agents.push(await startFleetAgent(files));
    await expect(queued.getByText('Ran', { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(queued.getByRole('list', { name: 'Results' })).toBeVisible();

    // A selection: every fleet machine, outcome per machine.
    await page.getByRole('navigation').getByRole('link', { name: 'Machines' }).click();
    const scatter = page.getByRole('form', { name: 'Checks on many fleet machines' });
    await scatter.getByRole('checkbox', { name: 'A folder can be written' }).check();
    await scatter.getByRole('button', { name: 'Run on the selection' }).click();
    await expect(page.getByText('Done: 1 of 1 machines')).toBeVisible();
    const outcomes = page.getByRole('table', { name: 'Outcome per machine' });
    await expect(outcomes.getByRole('row', { name: /LAPTOP-ANNA.*Answered/ })).toBeVisible();
    await expectAccessible(page, 'a scatter-gather over the fleet (en)');
  } finally {
    for (const agent of agents) await agent.stop();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
