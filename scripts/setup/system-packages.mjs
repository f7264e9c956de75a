// Programs the tests drive that npm cannot ship (Chromium, OpenSSH's server; a NATS server
// or a mail server as the tests come to need them), installed through the
// distribution's package manager where this user may use it: as root, or with sudo that
// needs no password. Nothing here asks a question: set-up runs unattended in CI.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Arch names some packages differently from Debian, Fedora and openSUSE. */
const PACMAN_NAMES = { 'openssh-server': 'openssh' };

/** How each package manager installs without asking (packages by their Debian names). */
const MANAGERS = [
  {
    command: 'apt-get',
    // The package lists may be missing or stale on a fresh machine: refreshed once a run.
    prepare: ['apt-get', 'update', '-qq'],
    install: (packages) => ['apt-get', 'install', '-y', '-qq', ...packages],
    env: { DEBIAN_FRONTEND: 'noninteractive' },
  },
  { command: 'dnf', install: (packages) => ['dnf', 'install', '-y', ...packages] },
  {
    command: 'zypper',
    install: (packages) => ['zypper', '--non-interactive', 'install', ...packages],
  },
  {
    command: 'pacman',
    install: (packages) => [
      'pacman',
      '-S',
      '--noconfirm',
      '--needed',
      ...packages.map((name) => PACMAN_NAMES[name] ?? name),
    ],
  },
];

/** Whether `command` is a file in one of PATH's folders. */
export function onPath(command) {
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && existsSync(path.join(dir, command)));
}

/** The package manager of this Linux distribution, or null (macOS, Windows, unknown). */
export function packageManager() {
  if (process.platform !== 'linux') return null;
  return MANAGERS.find((manager) => onPath(manager.command)) ?? null;
}

/** `[]` as root, `['sudo', '-n']` where sudo needs no password, else null. */
function administrator() {
  if (process.getuid?.() === 0) return [];
  if (onPath('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) {
    return ['sudo', '-n'];
  }
  return null;
}

/** The command a person would type to install `packages`, for messages. */
export function installCommand(manager, packages) {
  const words = manager.install(packages);
  return [...(process.getuid?.() === 0 ? [] : ['sudo']), ...words].join(' ');
}

let prepared = false;

/**
 * Installs `packages` with the distribution's package manager. Returns true when it ran
 * and succeeded, false when it could not be used (no manager, no rights) or failed.
 */
export function installPackages(packages) {
  const manager = packageManager();
  const sudo = administrator();
  if (!manager || !sudo) return false;
  const run = (words) => {
    console.log(`$ ${[...sudo, ...words].join(' ')}`);
    const env = manager.env ? ['env', ...envWords(manager.env)] : [];
    const [command, ...args] = [...sudo, ...env, ...words];
    return spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] }).status === 0;
  };
  if (manager.prepare && !prepared) {
    prepared = true;
    if (!run(manager.prepare)) return false;
  }
  return run(manager.install(packages));
}

function envWords(env) {
  return Object.entries(env).map(([name, value]) => `${name}=${value}`);
}
