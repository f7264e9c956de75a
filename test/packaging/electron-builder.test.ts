import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIG_FILES,
  ROOT,
  appFileFilter,
  ensureBuilt,
  filesUnder,
  loadConfig,
  nodeModuleFileFilter,
  packageJson,
  packagedBinaries,
  readFuses,
  unpackedFilter,
} from './builder-config';

const SCHEMA = JSON.parse(
  readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object;
// electron-builder's own options (app-builder-lib's schemaValidator), without type coercion:
// a quoted "true" is a mistake in a file we write, not something to convert.
const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);
const readYaml = (file: string): Record<string, unknown> =>
  parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;
const noLog = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];

describe("the packaging configuration against electron-builder's schema", () => {
  it.each(CONFIG_FILES)('%s matches scheme.json', (file) => {
    expect(validate(readYaml(file)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it.each(CONFIG_FILES)(
    '%s, merged with what it extends, passes electron-builder',
    async (file) => {
      await expect(validateConfiguration(await loadConfig(file), noLog)).resolves.toBeUndefined();
    },
  );

  it('refuses a misspelt option, at the top and inside a target', () => {
    const config = readYaml('electron-builder.yml');
    expect(validate({ ...config, asarUnpak: ['**/*.node'] })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ params: { additionalProperty: 'asarUnpak' } }),
    );
    expect(validate({ ...config, nsis: { oneClick: true, perMachin: true } })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/nsis',
        params: { additionalProperty: 'perMachin' },
      }),
    );
    expect(validate({ ...config, electronFuses: { runAsNode: 'no' } })).toBe(false);
  });
});

describe('installers an IT department can deploy', () => {
  it('builds a per-user and a per-machine Windows installer under different names', async () => {
    const perUser = await loadConfig('electron-builder.yml');
    const perMachine = await loadConfig('electron-builder.per-machine.yml');
    expect(perUser.nsis).toMatchObject({ oneClick: true, perMachine: false });
    expect(perMachine.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
    });
    expect(perUser.nsis?.artifactName).toContain('per-user');
    expect(perMachine.nsis?.artifactName).toContain('per-machine');
    // The per-machine file changes the Windows installer and nothing else.
    expect({ ...perMachine, nsis: perUser.nsis, extends: undefined }).toEqual({
      ...perUser,
      extends: undefined,
    });
  });

  it('names every artifact with the version, the OS and the architecture', async () => {
    const config = await loadConfig('electron-builder.yml');
    const names = [config.artifactName, config.nsis?.artifactName];
    for (const name of names) {
      expect(name).toMatch(/^\$\{productName\}-\$\{version\}-(\$\{os\}|win)-\$\{arch\}/);
    }
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.deb?.maintainer).toMatch(/<.+@.+>/);
    expect(config.deb?.depends).toContain('libsecret-1-0');
  });
});

describe('fuses', () => {
  it('flips exactly the fuses that lock the packaged console down', async () => {
    const config = await loadConfig('electron-builder.yml');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar would leave the console nothing to load without the archive.
    expect(config.asar).toBe(true);
  });

  const binaries = packagedBinaries();
  it.skipIf(binaries.length === 0)(
    binaries.length === 0
      ? "are read back from a package in dist/packages: none here, as Electron's binary cannot be downloaded on this machine (`npm run dist` elsewhere)"
      : 'are flipped in every package in dist/packages',
    async () => {
      const config = await loadConfig('electron-builder.yml');
      for (const binary of binaries) {
        expect(await readFuses(binary), binary).toMatchObject(config.electronFuses ?? {});
      }
    },
  );
});

describe('the files packed from the build output', () => {
  let config: Configuration;
  let packed: (relative: string) => boolean;
  beforeAll(async () => {
    ensureBuilt();
    config = await loadConfig('electron-builder.yml');
    packed = appFileFilter(config);
  }, 120_000);

  it('packs the main script, the preload, the page and every asset it loads', () => {
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'package.json']) {
      expect(packed(file), file).toBe(true);
    }
    const renderer = filesUnder('dist/renderer').filter((file) => !file.endsWith('.map'));
    expect(renderer).toContain('dist/renderer/index.html');
    expect(renderer.filter((file) => !packed(file))).toEqual([]);
    const html = readFileSync(path.join(ROOT, 'dist/renderer/index.html'), 'utf8');
    const loaded = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map(
      ([, asset]) => `dist/renderer/${asset ?? ''}`,
    );
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((file) => !packed(file))).toEqual([]);
  });

  it('leaves out source maps, sources, the browser-mode host, tests and tooling', () => {
    const maps = [...filesUnder('dist/electron'), ...filesUnder('dist/renderer')].filter((file) =>
      file.endsWith('.map'),
    );
    expect(maps.length).toBeGreaterThan(0);
    const left = [
      ...maps,
      'dist/electron/web-host.mjs',
      'electron/main/index.ts',
      'renderer/src/main.tsx',
      'core/src/index.ts',
      'agent/src/cli/main.ts',
      'scripts/build.mjs',
      'test/packaging/electron-builder.test.ts',
      'build/icon.svg',
      'electron-builder.yml',
      'node_modules/better-sqlite3/lib/index.js',
      'dist/packages/linux-unpacked/resources/app.asar',
      '.git/HEAD',
    ];
    expect(left.filter((file) => packed(file))).toEqual([]);
  });

  it("packs pdfkit with its font data, and the report PDF's two DejaVu faces only", () => {
    const moduleFile = nodeModuleFileFilter(config);
    for (const file of [
      'node_modules/pdfkit/js/pdfkit.js',
      'node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc',
      'node_modules/fontkit/dist/main.cjs',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
    ]) {
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
      expect(moduleFile(file), file).toBe(true);
    }
    for (const file of [
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSerif.ttf',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSansMono-Bold.ttf',
      'node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
    ]) {
      expect(moduleFile(file), file).toBe(false);
    }
  });

  it("packs the native module's binary outside the archive and not its C sources", () => {
    const moduleFile = nodeModuleFileFilter(config);
    const unpacked = unpackedFilter(config);
    const binary = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(moduleFile(binary)).toBe(true);
    expect(unpacked(binary)).toBe(true);
    expect(moduleFile('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/database.js')).toBe(false);
    expect(moduleFile('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c')).toBe(false);
    expect(moduleFile('node_modules/better-sqlite3/src/better_sqlite3.cpp')).toBe(false);
  });
});

/** Modules the bundle asks for inside try/catch, for a feature the console does not use. */
const OPTIONAL_REQUIRES = {
  'pg-native': "pg's native driver; the console uses pg's JavaScript client",
  'osx-temperature-sensor': "systeminformation's CPU temperature on macOS (older name)",
  'macos-temperature-sensor': "systeminformation's CPU temperature on macOS",
};

/** `pdfkit`, `@scope/name` and `name/sub/path` -> the package's name. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * The packages a bundle loads from node_modules at run time, as esbuild reads the code: the
 * modules it `require`s, and the files it finds there with `require.resolve` (the report
 * PDF's fonts).
 */
async function requiredModules(bundle: string): Promise<Set<string>> {
  const required = new Set<string>();
  await build({
    entryPoints: [bundle],
    bundle: true,
    write: false,
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'record-requires',
        setup(plugin) {
          plugin.onResolve({ filter: /^[^./]/ }, ({ path: specifier, kind }) => {
            if (kind === 'require-call' || kind === 'require-resolve') {
              required.add(packageName(specifier));
            }
            return { external: true };
          });
        },
      },
    ],
  });
  return required;
}

describe('package.json dependencies', () => {
  beforeAll(() => {
    ensureBuilt();
  }, 120_000);

  it('are exactly the modules the packed main script loads from node_modules', async () => {
    const builtin = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const fromNodeModules = [...(await requiredModules(path.join(ROOT, 'dist/electron/main.cjs')))]
      .filter((name) => !builtin.has(name) && name !== 'electron')
      .filter((name) => !(name in OPTIONAL_REQUIRES));
    expect(fromNodeModules.sort()).toEqual(Object.keys(packageJson.dependencies).sort());
  });

  it('leave ssh2 to node_modules, where its Pageant helper and optional addons live', () => {
    const main = readFileSync(path.join(ROOT, 'dist/electron/main.cjs'), 'utf8');
    // esbuild heads each bundled file with a `// <path>/node_modules/<package>/...` comment.
    const bundled = new Set(
      [...main.matchAll(/^\s*\/\/ \S*node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)].map(
        ([, name]) => name,
      ),
    );
    expect(bundled).toContain('kysely');
    for (const name of ['ssh2', 'node-ssh', 'better-sqlite3', 'cpu-features']) {
      expect(bundled.has(name), name).toBe(false);
    }
    for (const name of Object.keys(packageJson.dependencies)) {
      expect(packageJson.devDependencies, name).not.toHaveProperty(name);
    }
  });
});
