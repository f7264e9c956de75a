// Builds the agent as one self-contained executable, for computers without Node.js: a
// Node.js single executable application (SEA), agent/dist/sea/deskside-agent (.exe on
// Windows). Node 20 runs one CommonJS script in a SEA, so this is a second esbuild build of
// the same entry: CommonJS, no split-off files, every package inlined. Then the steps of
// Node's SEA documentation: the preparation blob, a copy of this node executable, the blob
// injected into it with postject. Build on each target OS (the executable is this node).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { commonOptions } from './esbuild-shared.mjs';

/** The fuse Node's SEA loader looks for; postject flips it when it injects the blob. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const outDir = path.resolve('agent/dist/sea');
const workDir = path.join(outDir, 'build');
const script = path.join(workDir, 'deskside-agent.cjs');
const blob = path.join(workDir, 'sea-prep.blob');
const configFile = path.join(workDir, 'sea-config.json');
const executable = path.join(
  outDir,
  process.platform === 'win32' ? 'deskside-agent.exe' : 'deskside-agent',
);

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });
mkdirSync(workDir, { recursive: true });

const bundled = await build({
  ...commonOptions,
  metafile: true,
  outfile: script,
  format: 'cjs',
  splitting: false,
  // No import.meta in CommonJS; nothing of ours needs it, but a package might.
  define: { 'import.meta.url': '__deskside_import_meta_url' },
  banner: {
    js: "const __deskside_import_meta_url = require('node:url').pathToFileURL(__filename).href;",
  },
});

/**
 * The npm packages inside the executable, with their versions and licenses, for whoever
 * ships it (the Debian package's copyright file lists them).
 */
function bundledPackages(metafile) {
  const found = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/((?:@[^/]+\/)?[^/]+))\//.exec(input);
    if (!match || found.has(match[1])) continue;
    const manifest = JSON.parse(readFileSync(path.join(match[1], 'package.json'), 'utf8'));
    found.set(match[1], {
      name: manifest.name,
      version: manifest.version,
      license: manifest.license,
    });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
writeFileSync(
  path.join(outDir, 'bundled-packages.json'),
  `${JSON.stringify(bundledPackages(bundled.metafile), null, 2)}\n`,
);

writeFileSync(
  configFile,
  `${JSON.stringify(
    {
      main: script,
      output: blob,
      disableExperimentalSEAWarning: true,
      // V8's compiled code goes into the blob too: the executable starts faster.
      useCodeCache: true,
    },
    null,
    2,
  )}\n`,
);
execFileSync(process.execPath, ['--experimental-sea-config', configFile], { stdio: 'inherit' });

copyFileSync(process.execPath, executable);
chmodSync(executable, 0o755);
const run = (program, args) => execFileSync(program, args, { stdio: 'inherit' });
if (process.platform === 'darwin') {
  // The copy's signature would no longer match once the blob is in; signed again below.
  run('codesign', ['--remove-signature', executable]);
} else if (process.platform === 'win32') {
  // node.exe is signed and the signature would be broken by the blob: removed here (Windows
  // SDK's signtool), and the result signed with the organisation's certificate afterwards.
  try {
    run('signtool', ['remove', '/s', executable]);
  } catch (error) {
    console.warn(`build-sea: node.exe's signature not removed, signtool failed (${error.message})`);
  }
} else if (process.platform === 'linux') {
  // Node's debugging symbols are of no use on an employee's PC (about 12 MB). Before the
  // blob goes in, so strip never touches it; skipped where binutils is missing.
  try {
    run('strip', ['--strip-all', executable]);
  } catch (error) {
    console.warn(`build-sea: not stripped (${error.message})`);
  }
}
// postject's CLI in a process of its own: its ELF library warns once per note section of
// node's (harmless, "Can't find string offset for section name '.note...'"), which is kept
// out of the build's output; anything else it prints is shown.
const injected = spawnSync(
  process.execPath,
  [
    createRequire(import.meta.url).resolve('postject/dist/cli.js'),
    executable,
    'NODE_SEA_BLOB',
    blob,
    '--sentinel-fuse',
    SEA_FUSE,
    ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : []),
  ],
  { encoding: 'utf8' },
);
const said = `${injected.stdout}${injected.stderr}`
  .split('\n')
  .filter(
    (line) =>
      line.trim() && !/^warning: Can't find string offset for section name '\.note/.test(line),
  );
if (said.length > 0) console.log(said.join('\n'));
if (injected.status !== 0) throw new Error(`postject failed (exit ${injected.status})`);
if (process.platform === 'darwin') run('codesign', ['--sign', '-', executable]);
rmSync(workDir, { recursive: true, force: true });

console.log(
  `Built ${path.relative(process.cwd(), executable)} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
