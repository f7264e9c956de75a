// Builds everything the console and the agent run from: the agent bundle, Electron's main
// and preload, the browser-mode host, and the renderer.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = performance.now();
await import('../agent/build.mjs');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
};
// The rule for package.json: `dependencies` are exactly the modules the console loads from
// node_modules at run time (native ones, which cannot be bundled); they stay out of the
// bundles, and electron-builder packages them and nothing else of node_modules. Everything
// else is bundled and is a devDependency. pg-native is pg's optional native driver, which
// the console does not use.
const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const external = ['electron', 'pg-native', ...Object.keys(dependencies)];

await Promise.all([
  build({
    ...node,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    external,
  }),
  build({
    ...node,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
  build({
    ...node,
    entryPoints: ['electron/web/main.ts'],
    outfile: 'dist/electron/web-host.mjs',
    format: 'esm',
    external,
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
