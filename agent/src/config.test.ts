import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_PORT } from '@deskside/core';
import { AgentConfigSchema, auditFile, defaultDataDir } from './config';
import { ConfigError, chooseConfigFile, loadAgentConfig, type ConfigFlags } from './config-file';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
async function configFile(content: unknown): Promise<string> {
  const file = path.join(dir, `config-${++files}.json`);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** Loads with no default config files, so this machine's own cannot interfere. */
const load = (flags: ConfigFlags) => loadAgentConfig(flags, {}, []);

async function problems(flags: ConfigFlags): Promise<string[]> {
  const error: unknown = await load(flags).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message.split('\n');
}

describe('the agent configuration', () => {
  it('without a file or flags: loopback, the default port, data folder and limits', async () => {
    const { config, file } = await load({});
    expect(file).toBeNull();
    expect(config).toEqual(AgentConfigSchema.parse({}));
    expect(config).toMatchObject({
      address: '127.0.0.1',
      port: DEFAULT_AGENT_PORT,
      dataDir: defaultDataDir(),
      logLevel: 'info',
      limits: {
        maxBodyBytes: 65536,
        ratePerConsole: 600,
        ratePerAddress: 1200,
        concurrentChecks: 4,
        signatureWindowSeconds: 300,
      },
      audit: { maxFileBytes: 10 * 1024 * 1024, keepFiles: 5 },
    });
    expect(auditFile(config)).toBe(path.join(defaultDataDir(), 'audit.log'));
  });

  it('reads the file, keeping the defaults of what it leaves out', async () => {
    const file = await configFile({
      address: '0.0.0.0',
      dataDir: '/var/lib/deskside-agent',
      limits: { ratePerConsole: 60 },
      audit: { file: '/var/log/deskside/audit.log', keepFiles: 10 },
    });
    const { config } = await load({ config: file });
    expect(config).toMatchObject({
      address: '0.0.0.0',
      port: DEFAULT_AGENT_PORT,
      dataDir: '/var/lib/deskside-agent',
      limits: { ratePerConsole: 60, ratePerAddress: 1200, maxBodyBytes: 65536 },
      audit: { file: '/var/log/deskside/audit.log', keepFiles: 10 },
    });
    expect(auditFile(config)).toBe('/var/log/deskside/audit.log');
  });

  it('lets command-line flags override the file, nested fields included', async () => {
    const file = await configFile({
      port: 7000,
      limits: { ratePerConsole: 60, ratePerAddress: 90 },
    });
    const { config } = await load({
      config: file,
      port: '8443',
      ratePerConsole: '5000',
      dataDir: '/d',
    });
    expect(config.port).toBe(8443);
    expect(config.dataDir).toBe('/d');
    expect(config.limits).toMatchObject({ ratePerConsole: 5000, ratePerAddress: 90 });
  });

  it('names the bad field of the file and says what it expected', async () => {
    const file = await configFile({ limits: { ratePerConsole: 'fast' } });
    expect(await problems({ config: file })).toEqual([
      `${file}: limits.ratePerConsole: expected a number`,
    ]);
  });

  it('lists every problem of the file, one per line, unknown fields by name', async () => {
    const file = await configFile({
      port: 70000,
      limits: { maxBodyBytes: 1.5, ratePerMinute: 10 },
      audit: { keepFiles: 0 },
      logLevel: 'loud',
      adress: '0.0.0.0',
    });
    const lines = await problems({ config: file });
    expect(lines).toEqual(
      expect.arrayContaining([
        `${file}: port: must be at most 65535`,
        `${file}: limits.maxBodyBytes: expected a whole number`,
        `${file}: limits.ratePerMinute: unknown field`,
        `${file}: audit.keepFiles: must be at least 1`,
        `${file}: adress: unknown field`,
      ]),
    );
    expect(lines.some((line) => line.startsWith(`${file}: logLevel: must be one of`))).toBe(true);
    expect(lines).toHaveLength(6);
  });

  it('takes a fleet heartbeat interval of whole seconds from 1 to 3600', () => {
    const fleet = { servers: ['nats://nats.example.org:4222'] };
    expect(AgentConfigSchema.parse({ fleet }).fleet?.heartbeatSeconds).toBeUndefined();
    expect(
      AgentConfigSchema.parse({ fleet: { ...fleet, heartbeatSeconds: 5 } }).fleet?.heartbeatSeconds,
    ).toBe(5);
    for (const heartbeatSeconds of [0, 1.5, 3601, '15']) {
      expect(AgentConfigSchema.safeParse({ fleet: { ...fleet, heartbeatSeconds } }).success).toBe(
        false,
      );
    }
  });

  it('takes the help page port from the file or --help-port, 0 to 65535', async () => {
    const fleet = { servers: ['nats://nats.example.org:4222'] };
    const file = await configFile({ fleet: { ...fleet, helpPort: 7481 } });
    expect((await load({ config: file })).config.fleet?.helpPort).toBe(7481);
    expect((await load({ config: file, helpPort: '0' })).config.fleet).toMatchObject({
      ...fleet,
      helpPort: 0,
    });
    for (const helpPort of [-1, 65536, 1.5]) {
      expect(AgentConfigSchema.safeParse({ fleet: { ...fleet, helpPort } }).success).toBe(false);
    }
    for (const helpPollSeconds of [0, 3601]) {
      expect(AgentConfigSchema.safeParse({ fleet: { ...fleet, helpPollSeconds } }).success).toBe(
        false,
      );
    }
  });

  it('takes TLS to the fleet with an optional CA file, and nothing else under tls', () => {
    const fleet = { servers: ['tls://nats.example.org:4222'] };
    expect(AgentConfigSchema.parse({ fleet }).fleet?.tls).toBeUndefined();
    expect(AgentConfigSchema.parse({ fleet: { ...fleet, tls: {} } }).fleet?.tls).toEqual({});
    expect(
      AgentConfigSchema.parse({ fleet: { ...fleet, tls: { caFile: '/etc/deskside/ca.pem' } } })
        .fleet?.tls,
    ).toEqual({ caFile: '/etc/deskside/ca.pem' });
    for (const tls of [{ caFile: '' }, { ca: '/etc/ca.pem' }, { verify: false }, 'yes']) {
      expect(AgentConfigSchema.safeParse({ fleet: { ...fleet, tls } }).success).toBe(false);
    }
  });

  it('refuses a port given as a string in the file', async () => {
    const file = await configFile({ port: '7443' });
    expect(await problems({ config: file })).toEqual([`${file}: port: expected a number`]);
  });

  it.each([
    ['not JSON', '{ "port": 7443, }', /is not valid JSON/],
    ['a list', '[]', /\(the whole file\): expected an object/],
  ])('says when the file is %s', async (_what, text, message) => {
    const file = await configFile(text);
    const [line] = await problems({ config: file });
    expect(line).toContain(file);
    expect(line).toMatch(message);
  });

  it('says when a named file does not exist', async () => {
    const missing = path.join(dir, 'missing.json');
    expect(await problems({ config: missing })).toEqual([`Config file ${missing} does not exist`]);
  });

  it.each<[ConfigFlags, string]>([
    [{ port: '99999' }, '--port: must be at most 65535'],
    [{ port: '-1' }, '--port: expected a whole number'],
    [{ port: 'abc' }, '--port: expected a whole number'],
    [{ port: '1e3' }, '--port: expected a whole number'],
    [{ ratePerConsole: '0' }, '--rate-per-console: must be at least 1'],
    [{ maxBodyBytes: '12' }, '--max-body-bytes: must be at least 1024'],
    [{ dataDir: '' }, '--data-dir: must not be empty'],
    [{ address: 'bad address!' }, '--address: address must be a host name or an IP address'],
    [
      { logLevel: 'loud' },
      '--log-level: must be one of "fatal", "error", "warn", "info", "debug", "silent"',
    ],
  ])('names the flag when a flag is wrong: %o', async (flags, message) => {
    expect(await problems(flags)).toEqual([message]);
  });

  it('takes the file from DESKSIDE_AGENT_CONFIG, else the first default that exists', async () => {
    const file = await configFile({});
    expect(chooseConfigFile(undefined, { DESKSIDE_AGENT_CONFIG: file }, [])).toEqual({
      file,
      named: true,
    });
    expect(chooseConfigFile('/other.json', { DESKSIDE_AGENT_CONFIG: file }, [])?.file).toBe(
      '/other.json',
    );
    const missing = path.join(dir, 'absent.json');
    expect(chooseConfigFile(undefined, {}, [missing, file])).toEqual({ file, named: false });
    expect(chooseConfigFile(undefined, {}, [missing])).toBeNull();
  });
});
