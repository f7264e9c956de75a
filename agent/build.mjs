// Bundles the agent into one ES module file so it starts fast and ships without sources.
import { build } from 'esbuild';

await build({
  entryPoints: ['agent/src/cli/main.ts'],
  outfile: 'agent/dist/deskside-agent.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // CommonJS dependencies (write-file-atomic) use __filename, which an ES module lacks.
  define: { __filename: 'import.meta.filename', __dirname: 'import.meta.dirname' },
  logLevel: 'warning',
});
