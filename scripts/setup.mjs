// `npm run setup`: everything a fresh clone needs, here and on a developer's laptop.
// - installs the npm packages (again only when package-lock.json changed);
// - fetches Electron's binary where its download host is reachable, and otherwise says
//   that `npm start` will use browser mode (never failing the set-up for it);
// - where Electron is present, builds better-sqlite3 for Electron's ABI beside Node's;
// - makes sure the end-to-end tests have a Chromium.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

// 1. npm packages. Electron's own download is done in step 2, where its failure is not fatal.
const stampFile = path.join('node_modules', '.deskside-setup');
const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === lockHash) {
  step('npm packages are up to date');
} else {
  step('Installing npm packages (npm ci)');
  const status = run(npm, ['ci'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (status !== 0) process.exit(status ?? 1);
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

// 4. A Chromium for the end-to-end tests: Debian's where installed, else Playwright's own.
if (!existsSync(process.env.DESKSIDE_CHROMIUM ?? '/usr/bin/chromium')) {
  step('Installing Chromium for the end-to-end tests (Playwright)');
  if (
    run(process.execPath, ['node_modules/@playwright/test/cli.js', 'install', 'chromium']) !== 0
  ) {
    console.log(
      'Chromium could not be installed: install your distribution’s chromium package, or set DESKSIDE_CHROMIUM.',
    );
  }
}

console.log(
  '\nSet-up done. `npm start` runs the console; `npm run check` runs every check and test.',
);
