// Bundles the agent so it starts fast and ships without sources: agent/dist/deskside-agent.mjs,
// and in agent/dist/lib/ what it loads only when needed (the hardware library, the
// certificate generator, the collectors), which an idle agent never holds in memory.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * zod re-exports all its message translations as `z.locales`; the agent answers in English
 * only (the console localises), so the bundle keeps English alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: 'zod-locales-en', namespace: 'zod-english-only', pluginData: args.resolveDir }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * pino's transports run log destinations in worker threads; the agent logs to standard
 * output only, so the bundle leaves them (and worker_threads) out: asking for one fails.
 */
const pinoWithoutTransports = {
  name: 'pino-without-transports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/(lib\/)?transport$/ }, (args) =>
      /[\\/]pino[\\/]/.test(args.importer)
        ? { path: 'pino-transport', namespace: 'pino-without-transports' }
        : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'pino-without-transports' }, () => ({
      contents:
        "module.exports = function transport() { throw new Error('The Deskside agent logs to standard output; pino transports are not part of it'); };",
      loader: 'js',
    }));
  },
};

rmSync('agent/dist', { recursive: true, force: true });
await build({
  entryPoints: ['agent/src/cli/main.ts'],
  outdir: 'agent/dist',
  entryNames: 'deskside-agent',
  chunkNames: 'lib/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  // A package's ES module build where it has one: a CommonJS module loaded by import() from
  // a split-off file would show its exports only as `default`.
  mainFields: ['module', 'main'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // The agent stays resident on every PC and V8 keeps the bundle's source in memory: it is
  // minified, and ASCII-only so the source is stored one byte per character, not two.
  minify: true,
  charset: 'ascii',
  legalComments: 'none',
  plugins: [zodEnglishOnly, pinoWithoutTransports],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
