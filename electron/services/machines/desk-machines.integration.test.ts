/**
 * Machines belong to the desk (PostgreSQL with roles, a real agent, two consoles signed in as
 * two analysts): a machine one analyst paired is reached by the other with no second pairing;
 * no analyst can read its key; a disabled analyst is refused by the database at once and by
 * the agent once the last signature they were given has run out; the other analyst still
 * works.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { inventoryHostname, type NewAnalyst } from '@deskside/core';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_BODY_SHA256 } from '../../../agent/src/security/signed-requests';
import { issuePairingCode, readAuditLog } from '#test/helpers/agent-cli';
import { agentRequest } from '#test/helpers/agent-http';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, queryAs, signedInAs, tryAs } from '#test/helpers/desk';
import { newPostgresDatabase } from '#test/helpers/stores';
import { openDatabaseTarget, type Db } from '../database/open';
import { DeskAnalysts } from '../desk/desk-roles';
import { createKeyFileSecretBox } from '../secrets/secret-box';

/** Short, so a signature given before an analyst was disabled runs out within the test. */
const WINDOW_SECONDS = 5;
/** A machine added before the desk held machines' keys. */
const OLD_ID = '0d5f3c2e-8a47-4b6e-9a51-3f0c9e7d2b14';

let agent: RunningAgent;
let run = 0;

beforeAll(async () => {
  agent = await startAgent({ extraArgs: ['--signature-window-seconds', String(WINDOW_SECONDS)] });
});
afterAll(async () => {
  await agent.stop();
});

describe('machines on a desk with analysts', () => {
  let ownerUrl: string;
  let owner: Db;
  let ada: NewAnalyst;
  let bram: NewAnalyst;
  let cleo: NewAnalyst;
  const consoles: TestConsole[] = [];

  beforeEach(async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    ada = deskAnalyst(`ada_${tag}`, 'admin');
    bram = deskAnalyst(`bram_${tag}`, 'analyst');
    cleo = deskAnalyst(`cleo_${tag}`, 'analyst');
    ({ ownerUrl, owner } = await deskWithAnalysts(ada, [bram, cleo]));
  });
  afterEach(async () => {
    for (const desk of consoles.splice(0)) await desk.dispose();
    await owner.destroy();
  });

  async function consoleOf(who: NewAnalyst, dataDir?: string): Promise<TestConsole> {
    const desk = await openTestConsole({
      databaseUrl: signedInAs(ownerUrl, who),
      ...(dataDir ? { dataDir } : {}),
    });
    consoles.push(desk);
    return desk;
  }

  it('lets every analyst reach a machine one of them paired, and cuts off a disabled one', async () => {
    const bramsConsole = await consoleOf(bram);
    const cleosConsole = await consoleOf(cleo);
    const { code } = await issuePairingCode(agent.dataDir);
    const machine = await bramsConsole.call('machines.pair', {
      address: '127.0.0.1',
      port: agent.port,
      fingerprint: agent.fingerprint,
      code,
      name: 'PC-RECEPTION',
    });

    // Cleo never paired it: her console reads its inventory and runs checks on it.
    expect((await cleosConsole.call('machines.list', {})).map((m) => m.id)).toContain(machine.id);
    const snapshot = await cleosConsole.call('machines.inventory', { id: machine.id });
    expect(inventoryHostname(snapshot.inventory)).toBeTruthy();
    const run = await cleosConsole.machines.runChecks(machine.id, [
      { checkId: 'tcp.port', params: { host: '127.0.0.1', port: agent.port, waitMs: 2_000 } },
    ]);
    expect(run.results[0]).toMatchObject({ checkId: 'tcp.port', status: 'pass' });
    expect(await cleosConsole.call('machines.status', { id: machine.id })).toMatchObject({
      state: 'paired',
    });
    // The agent's own audit log says which analyst asked.
    await expect
      .poll(async () => (await readAuditLog(agent.dataDir)).map((e) => e.analyst))
      .toContain(cleo.login);

    // No analyst holds a credential: the database keeps the key, the console row nothing.
    const asCleo = signedInAs(ownerUrl, cleo);
    expect(await tryAs(asCleo, 'SELECT key FROM machine_keys')).toMatch(/permission denied/);
    expect(
      await queryAs(asCleo, 'SELECT token_sealed FROM machines WHERE id = $1', [machine.id]),
    ).toEqual({ row: { token_sealed: '' } });

    // A signature Bram was given before he is disabled, never used.
    const asBram = signedInAs(ownerUrl, bram);
    const kept = await queryAs(
      asBram,
      `SELECT deskside_sign_agent_request($1, 'GET', '/v1/checks', $2) AS authorization`,
      [machine.id, EMPTY_BODY_SHA256],
    );
    if (!('row' in kept)) throw new Error(kept.error);
    const keptAuthorization = String(kept.row?.authorization);
    const disabledAt = Date.now();

    const asAda = await openDatabaseTarget({ kind: 'postgres', url: signedInAs(ownerUrl, ada) });
    try {
      await new DeskAnalysts(asAda).disable(bram.login);
    } finally {
      await asAda.destroy();
    }
    // The database refuses Bram's console at once: no signature, no inventory.
    const refused = await callError(bramsConsole.call('machines.inventory', { id: machine.id }));
    expect(refused.code).toBe('forbidden');
    expect(await tryAs(asBram, 'SELECT 1')).toMatch(/not permitted to log in/);
    // The agent refuses what Bram kept once its window has passed.
    const waitMs = disabledAt + (WINDOW_SECONDS + 1) * 1000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
    const late = await agentRequest(agent, '/v1/checks', { authorization: keptAuthorization });
    expect(late.status).toBe(401);

    // Cleo still works.
    await expect(
      cleosConsole.call('machines.inventory', { id: machine.id }),
    ).resolves.toMatchObject({ machineId: machine.id });
  });

  it('takes over a credential a console sealed before machines belonged to the desk', async () => {
    // As a console on this desk before: the credential sealed with Bram's own key file.
    const bramsFirst = await consoleOf(bram);
    const sealed = createKeyFileSecretBox(bramsFirst.dataDir).seal(agent.token);
    await sql`INSERT INTO machines (id, name, transport, address, port, fingerprint, cert_pem,
      token_sealed, hostname, added_at, last_contact_at)
      VALUES (${OLD_ID}, 'PC-OLD', 'agent-https', '127.0.0.1', ${agent.port}, ${agent.fingerprint},
        ${agent.certPem}, ${sealed}, 'pc-old', '2026-11-01T08:00:00.000Z', NULL)`.execute(owner);
    const cleosConsole = await consoleOf(cleo);
    // Cleo's console cannot open Bram's seal, and the desk holds no key yet.
    expect(await cleosConsole.call('machines.status', { id: OLD_ID })).toMatchObject({
      state: 'refused',
      detail: expect.stringMatching(/holds no credential/),
    });
    // Bram's console opens again: it hands the credential over and forgets its own copy.
    await consoleOf(bram, bramsFirst.dataDir);
    const row = await sql<{ tokenSealed: string }>`
      SELECT token_sealed FROM machines WHERE id = ${OLD_ID}`.execute(owner);
    expect(row.rows).toEqual([{ tokenSealed: '' }]);
    await expect(cleosConsole.call('machines.inventory', { id: OLD_ID })).resolves.toMatchObject({
      machineId: OLD_ID,
    });
  });
});

describe('the desk’s HMAC-SHA256 in SQL', () => {
  it('matches Node’s for short, block-sized and long keys (RFC 2104)', async () => {
    const db = await openDatabaseTarget({ kind: 'postgres', url: await newPostgresDatabase() });
    try {
      for (const [key, message] of [
        [Buffer.from('key'), 'The quick brown fox jumps over the lazy dog'],
        [Buffer.alloc(64, 0xaa), 'a key exactly one block long'],
        [Buffer.alloc(131, 0xaa), 'Test Using Larger Than Block-Size Key - Hash Key First'],
        [randomBytes(32), 'ünïcode\nand a line break'],
      ] as const) {
        const { rows } = await sql<{ mac: string }>`
          SELECT encode(deskside_hmac_sha256(${key}, convert_to(${message}, 'UTF8')), 'hex')
            AS mac`.execute(db);
        expect(rows[0]?.mac).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }
    } finally {
      await db.destroy();
    }
  });
});
