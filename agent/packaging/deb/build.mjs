// Builds the Debian package of the agent, agent/dist/deskside-agent_<version>_amd64.deb, from
// the self-contained executable (build it first: `npm run package:agent-deb` does both).
// The package holds /usr/bin/deskside-agent, the systemd unit that `install-service` would
// write (the same generator), the config file as a conffile, and maintainer scripts that
// create the agent's account and data folder and enable the service. Debian's own tools
// only: dpkg-deb, dpkg-shlibdeps (dpkg-dev) for the libraries the executable needs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const here = path.dirname(fileURLToPath(import.meta.url));
const agentDir = path.resolve(here, '../..');
const dist = path.join(agentDir, 'dist');
const executable = path.join(dist, 'sea', 'deskside-agent');
const load = (file) => tsImport(path.join(agentDir, 'src', file), import.meta.url);
const { defaultServiceOptions, initialConfig, SERVICE_NAME } = await load('service/plan.ts');
const { createSystemUser, STATE_DIRECTORY, systemdUnit } = await load('service/systemd.ts');

const MAINTAINER =
  process.env.DESKSIDE_DEB_MAINTAINER ?? 'Deskside maintainers <deskside@example.org>';
const DATA_DIR_MODE = '0750';
const UNIT_FILE = `lib/systemd/system/${SERVICE_NAME}.service`;
const DOC_DIR = `usr/share/doc/${SERVICE_NAME}`;

if (process.platform !== 'linux' || process.arch !== 'x64') {
  throw new Error('The .deb is built on Linux x64: the executable inside is this machine’s node');
}
if (!existsSync(executable)) {
  throw new Error(`${executable} is missing: run \`npm run build:agent-exe\` first`);
}

// The package's version is the agent's and a Debian revision (-1, -2 for a packaging change
// alone), from the changelog's first entry, which must be of this agent version.
const agentVersion = JSON.parse(readFileSync(path.join(agentDir, 'package.json'), 'utf8')).version;
const changelog = readFileSync(path.join(here, 'changelog'), 'utf8');
const version = /^\S+ \(([^)]+)\)/.exec(changelog)?.[1] ?? '';
if (!version.startsWith(`${agentVersion}-`)) {
  throw new Error(
    `agent/packaging/deb/changelog starts at ${version || 'nothing'}, the agent is ${agentVersion}: add an entry for ${agentVersion}-1`,
  );
}

// The copyright year and the manual's date come from the changelog: the same sources give
// the same package, whenever it is built.
const changelogDate = /^ -- .+? {2}(.+)$/m.exec(changelog)?.[1];
const changelogYear = changelogDate ? new Date(changelogDate).getUTCFullYear() : NaN;
if (!Number.isInteger(changelogYear)) throw new Error('the changelog entry has no date line');

const options = {
  ...defaultServiceOptions('linux'),
  platform: 'linux',
  node: `/usr/bin/${SERVICE_NAME}`,
  script: null,
  dataDir: STATE_DIRECTORY,
  address: '0.0.0.0',
  port: 7443,
};

const root = path.join(dist, 'deb-root');
rmSync(root, { recursive: true, force: true });
const put = (file, content, mode = 0o644) => {
  const full = path.join(root, file);
  mkdirSync(path.dirname(full), { recursive: true, mode: 0o755 });
  writeFileSync(full, content);
  chmodSync(full, mode);
};

// The files the package installs.
mkdirSync(path.join(root, 'usr/bin'), { recursive: true });
copyFileSync(executable, path.join(root, 'usr/bin', SERVICE_NAME));
chmodSync(path.join(root, 'usr/bin', SERVICE_NAME), 0o755);
put(
  UNIT_FILE,
  systemdUnit(options, {
    comment: `# Installed by the ${SERVICE_NAME} package; removing the package removes it.`,
    dataDirMode: DATA_DIR_MODE,
  }),
);
const configFile = options.configFile.replace(/^\//, '');
put(configFile, initialConfig(options));
put(`${DOC_DIR}/copyright`, copyright());
// gzip -9n: no file name or time stamp inside, so the same changelog gives the same bytes.
put(`${DOC_DIR}/changelog.Debian.gz`, gzipSync(changelog, { level: 9 }).fill(0, 4, 8));
put(`usr/share/man/man1/${SERVICE_NAME}.1.gz`, gzipSync(manualPage(), { level: 9 }).fill(0, 4, 8));
put(
  `usr/share/lintian/overrides/${SERVICE_NAME}`,
  readFileSync(path.join(here, 'lintian-overrides')),
);

// The package's own metadata.
const scripts = {
  USER: options.user,
  DATA_DIR: options.dataDir,
  DATA_DIR_MODE,
  SERVICE: `${SERVICE_NAME}.service`,
  CREATE_USER: createSystemUser(options.user, options.dataDir).join(' '),
};
for (const name of ['postinst', 'prerm', 'postrm']) {
  const text = readFileSync(path.join(here, name), 'utf8').replace(/@([A-Z_]+)@/g, (all, key) => {
    if (!Object.hasOwn(scripts, key)) throw new Error(`${name}: no value for ${all}`);
    return scripts[key];
  });
  put(`DEBIAN/${name}`, text, 0o755);
}
put('DEBIAN/conffiles', `/${configFile}\n`);
const files = listFiles(root).filter((file) => !file.startsWith('DEBIAN/'));
put(
  'DEBIAN/md5sums',
  files
    .map(
      (file) =>
        `${createHash('md5')
          .update(readFileSync(path.join(root, file)))
          .digest('hex')}  ${file}\n`,
    )
    .join(''),
);
const installedKiB = files.reduce(
  (sum, file) => sum + Math.ceil(statSync(path.join(root, file)).size / 1024),
  0,
);
put(
  'DEBIAN/control',
  [
    `Package: ${SERVICE_NAME}`,
    `Version: ${version}`,
    'Architecture: amd64',
    `Maintainer: ${MAINTAINER}`,
    `Installed-Size: ${installedKiB}`,
    `Depends: ${libraryDependencies()}, passwd`,
    'Section: admin',
    'Priority: optional',
    'Description: Deskside diagnostics agent',
    " Answers the Deskside service-desk console over HTTPS with this computer's",
    ' read-only inventory and the results of diagnostic checks. It runs as a',
    ' systemd service under its own unprivileged account; consoles are admitted',
    ' by pairing (deskside-agent pair). Node.js is built into the executable.',
    '',
  ].join('\n'),
);

const output = path.join(dist, `${SERVICE_NAME}_${version}_amd64.deb`);
rmSync(output, { force: true });
// --root-owner-group: every file root's, without fakeroot. xz at level 1: measured here, 15%
// larger than the default level 6 (26 MB against 22 MB) in a sixth of the time (9 s, 57 s).
execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '-z1', '--build', root, output], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
rmSync(root, { recursive: true, force: true });
console.log(`Built ${path.relative(process.cwd(), output)}`);

/**
 * deskside-agent(1), from the executable's own help (every command's), so the manual says
 * what this build does.
 */
function manualPage() {
  const help = (args) =>
    execFileSync(executable, [...args, '--help'], {
      encoding: 'utf8',
      env: { ...process.env, COLUMNS: '78' },
    });
  const commands = [...help([]).matchAll(/^ {2}([a-z][a-z-]+)(?: \[| {2,})/gm)]
    .map((match) => match[1])
    .filter((name) => name !== 'help');
  /** Text as roff reads it, kept as typed (no filling, no hyphenation). */
  const literal = (text) =>
    text
      .replace(/\u2019/g, "'")
      .replace(/\\/g, '\\e')
      .replace(/-/g, '\\-')
      .split('\n')
      .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
      .join('\n')
      .trimEnd();
  const date = new Date(changelogDate).toISOString().slice(0, 10);
  return [
    `.TH DESKSIDE\\-AGENT 1 ${date} "deskside-agent ${agentVersion}" "Deskside"`,
    '.SH NAME',
    'deskside\\-agent \\- Deskside diagnostics agent',
    '.SH SYNOPSIS',
    '.B deskside\\-agent',
    '.I command',
    '.RI [ options ]',
    '.SH DESCRIPTION',
    "The agent answers the Deskside console over HTTPS with this computer's read\\-only",
    'inventory and the results of diagnostic checks. Installed from this package it runs as',
    'the systemd service deskside\\-agent.service under the account deskside\\-agent.',
    'A console is admitted with a one\\-time code from',
    '.BR "deskside\\-agent pair" ,',
    'run as that account:',
    '.B runuser \\-u deskside\\-agent \\-\\- deskside\\-agent pair',
    '.SH COMMANDS',
    ...commands.flatMap((command) => [
      `.SS ${command}`,
      '.nf',
      literal(help([command]).replace(/^Usage: .*\n\n?/, '')),
      '.fi',
    ]),
    '.SH FILES',
    '.TP',
    `.I ${options.configFile.replace(/-/g, '\\-')}`,
    'The configuration (JSON); kept when the package is removed, deleted when it is purged.',
    '.TP',
    `.I ${options.dataDir.replace(/-/g, '\\-')}`,
    'The certificate, paired consoles and audit log; deleted when the package is purged.',
    '.SH SEE ALSO',
    '.BR systemctl (1),',
    '.BR journalctl (1)',
    '',
  ].join('\n');
}

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

/** The shared libraries the executable links, as Debian package names (dpkg-shlibdeps). */
function libraryDependencies() {
  const work = path.join(dist, 'deb-shlibs');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'debian'), { recursive: true });
  writeFileSync(
    path.join(work, 'debian', 'control'),
    `Source: ${SERVICE_NAME}\n\nPackage: ${SERVICE_NAME}\nArchitecture: amd64\n`,
  );
  const printed = execFileSync('dpkg-shlibdeps', ['-O', `-e${executable}`], {
    cwd: work,
    encoding: 'utf8',
    // Its warnings (libraries node links without using) are about node's build, not ours.
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  rmSync(work, { recursive: true, force: true });
  const depends = /^shlibs:Depends=(.+)$/m.exec(printed)?.[1];
  if (!depends) throw new Error(`dpkg-shlibdeps printed no dependencies: ${printed}`);
  return depends.trim();
}

/** debian/copyright (machine-readable format 1.0): the agent, Node.js, the npm packages. */
function copyright() {
  const packages = JSON.parse(
    readFileSync(path.join(dist, 'sea', 'bundled-packages.json'), 'utf8'),
  );
  const nodeLicense = readFileSync(path.join(here, 'node-license-summary.txt'), 'utf8').trimEnd();
  return [
    'Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/',
    `Upstream-Name: ${SERVICE_NAME}`,
    '',
    'Files: *',
    `Copyright: ${changelogYear} the Deskside authors`,
    'License: proprietary',
    ' All rights reserved by the Deskside authors; distributed to the computers of',
    ' the organisation that runs Deskside.',
    '',
    'Files: usr/bin/deskside-agent',
    'Copyright: Node.js contributors and the authors of its dependencies;',
    ' the authors of the npm packages listed below;',
    ` ${changelogYear} the Deskside authors`,
    'License: proprietary and Expat and others',
    ` The executable is Node.js ${process.version} with the agent inside it.`,
    nodeLicense
      .split('\n')
      .map((line) => (line.trim() === '' ? ' .' : ` ${line}`))
      .join('\n'),
    ' .',
    ' npm packages inside the agent (name, version, license):',
    ...packages.map((p) => ` ${p.name} ${p.version} (${p.license ?? 'see its package'})`),
    '',
  ].join('\n');
}
