import { execFile, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentHealthSchema, InventoryV2Schema } from '@deskside/core';
import { AGENT_VERSION } from '../agent/src/version';
import { pairWith } from './helpers/agent-executable';
import { agentRequest } from './helpers/agent-http';
import { startAgent, type AgentCommand, type RunningAgent } from './helpers/agent-process';
import { temporaryFolders } from './helpers/temp-folders';

// The agent's Debian package (agent/packaging/deb/build.mjs, from the executable the global
// setup builds): lintian's verdict, then, where this test may use dpkg (as root), installed,
// run as its own account, removed and purged. Installing changes this machine: the package
// is purged afterwards whatever happened, and the agent it started is stopped.

const execFileAsync = promisify(execFile);
const PACKAGE = 'deskside-agent';
const BINARY = '/usr/bin/deskside-agent';
const CONFIG = '/etc/deskside-agent/config.json';
const DATA_DIR = '/var/lib/deskside-agent';
const UNIT = '/lib/systemd/system/deskside-agent.service';
const WANTS = '/etc/systemd/system/multi-user.target.wants/deskside-agent.service';
/** Where deb-systemd-helper masks the unit between `dpkg -r` and a reinstall or purge. */
const MASK = '/etc/systemd/system/deskside-agent.service';

const onPath = (program: string) =>
  spawnSync('/bin/sh', ['-c', `command -v ${program}`], { stdio: 'ignore' }).status === 0;

/** dpkg's state of the package: "install ok installed", "deinstall ok config-files", or null. */
function packageStatus(): string | null {
  const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', PACKAGE], { encoding: 'utf8' });
  return query.status === 0 && query.stdout.trim() !== 'unknown ok not-installed'
    ? query.stdout.trim()
    : null;
}

/** The account's passwd line, split, or null. */
function account(name: string): string[] | null {
  const entry = spawnSync('getent', ['passwd', name], { encoding: 'utf8' });
  return entry.status === 0 ? entry.stdout.trim().split(':') : null;
}
const groupExists = (name: string) => spawnSync('getent', ['group', name]).status === 0;

/** The processes an account runs (none once its agent has stopped). */
const processesOf = (uid: number) =>
  spawnSync('ps', ['-o', 'pid=,args=', '-U', String(uid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean);

const mode = (file: string) => (statSync(file).mode & 0o7777).toString(8).padStart(4, '0');

function dpkg(...args: string[]) {
  return execFileAsync('dpkg', args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const installedVersion = () =>
  spawnSync('dpkg-query', ['-W', '-f=${Version}', PACKAGE], { encoding: 'utf8' }).stdout;

/** The same package under another version: the next release, as far as dpkg can tell. */
async function repackAs(original: string, version: string): Promise<string> {
  const tree = path.join(scratch, `tree-${version}`);
  await execFileAsync('dpkg-deb', ['--raw-extract', original, tree]);
  const control = path.join(tree, 'DEBIAN', 'control');
  writeFileSync(
    control,
    readFileSync(control, 'utf8').replace(/^Version: .*$/m, `Version: ${version}`),
  );
  const output = path.join(scratch, `deskside-agent_${version}_amd64.deb`);
  // gzip at its fastest: only dpkg reads this one.
  await execFileAsync('dpkg-deb', ['--root-owner-group', '-Zgzip', '-z1', '--build', tree, output]);
  return output;
}

/** Why the install half cannot run here, or null when it can. */
function whyNoInstall(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (!onPath('dpkg')) return 'no dpkg on this system';
  if (process.getuid?.() !== 0) return 'dpkg -i needs root (run the integration tests as root)';
  if (packageStatus() !== null) {
    return `${PACKAGE} is already installed on this machine: the test would purge it`;
  }
  return null;
}

const folders = temporaryFolders('deskside-agent-deb-');
let scratch: string;
let deb: string;
afterAll(async () => {
  await folders.removeAll();
});
/** Why the .deb cannot be built here, or null when it can. */
const noBuild =
  process.platform !== 'linux' || process.arch !== 'x64'
    ? 'the .deb is built on Linux x64'
    : !onPath('dpkg-deb') || !onPath('dpkg-shlibdeps')
      ? 'no dpkg-deb or dpkg-shlibdeps (npm run setup installs dpkg-dev on Debian)'
      : null;
const skipped = (why: string | null) => (why ? ` (skipped: ${why})` : '');

beforeAll(async () => {
  if (noBuild) return;
  scratch = await folders.make();
  const built = await execFileAsync(process.execPath, ['agent/packaging/deb/build.mjs']);
  deb = path.resolve(/^Built (.+\.deb)$/m.exec(built.stdout)![1]!);
}, 120_000);

const noLintian = noBuild ?? (onPath('lintian') ? null : 'no lintian (npm run setup installs it)');
describe.skipIf(noLintian !== null)(`the .deb, as lintian sees it${skipped(noLintian)}`, () => {
  it('is named for the agent version and holds what its control file says', async () => {
    expect(path.basename(deb)).toMatch(
      new RegExp(`^deskside-agent_${AGENT_VERSION}-\\d+_amd64\\.deb$`),
    );
    const { stdout } = await execFileAsync('dpkg-deb', ['--field', deb]);
    expect(stdout).toMatch(/^Package: deskside-agent$/m);
    expect(stdout).toMatch(/^Architecture: amd64$/m);
    expect(stdout).toMatch(/^Depends: .*libc6 \(>= 2\.\d+\)/m);
    const conffiles = await execFileAsync('dpkg-deb', ['--ctrl-tarfile', deb]).then(() =>
      execFileAsync('sh', ['-c', `dpkg-deb --info "$1" conffiles`, 'sh', deb]),
    );
    expect(conffiles.stdout.trim()).toBe(CONFIG);
  });

  it('has no lintian error or warning but the overrides it explains', async () => {
    const run = await execFileAsync('lintian', [
      '--allow-root',
      '--pedantic',
      '--show-overrides',
      deb,
      // It exits 2 when it shows an overridden error: its output is the verdict here.
    ]).catch((error: unknown) => error as { stdout: string });
    const tags = run.stdout.split('\n').filter((line) => /^[EWIPO]: /.test(line));
    expect(tags.filter((line) => /^[EW]: /.test(line))).toEqual([]);
    const overrides = readFileSync('agent/packaging/deb/lintian-overrides', 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(tags.filter((line) => line.startsWith('O: ')).map((line) => line.slice(3))).toEqual(
      expect.arrayContaining(overrides),
    );
    // Without --show-overrides, lintian's own verdict: nothing at error level.
    await expect(execFileAsync('lintian', ['--allow-root', deb])).resolves.toBeDefined();
  }, 300_000);
});

const noInstall = noBuild ?? whyNoInstall();
describe.skipIf(noInstall !== null)(`installed with dpkg${skipped(noInstall)}`, () => {
  let agent: RunningAgent | undefined;
  let command: AgentCommand;

  beforeAll(async () => {
    await dpkg('-i', deb);
    const [, , uid, gid] = account(PACKAGE)!;
    command = { program: BINARY, args: [], uid: Number(uid), gid: Number(gid) };
  }, 60_000);
  // Whatever failed above: no agent left running, and nothing of the package left behind.
  afterAll(async () => {
    await agent?.stop();
    if (packageStatus() !== null) await dpkg('--purge', PACKAGE);
  }, 60_000);

  it('creates the agent’s unprivileged account and its data folder', () => {
    const [, , uid, , , home, shell] = account(PACKAGE)!;
    expect(Number(uid)).toBeGreaterThan(0);
    expect(Number(uid)).toBeLessThan(1000);
    expect(home).toBe(DATA_DIR);
    expect(shell).toBe('/usr/sbin/nologin');
    expect(groupExists(PACKAGE)).toBe(true);
    const data = statSync(DATA_DIR);
    expect(data.uid).toBe(Number(uid));
    expect(mode(DATA_DIR)).toBe('0750');
  });

  it('installs the executable, the sandboxed unit (enabled) and the config as a conffile', () => {
    expect(mode(BINARY)).toBe('0755');
    expect(statSync(BINARY).uid).toBe(0);
    const unit = readFileSync(UNIT, 'utf8');
    expect(mode(UNIT)).toBe('0644');
    expect(unit).toContain(`ExecStart="${BINARY}" "serve" "--config" "${CONFIG}"`);
    expect(unit).toMatch(/^User=deskside-agent$/m);
    expect(unit).toMatch(/^ProtectSystem=strict$/m);
    expect(unit).toMatch(/^CapabilityBoundingSet=$/m);
    expect(unit).toMatch(/^StateDirectoryMode=0750$/m);
    expect(lstatSync(WANTS).isSymbolicLink()).toBe(true);
    expect(mode(CONFIG)).toBe('0644');
    expect(statSync(CONFIG).uid).toBe(0);
    expect(JSON.parse(readFileSync(CONFIG, 'utf8'))).toEqual({
      address: '0.0.0.0',
      port: 7443,
      dataDir: DATA_DIR,
    });
    const conffiles = spawnSync('dpkg-query', ['-W', '-f=${Conffiles}', PACKAGE], {
      encoding: 'utf8',
    }).stdout;
    expect(conffiles).toContain(CONFIG);
  });

  it('runs as its account with the installed config, answers and pairs', async () => {
    agent = await startAgent({
      command,
      token: null,
      dataDir: DATA_DIR,
      // The installed config, on 127.0.0.1 and a free port instead of the LAN's 7443.
      extraArgs: ['--config', CONFIG],
    });
    const health = await agentRequest(agent, '/v1/health');
    expect(AgentHealthSchema.parse(JSON.parse(health.body)).agentVersion).toBe(AGENT_VERSION);
    const { credential } = await pairWith(agent, command);
    const reply = await agentRequest(agent, '/v1/inventory?sections=os,software', {
      credential,
    });
    expect(reply.status, reply.body).toBe(200);
    const document = InventoryV2Schema.parse(JSON.parse(reply.body));
    expect(document.problems).toEqual([]);
    expect(document.software?.programs.some((p) => p.name === PACKAGE)).toBe(true);
    // `sudo deskside-agent pair`, as the manual says: root's code works too.
    await pairWith(agent, { program: BINARY, args: [] }, 'paired by root');
    // Everything it wrote belongs to its account, not to root.
    const owners = readdirSync(DATA_DIR).map((file) => [
      file,
      statSync(path.join(DATA_DIR, file)).uid,
    ]);
    expect(owners).toContainEqual(['agent-cert.pem', command.uid]);
    expect(owners.filter(([, uid]) => uid !== command.uid)).toEqual([]);
    await agent.stop();
    agent = undefined;
    // Nor does its inventory refresh child outlive it.
    await expect.poll(() => processesOf(command.uid!), { timeout: 5_000 }).toEqual([]);
  });

  it('dpkg -i of a newer version keeps the changed config and the data', async () => {
    // An earlier test that failed half-way may have left its agent running as the account.
    await agent?.stop();
    agent = undefined;
    const certificate = readFileSync(path.join(DATA_DIR, 'agent-cert.pem'), 'utf8');
    const changed = { address: '127.0.0.1', port: 7444, dataDir: DATA_DIR };
    writeFileSync(CONFIG, `${JSON.stringify(changed)}\n`);
    await dpkg('-i', await repackAs(deb, `${AGENT_VERSION}-999`));
    expect(packageStatus()).toBe('install ok installed');
    expect(installedVersion()).toBe(`${AGENT_VERSION}-999`);
    expect(JSON.parse(readFileSync(CONFIG, 'utf8'))).toEqual(changed);
    expect(readFileSync(path.join(DATA_DIR, 'agent-cert.pem'), 'utf8')).toBe(certificate);
    expect(mode(DATA_DIR)).toBe('0750');
    expect(existsSync(BINARY)).toBe(true);
  }, 120_000);

  it('dpkg -r removes the program and keeps the config, the data and the account', async () => {
    await dpkg('--remove', PACKAGE);
    expect(packageStatus()).toBe('deinstall ok config-files');
    expect(existsSync(BINARY)).toBe(false);
    expect(existsSync(UNIT)).toBe(false);
    expect(existsSync(CONFIG)).toBe(true);
    expect(existsSync(path.join(DATA_DIR, 'agent-cert.pem'))).toBe(true);
    expect(account(PACKAGE)).not.toBeNull();
    // Masked, so a leftover enablement cannot start what is gone.
    expect(readlinkSync(MASK)).toBe('/dev/null');
  });

  it('dpkg -P removes the config, the data folder and the account', async () => {
    await dpkg('--purge', PACKAGE);
    expect(packageStatus()).toBeNull();
    expect(existsSync(path.dirname(CONFIG))).toBe(false);
    expect(existsSync(DATA_DIR)).toBe(false);
    expect(account(PACKAGE)).toBeNull();
    expect(groupExists(PACKAGE)).toBe(false);
    expect(existsSync(WANTS)).toBe(false);
    expect(() => lstatSync(MASK)).toThrow(/ENOENT/);
  });
});
