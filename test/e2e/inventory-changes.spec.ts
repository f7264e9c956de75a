import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  InventorySchema,
  canonicalJson,
  toCurrentInventory,
  type InventoryV2,
} from '@deskside/core';
import { openDatabase } from '../../electron/services/database/open';
import { DATABASE_FILE } from '../../electron/services/console';
import { InventoryHistoryService } from '../../electron/services/machines/inventory-history';
import { agentRequest } from '../helpers/agent-http';
import { addAgentMachine, callApi, expectAccessible } from './host-api';
import { expect, test } from './fixtures';

/**
 * The machine as it was a day earlier: its first program one version behind, its last one not
 * yet installed, and another DNS server. Kept in the console's history directly (below), since
 * a real agent reports the machine only as it is now.
 */
function dayBefore(now: InventoryV2): InventoryV2 {
  const programs = now.software?.programs ?? [];
  const first = programs[0];
  if (!first || programs.length < 2) throw new Error('the agent reported too few programs');
  return {
    ...now,
    collectedAt: new Date(Date.parse(now.collectedAt) - 86_400_000).toISOString(),
    software: { programs: [{ ...first, version: '0.1' }, ...programs.slice(1, -1)] },
    network: now.network && { ...now.network, dnsServers: ['10.0.0.53'] },
  };
}

test('an analyst sees what changed on a machine since yesterday and attaches it to a ticket', async ({
  page,
  desk,
  agent,
}) => {
  const machine = await addAgentMachine(desk.host, agent, 'Reception PC');
  const ticket = await callApi(desk.host, 'tickets.create', {
    requester: 'Sofie Janssens',
    channel: 'phone',
    summary: 'Reception PC lost its network drive',
  });
  // What the agent reports now, read from it directly (the console keeps nothing of this
  // read); the state of a day earlier goes into the console's own database file, as the
  // console keeps every inventory it receives (InventoryHistoryService).
  const reply = await agentRequest(agent, '/v1/inventory', { credential: agent.token });
  const now = toCurrentInventory(InventorySchema.parse(JSON.parse(reply.body)));
  const programs = now.software?.programs ?? [];
  const before = dayBefore(now);
  const db = await openDatabase(path.join(desk.dataDir, DATABASE_FILE));
  try {
    await new InventoryHistoryService(db, 'ana.lyst').record(
      machine.id,
      before,
      'agent',
      new Date(Date.now() - 86_400_000).toISOString(),
    );
  } finally {
    await db.destroy();
  }

  // Opening the machine reads its inventory now: the second kept inventory.
  await page.goto(desk.host.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Machines' }).click();
  await page.getByRole('link', { name: 'Reception PC' }).click();
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
  const timeline = history.getByRole('list', { name: 'Kept inventories' });
  await expect(timeline.getByRole('listitem')).toHaveCount(2);
  await expect(timeline.getByRole('listitem').first()).toContainText(
    /Changed: .*Network \(1\).*Installed software \(2\)/,
  );
  await expect(timeline.getByRole('listitem').last()).toContainText('First inventory kept');

  // What changed: the two kept inventories, compared.
  await history.getByRole('button', { name: 'Compare', exact: true }).click();
  const changes = history.getByRole('region', { name: 'What changed' });
  const software = changes.getByRole('region', { name: 'Installed software' });
  await expect(software.getByRole('list', { name: 'Installed software: added' })).toContainText(
    programs.at(-1)?.name ?? '',
  );
  await expect(software.getByRole('list', { name: 'Installed software: updated' })).toContainText(
    `${programs[0]?.name} 0.1 → ${programs[0]?.version}`,
  );
  await expect(changes.getByRole('region', { name: 'Network' })).toContainText(
    'DNS servers: 10.0.0.53 →',
  );
  await expectAccessible(page, 'machine history (en)');
  await history.screenshot({ path: 'test-results/screenshots/en-machine-history.png' });

  // Attached to the ticket, and there on the ticket with its hash.
  const attach = changes.getByRole('form', { name: 'Attach what changed to a ticket' });
  await attach
    .getByLabel('Ticket', { exact: true })
    .selectOption({ label: `#${ticket.id} Reception PC lost its network drive` });
  await attach.getByRole('button', { name: 'Attach changes' }).click();
  await expect(attach.getByRole('status')).toHaveText(
    `Attached to ticket #${ticket.id} Open ticket`,
  );
  await attach.getByRole('link', { name: 'Open ticket' }).click();
  const evidence = page.locator('.evidence');
  await expect(
    evidence.getByRole('heading', { name: 'What changed on Reception PC' }),
  ).toBeVisible();
  await expect(evidence.getByRole('list', { name: 'Installed software: updated' })).toContainText(
    `${programs[0]?.name} 0.1 → ${programs[0]?.version}`,
  );
  const shownHash = await evidence.locator('code.hash').textContent();
  const detail = await callApi(page, 'tickets.get', { id: ticket.id });
  const [kept] = detail.evidence;
  expect(kept?.kind).toBe('inventory-diff');
  expect(shownHash).toBe(kept?.sha256);
  expect(createHash('sha256').update(canonicalJson(kept?.content), 'utf8').digest('hex')).toBe(
    shownHash,
  );
  await expectAccessible(page, 'ticket with an inventory diff (en)');
  await evidence.screenshot({ path: 'test-results/screenshots/en-inventory-diff-evidence.png' });
});
