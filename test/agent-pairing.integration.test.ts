import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PairResponseSchema, type PairResponse } from '@deskside/core';
import { issuePairingCode, readAuditLog, runAgentCli } from './helpers/agent-cli';
import { agentRequest, errorCode, STACK_TRACE } from './helpers/agent-http';
import { startAgent, type RunningAgent } from './helpers/agent-process';

// A real agent process, started without a pre-provisioned token: only paired consoles get in.
let agent: RunningAgent;
const secrets: string[] = [];

beforeAll(async () => {
  agent = await startAgent({ token: null });
});
afterAll(async () => {
  await agent.stop();
});

async function exchange(code: string, consoleName = 'ana@helpdesk') {
  secrets.push(code);
  return agentRequest(agent, '/v1/pair', { json: { code, consoleName } });
}

async function pairConsole(consoleName?: string): Promise<PairResponse> {
  const { code } = await issuePairingCode(agent.dataDir);
  const reply = await exchange(code, consoleName);
  expect(reply.status).toBe(200);
  const paired = PairResponseSchema.parse(JSON.parse(reply.body));
  secrets.push(paired.credential);
  return paired;
}

const inventoryStatus = async (credential: string) =>
  (await agentRequest(agent, '/v1/inventory', { credential })).status;

function expectRefused(reply: Awaited<ReturnType<typeof exchange>>): void {
  expect(reply.status).toBe(401);
  expect(errorCode(reply)).toBe('unauthorized');
  expect(reply.body).toMatch(/run `deskside-agent pair` for a new code/);
  expect(reply.body).not.toMatch(STACK_TRACE);
}

describe('pairing with a running agent', () => {
  it('admits nobody before pairing', async () => {
    expect((await agentRequest(agent, '/v1/inventory')).status).toBe(401);
    await expect.poll(() => agent.stdout()).toContain('run `deskside-agent pair`');
  });

  it('exchanges a code from `pair` for a credential that reads the inventory', async () => {
    const paired = await pairConsole();
    expect(paired.hostname.length).toBeGreaterThan(0);
    expect(await inventoryStatus(paired.credential)).toBe(200);
  });

  it('refuses a code that was used already', async () => {
    const { code } = await issuePairingCode(agent.dataDir);
    expect((await exchange(code)).status).toBe(200);
    expectRefused(await exchange(code));
  });

  it('refuses an expired code', async () => {
    const { code, expiresAt } = await issuePairingCode(agent.dataDir, ['--expires-in', '1s']);
    // Wait until the code's own expiry has passed (no assertion on how long that took).
    await new Promise((resolve) => setTimeout(resolve, Date.parse(expiresAt) - Date.now() + 100));
    expectRefused(await exchange(code));
  });

  it('gives two consoles different ids and credentials, each of which works', async () => {
    const first = await pairConsole('first console');
    const second = await pairConsole('second console');
    expect(second.consoleId).not.toBe(first.consoleId);
    expect(second.credential).not.toBe(first.credential);
    expect(await inventoryStatus(first.credential)).toBe(200);
    expect(await inventoryStatus(second.credential)).toBe(200);
  });

  it('refuses a revoked console from its next request, and only that console', async () => {
    const kept = await pairConsole('kept');
    const revoked = await pairConsole('revoked');
    expect(await inventoryStatus(revoked.credential)).toBe(200);
    const result = await runAgentCli([
      'consoles',
      'revoke',
      revoked.consoleId,
      '--data-dir',
      agent.dataDir,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Revoked console ${revoked.consoleId} (revoked)`);
    expect(await inventoryStatus(revoked.credential)).toBe(401);
    expect(await inventoryStatus(kept.credential)).toBe(200);

    const listed = await runAgentCli(['consoles', 'list', '--data-dir', agent.dataDir]);
    const row = listed.stdout.split('\n').find((line) => line.startsWith(revoked.consoleId));
    expect(row).toMatch(/revoked \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  it('says which console it does not know, without a stack trace', async () => {
    const result = await runAgentCli([
      'consoles',
      'revoke',
      'nosuchid',
      '--data-dir',
      agent.dataDir,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'deskside-agent: No console with id "nosuchid" is paired with this agent\n',
    );
  });

  it('refuses every pending code after five wrong ones', async () => {
    const { code } = await issuePairingCode(agent.dataDir);
    for (const wrong of ['AAAAA00001', 'AAAAA00002', 'AAAAA00003', 'AAAAA00004', 'AAAAA00005']) {
      expectRefused(await exchange(wrong));
    }
    expectRefused(await exchange(code));
  });

  it('loses no code when several `pair` processes and the agent change consoles.json at once', async () => {
    const issued = await Promise.all(
      Array.from({ length: 6 }, () => issuePairingCode(agent.dataDir)),
    );
    const replies = await Promise.all(issued.map(({ code }) => exchange(code)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(6).fill(200));
    const ids = replies.map((reply) => PairResponseSchema.parse(JSON.parse(reply.body)).consoleId);
    const listed = await runAgentCli(['consoles', 'list', '--json', '--data-dir', agent.dataDir]);
    const { consoles } = JSON.parse(listed.stdout) as { consoles: { id: string }[] };
    expect(consoles.map((c) => c.id)).toEqual(expect.arrayContaining(ids));
  });

  it('writes every pairing to the audit log, and no code or credential anywhere', async () => {
    await expect
      .poll(
        async () => (await readAuditLog(agent.dataDir)).filter((e) => e.route === 'pair').length,
      )
      .toBeGreaterThanOrEqual(secrets.filter((s) => s.length === 10).length);
    const audit = await readAuditLog(agent.dataDir);
    const paired = audit.find((entry) => entry.pairing === 'paired');
    expect(paired).toMatchObject({
      method: 'POST',
      path: '/v1/pair',
      status: 200,
      consoleId: null,
    });
    expect(paired?.pairedConsoleId).toMatch(/^[a-z0-9]{8}$/);
    expect(audit.some((e) => e.pairing === 'refused' && e.status === 401)).toBe(true);
    const everything = JSON.stringify(audit) + agent.stdout();
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});

describe('`deskside-agent status`', () => {
  it('reports a running agent: where, its certificate, its consoles', async () => {
    await pairConsole('for status');
    const result = await runAgentCli(['status', '--json', '--data-dir', agent.dataDir]);
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({
      running: true,
      pid: agent.pid,
      listening: agent.url,
      fingerprint: agent.fingerprint,
      dataDir: agent.dataDir,
    });
    expect(status.answering).toMatch(/^\d+\.\d+\.\d+/);
    expect((status.consoles as { active: number }).active).toBeGreaterThan(0);
    const text = await runAgentCli(['status', '--data-dir', agent.dataDir]);
    expect(text.stdout).toContain(`Listening on: ${agent.url}`);
  });

  it('reports a stopped agent as not running, with exit status 3, even after a crash', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-status-'));
    try {
      const stopped = await startAgent({ dataDir });
      const running = await readFile(path.join(dataDir, 'running.json'), 'utf8');
      await stopped.stop();
      const result = await runAgentCli(['status', '--data-dir', dataDir]);
      expect(result.code).toBe(3);
      expect(result.stdout).toContain('Running:      no');
      expect(result.stdout).toContain(`Fingerprint:  ${stopped.fingerprint}`);
      // A crash leaves running.json behind: its process is gone, so it is not running.
      await writeFile(path.join(dataDir, 'running.json'), running);
      expect((await runAgentCli(['status', '--data-dir', dataDir])).code).toBe(3);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
