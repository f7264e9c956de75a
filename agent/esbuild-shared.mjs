// What both builds of the agent share: the bundle for Node.js (build.mjs) and the
// self-contained executable (build-sea.mjs).

/**
 * zod re-exports all its message translations as `z.locales`; the agent answers in English
 * only (the console localises), so the bundle keeps English alone.
 */
export const zodEnglishOnly = {
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
export const pinoWithoutTransports = {
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

/** esbuild options common to both builds. */
export const commonOptions = {
  entryPoints: ['agent/src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  // The agent stays resident on every PC and V8 keeps the bundle's source in memory: it is
  // minified, and ASCII-only so the source is stored one byte per character, not two.
  minify: true,
  charset: 'ascii',
  legalComments: 'none',
  plugins: [zodEnglishOnly, pinoWithoutTransports],
  logLevel: 'warning',
};
