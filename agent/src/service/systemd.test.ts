import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { serveArguments, type ServiceOptions } from './plan';
import { systemdInstallPlan, systemdUninstallPlan, systemdUnit } from './systemd';

const execFileAsync = promisify(execFile);

const TRICKY_SCRIPT = `/opt/Deskside Agent/it's "v1" 100% $HOME \\ here/deskside-agent.mjs`;
const options: ServiceOptions = {
  platform: 'linux',
  node: process.execPath,
  script: TRICKY_SCRIPT,
  configFile: '/etc/deskside-agent/config.json',
  dataDir: '/var/lib/deskside-agent',
  user: 'deskside-agent',
  address: '0.0.0.0',
  port: 7443,
};

const setting = (unit: string, key: string) =>
  unit
    .split('\n')
    .filter((line) => line.startsWith(`${key}=`))
    .map((line) => line.slice(key.length + 1));

/**
 * How systemd reads an ExecStart= line (quotes, C escapes, %% and $$), for the characters
 * the generator escapes: what the program would receive as its arguments.
 */
function execStartArguments(value: string): string[] {
  const args: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"/g;
  for (const match of value.matchAll(pattern)) {
    args.push(match[1]!.replace(/\\(.)/g, '$1').replace(/%%/g, '%').replace(/\$\$/g, '$'));
  }
  expect(value.replace(pattern, '').trim()).toBe('');
  return args;
}

describe('the systemd unit', () => {
  const unit = systemdUnit(options);

  it('starts the agent with exactly its arguments, however odd the paths', () => {
    const [execStart] = setting(unit, 'ExecStart');
    expect(execStartArguments(execStart!)).toEqual(serveArguments(options));
    expect(execStart).toContain('100%%');
    expect(execStart).toContain('$$HOME');
  });

  it('runs as its own account, restarts on failure and gives up on a crash loop', () => {
    expect(setting(unit, 'User')).toEqual(['deskside-agent']);
    expect(setting(unit, 'Group')).toEqual(['deskside-agent']);
    expect(setting(unit, 'Restart')).toEqual(['on-failure']);
    expect(setting(unit, 'RestartSec')).toEqual(['5s']);
    expect(setting(unit, 'StartLimitBurst')).toEqual(['5']);
    expect(setting(unit, 'WantedBy')).toEqual(['multi-user.target']);
    expect(setting(unit, 'After')).toEqual(['network-online.target']);
  });

  it('is sandboxed: read-only system, only its data folder writable, no privileges', () => {
    for (const [key, value] of Object.entries({
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      ProtectHome: 'read-only',
      PrivateTmp: 'yes',
      PrivateDevices: 'yes',
      ProtectKernelModules: 'yes',
      RestrictSUIDSGID: 'yes',
      SystemCallFilter: '@system-service',
      UMask: '0077',
      CapabilityBoundingSet: '',
      StateDirectory: 'deskside-agent',
      ReadWritePaths: '"/var/lib/deskside-agent"',
    })) {
      expect(setting(unit, key), key).toEqual([value]);
    }
    // V8 needs writable executable memory: this setting would stop Node.js.
    expect(setting(unit, 'MemoryDenyWriteExecute')).toEqual([]);
  });

  it('keeps capabilities and devices when it runs as root (SMART, firmware tables)', () => {
    const asRoot = systemdUnit({ ...options, user: 'root' });
    expect(setting(asRoot, 'User')).toEqual(['root']);
    expect(setting(asRoot, 'CapabilityBoundingSet')).toEqual([]);
    expect(setting(asRoot, 'PrivateDevices')).toEqual([]);
    expect(setting(asRoot, 'ProtectSystem')).toEqual(['strict']);
  });

  it('makes another data folder writable instead of the state directory', () => {
    const elsewhere = systemdUnit({ ...options, dataDir: '/srv/desk side/100%' });
    expect(setting(elsewhere, 'StateDirectory')).toEqual([]);
    expect(setting(elsewhere, 'ReadWritePaths')).toEqual(['"/srv/desk side/100%%"']);
  });

  it('runs the self-contained executable alone, with no node and no script', () => {
    const exe = systemdUnit({ ...options, node: '/usr/bin/deskside-agent', script: null });
    expect(execStartArguments(setting(exe, 'ExecStart')[0]!)).toEqual([
      '/usr/bin/deskside-agent',
      'serve',
      '--config',
      '/etc/deskside-agent/config.json',
    ]);
  });

  it('says who wrote it, and the data folder mode, as the package asks', () => {
    const packaged = systemdUnit(options, {
      comment: '# Installed by the deskside-agent package.',
      dataDirMode: '0750',
    });
    expect(packaged.split('\n')[0]).toBe('# Installed by the deskside-agent package.');
    expect(setting(packaged, 'StateDirectoryMode')).toEqual(['0750']);
    expect(setting(unit, 'StateDirectoryMode')).toEqual(['0700']);
    // Only those two lines differ: one unit text for both.
    const differing = packaged.split('\n').filter((line) => !unit.split('\n').includes(line));
    expect(differing).toHaveLength(2);
  });

  it('refuses what a unit file cannot carry', () => {
    expect(() => systemdUnit({ ...options, script: '/opt/a\nExecStartPre=/bin/sh' })).toThrow(
      /control character/,
    );
    expect(() => systemdUnit({ ...options, user: 'root\nUser=x' })).toThrow(/--user/);
    expect(() => systemdUnit({ ...options, user: 'Bad User' })).toThrow(/not an account name/);
  });
});

describe('the systemd unit, read by systemd-analyze', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });
  const analyze = existsSync('/usr/bin/systemd-analyze');

  it.skipIf(!analyze)(
    'has no setting systemd does not know, and a low exposure score',
    async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-unit-'));
      dirs.push(dir);
      const file = path.join(dir, 'deskside-agent.service');
      await writeFile(file, systemdUnit(options));
      const verify = await execFileAsync('systemd-analyze', ['verify', file]);
      expect(verify.stderr).toBe('');
      const security = await execFileAsync('systemd-analyze', ['security', '--offline=true', file]);
      const score = /Overall exposure level for deskside-agent\.service: (\d+\.\d)/.exec(
        security.stdout,
      );
      expect(score, security.stdout).not.toBeNull();
      expect(Number(score![1])).toBeLessThanOrEqual(3.5);
    },
  );
});

describe('installing and removing the systemd service', () => {
  it('creates the account if missing, keeps an existing config, then enables and starts', () => {
    const { steps } = systemdInstallPlan(options);
    expect(steps.map((step) => step.kind)).toEqual(['run', 'run', 'write', 'write', 'run', 'run']);
    expect(steps[0]).toMatchObject({
      argv: expect.arrayContaining(['useradd', '--system', 'deskside-agent']),
      unless: ['id', '-u', 'deskside-agent'],
    });
    expect(steps[2]).toMatchObject({ path: options.configFile, onlyIfMissing: true });
    expect(JSON.parse((steps[2] as { content: string }).content)).toEqual({
      address: '0.0.0.0',
      port: 7443,
      dataDir: '/var/lib/deskside-agent',
    });
    expect(steps[3]).toMatchObject({
      path: '/etc/systemd/system/deskside-agent.service',
      onlyIfMissing: false,
    });
    expect(steps.at(-1)).toEqual({
      kind: 'run',
      argv: ['systemctl', 'enable', '--now', 'deskside-agent.service'],
    });
  });

  it('removes only the unit, and says what it keeps', () => {
    const plan = systemdUninstallPlan(options);
    expect(plan.steps).toEqual([
      {
        kind: 'run',
        argv: ['systemctl', 'disable', '--now', 'deskside-agent.service'],
        mayFail: true,
      },
      { kind: 'remove', path: '/etc/systemd/system/deskside-agent.service' },
      { kind: 'run', argv: ['systemctl', 'daemon-reload'] },
    ]);
    expect(plan.notes.join('\n')).toContain('/var/lib/deskside-agent');
  });
});
