// Bundles the agent so it starts fast and ships without sources: agent/dist/deskside-agent.mjs,
// and in agent/dist/lib/ what it loads only when needed (the hardware library, the
// certificate generator, the collectors), which an idle agent never holds in memory.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { commonOptions } from './esbuild-shared.mjs';

// Only this build's own files: the executable and the packages beside them stay.
for (const old of ['deskside-agent.mjs', 'deskside-agent.mjs.map', 'lib']) {
  rmSync(`agent/dist/${old}`, { recursive: true, force: true });
}
await build({
  ...commonOptions,
  outdir: 'agent/dist',
  entryNames: 'deskside-agent',
  chunkNames: 'lib/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  // A package's ES module build where it has one: a CommonJS module loaded by import() from
  // a split-off file would show its exports only as `default`.
  mainFields: ['module', 'main'],
  format: 'esm',
  sourcemap: 'linked',
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
