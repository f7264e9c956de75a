// Builds everything the console and the agent run from: the agent bundle, Electron's main
// and preload, the browser-mode host, and the renderer.
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
// Native and Electron modules are loaded at run time, never bundled (pg-native is pg's
// optional native driver, which the console does not use).
const external = ['electron', 'better-sqlite3', 'pg-native'];

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
