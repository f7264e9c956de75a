/**
 * The packaging configuration as electron-builder reads it, and electron-builder's own file
 * matchers over it: what the tests of test/packaging hold against the build output.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'app-builder-lib';
import * as fileMatchers from 'app-builder-lib/out/fileMatcher.js';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CONFIG_FILES = ['electron-builder.yml', 'electron-builder.per-machine.yml'] as const;

/** A config file merged with the files it extends, as `electron-builder -c <file>` reads it. */
export function loadConfig(file: string): Promise<Configuration> {
  return getConfig(ROOT, file, null);
}

const asIs = (pattern: string): string => pattern;

/** Two functions app-builder-lib marks internal, so its typings leave them out. */
const { getMainFileMatchers, getNodeModuleFileMatcher } = fileMatchers as unknown as {
  getMainFileMatchers: (
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ) => FileMatcher[];
  getNodeModuleFileMatcher: (
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformSpecificBuildOptions: object,
    packager: object,
  ) => FileMatcher;
};

/**
 * electron-builder's filter for the app's own files: the `files` patterns with the defaults it
 * adds (node_modules, the output and build resources folders, source-control files and
 * the like are left out), from `getMainFileMatchers`, which takes this much of a packager.
 */
export function appFileFilter(config: Configuration): (relative: string) => boolean {
  const packager = {
    info: {
      projectDir: ROOT,
      buildResourcesDir: config.directories?.buildResources ?? 'build',
      config,
      isPrepackedAppAsar: false,
      debugLogger: { isEnabled: false },
    },
  };
  const matchers = getMainFileMatchers(
    ROOT,
    '/app',
    asIs,
    {},
    packager,
    path.join(ROOT, config.directories?.output ?? 'dist'),
    false,
  );
  const [matcher] = matchers;
  if (!matcher || matchers.length !== 1) throw new Error('Expected one file set in `files`');
  return fileFilter(matcher.createFilter(), ROOT);
}

/** electron-builder's filter for the files of a packed module: all of them less the exclusions of `files`. */
export function nodeModuleFileFilter(config: Configuration): (relative: string) => boolean {
  const matcher = getNodeModuleFileMatcher(
    ROOT,
    '/app',
    asIs,
    {},
    {
      config,
      debugLogger: { isEnabled: false },
    },
  );
  return fileFilter(matcher.createFilter(), ROOT);
}

/** Whether a packed file (path inside the archive) is written beside it by `asarUnpack`. */
export function unpackedFilter(config: Configuration): (relative: string) => boolean {
  const matcher = new FileMatcher(ROOT, '/app', asIs, config.asarUnpack ?? []);
  return fileFilter(matcher.createFilter(), ROOT);
}

function fileFilter(
  filter: ReturnType<FileMatcher['createFilter']>,
  from: string,
): (relative: string) => boolean {
  return (relative) => {
    const absolute = path.join(from, relative);
    const stat: Stats = existsSync(absolute) ? statSync(absolute) : FILE_STAT;
    return filter(absolute, stat);
  };
}

/** For paths that need not exist (sources the test names): a plain file's. */
const FILE_STAT = statSync(path.join(ROOT, 'package.json'));

/** Every file under a folder, relative to ROOT, with forward slashes. */
export function filesUnder(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    );
}

/**
 * The packaging tests read the build output: `npm run build` (a few seconds) when it is
 * missing or older than the sources it was built from.
 */
export function ensureBuilt(): void {
  const main = path.join(ROOT, 'dist/electron/main.cjs');
  const built = existsSync(main) ? statSync(main).mtimeMs : 0;
  const newest = Math.max(
    ...['electron', 'core/src', 'renderer/src', 'package.json'].flatMap((folder) => {
      const absolute = path.join(ROOT, folder);
      if (statSync(absolute).isFile()) return [statSync(absolute).mtimeMs];
      return filesUnder(folder).map((file) => statSync(path.join(ROOT, file)).mtimeMs);
    }),
  );
  if (built >= newest && existsSync(path.join(ROOT, 'dist/renderer/index.html'))) return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

export const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/**
 * The folders of the modules `dependencies` needs at run time, found as Node finds them
 * (nested folders first), with the optional ones that are installed: what electron-builder
 * collects from node_modules. Relative to ROOT, e.g. `node_modules/make-dir/node_modules/semver`.
 */
export function productionModules(): string[] {
  const found = new Map<string, string>();
  const visit = (name: string, from: string): void => {
    let folder = from;
    for (;;) {
      const candidate = path.join(folder, 'node_modules', name);
      if (existsSync(path.join(candidate, 'package.json'))) {
        const relative = path.relative(ROOT, candidate).split(path.sep).join('/');
        if (found.has(relative)) return;
        found.set(relative, candidate);
        const manifest = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as {
          dependencies?: Record<string, string>;
          optionalDependencies?: Record<string, string>;
        };
        const needs = { ...manifest.dependencies, ...manifest.optionalDependencies };
        for (const dependency of Object.keys(needs)) visit(dependency, candidate);
        return;
      }
      if (folder === ROOT) return; // an optional dependency that is not installed
      folder = path.dirname(folder);
    }
  };
  for (const name of Object.keys(packageJson.dependencies)) visit(name, ROOT);
  return [...found.keys()].sort();
}

/** A fuse's byte in the wire: '1' on, 'r' removed by Electron ('0' off). */
const FUSE_ENABLED = 0x31;
const FUSE_REMOVED = 0x72;

/** The fuses of a packaged Electron binary by electronFuses' names: on, off, or removed. */
export async function readFuses(binary: string): Promise<Record<string, boolean | 'removed'>> {
  const wire = await getCurrentFuseWire(binary);
  const fuses: Record<string, boolean | 'removed'> = {};
  for (const [index, state] of Object.entries(wire)) {
    const name = FuseV1Options[Number(index)];
    if (index === 'version' || name === undefined) continue;
    const byte = Number(state);
    fuses[name.charAt(0).toLowerCase() + name.slice(1)] =
      byte === FUSE_REMOVED ? 'removed' : byte === FUSE_ENABLED;
  }
  return fuses;
}

/** The Electron binaries of the packages `electron-builder --dir` or `npm run dist` left. */
export function packagedBinaries(output = path.join(ROOT, 'dist/packages')): string[] {
  return [
    'linux-unpacked/deskside',
    'linux-arm64-unpacked/deskside',
    'win-unpacked/Deskside.exe',
    'win-arm64-unpacked/Deskside.exe',
    'mac/Deskside.app',
    'mac-arm64/Deskside.app',
  ]
    .map((binary) => path.join(output, binary))
    .filter((binary) => existsSync(binary));
}
