import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAuditLog, runAgentCli } from './helpers/agent-cli';
import { temporaryFolders } from './helpers/temp-folders';
import { agentRequest, errorCode, STACK_TRACE } from './helpers/agent-http';
import { AGENT_BUNDLE, startAgent, type RunningAgent } from './helpers/agent-process';

const folders = temporaryFolders('deskside-limits-');
const tempDir = folders.make;
const agents: RunningAgent[] = [];
async function agentWith(options: Parameters<typeof startAgent>[0]): Promise<RunningAgent> {
  const agent = await startAgent(options);
  agents.push(agent);
  return agent;
}
afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.stop()));
  await folders.removeAll();
});

describe('request limits (real agent process)', () => {
  it('answers 429 with Retry-After beyond the rate per address, before authentication', async () => {
    const agent = await agentWith({ extraArgs: ['--rate-per-address', '5'] });
    const replies = [];
    for (let i = 0; i < 6; i++) replies.push(await agentRequest(agent, '/v1/health'));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = replies[5]!;
    expect(errorCode(limited)).toBe('too_many_requests');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatch(/Too many requests from this address; try again in \d+ s/);
    // Refused requests are audited too.
    await expect
      .poll(async () => (await readAuditLog(agent.dataDir)).map((e) => e.status))
      .toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('limits each console on its own', async () => {
    const agent = await agentWith({
      extraArgs: ['--rate-per-console', '3', '--rate-per-address', '1000'],
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await agentRequest(agent, '/v1/health', { credential: agent.token })).status);
    }
    // /v1/health needs no credential, so it counts against no console.
    expect(statuses).toEqual([200, 200, 200, 200]);
    const inventory = [];
    for (let i = 0; i < 4; i++) {
      inventory.push(await agentRequest(agent, '/v1/inventory', { credential: agent.token }));
    }
    expect(inventory.map((reply) => reply.status)).toEqual([200, 200, 200, 429]);
    expect(inventory[3]!.body).toMatch(/from this console/);
    expect(inventory[3]!.headers['retry-after']).toBeDefined();
  });

  it('refuses a body larger than the configured limit with 413', async () => {
    const agent = await agentWith({ extraArgs: ['--max-body-bytes', '1024'] });
    const small = await agentRequest(agent, '/v1/pair', { json: { code: 'AAAAA00000' } });
    expect(small.status).toBe(401);
    const big = await agentRequest(agent, '/v1/pair', {
      json: { code: 'AAAAA00000', consoleName: 'x'.repeat(2_000) },
    });
    expect(big.status).toBe(413);
    expect(errorCode(big)).toBe('payload_too_large');
    expect(big.body).not.toMatch(STACK_TRACE);
  });

  it('refuses a body that is not UTF-8 as a bad request, not an internal error', async () => {
    const agent = await agentWith({});
    const reply = await agentRequest(agent, '/v1/pair', {
      body: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toContain('The request body is not valid UTF-8');
  });
});

describe('the config file (real agent process)', () => {
  it('is read by serve, with flags over it', async () => {
    const dir = await tempDir();
    const auditFile = path.join(dir, 'logs', 'agent-audit.log');
    const config = path.join(dir, 'agent.json');
    await writeFile(
      config,
      JSON.stringify({ port: 1, limits: { ratePerAddress: 2 }, audit: { file: auditFile } }),
    );
    // startAgent passes --port 0, which overrides the file's port 1.
    const agent = await agentWith({ extraArgs: ['--config', config] });
    expect(agent.port).not.toBe(1);
    await expect.poll(() => agent.stdout()).toContain(`Configuration: ${config}`);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await agentRequest(agent, '/v1/health')).status);
    expect(statuses).toEqual([200, 200, 429]);
    await expect
      .poll(async () => (await readAuditLog(path.dirname(auditFile), 'agent-audit.log')).length)
      .toBe(3);
  });

  it('stops serve with a message naming the bad field, and no stack trace', async () => {
    const dir = await tempDir();
    const config = path.join(dir, 'agent.json');
    await writeFile(config, JSON.stringify({ limits: { ratePerConsole: 'lots' }, prot: 7443 }));
    const result = await runAgentCli(
      ['serve', '--config', config, '--data-dir', dir, '--port', '0'],
      {
        DESKSIDE_AGENT_TOKEN: randomBytes(32).toString('base64url'),
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${config}: limits.ratePerConsole: expected a number`);
    expect(result.stderr).toContain(`${config}: prot: unknown field`);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stdout).not.toContain('listening');
  });

  it('is found through DESKSIDE_AGENT_CONFIG by every command', async () => {
    const dir = await tempDir();
    const dataDir = path.join(dir, 'data');
    const config = path.join(dir, 'agent.json');
    await writeFile(config, JSON.stringify({ dataDir }));
    const env = { DESKSIDE_AGENT_CONFIG: config };
    const paired = await runAgentCli(['pair', '--json'], env);
    expect(paired.code).toBe(0);
    const printed = await runAgentCli(['fingerprint'], env);
    expect(printed.stdout.trim()).toBe(
      (JSON.parse(paired.stdout) as { fingerprint: string }).fingerprint,
    );
    const listed = await runAgentCli(['consoles', 'list'], env);
    expect(listed.stdout).toContain('1 pairing code(s) waiting to be used.');
  });
});

describe('`install-service --dry-run` (prints, installs nothing)', () => {
  it('shows the systemd unit that would start this agent bundle', async () => {
    const dir = await tempDir();
    const result = await runAgentCli([
      'install-service',
      '--dry-run',
      '--platform',
      'linux',
      '--config',
      path.join(dir, 'config.json'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `ExecStart="${process.execPath}" "${AGENT_BUNDLE}" "serve" "--config" "${path.join(dir, 'config.json')}"`,
    );
    expect(result.stdout).toContain('systemctl enable --now deskside-agent.service');
  });

  it('will not act for another platform than this one', async () => {
    const result = await runAgentCli(['install-service', '--platform', 'win32']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('add --dry-run');
  });
});
