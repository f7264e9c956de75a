// Builds the installers: `tsx scripts/dist.ts [electron-builder arguments]` (npm run dist,
// npm run dist:win). electron-builder rebuilds the native modules for Electron inside
// node_modules; Node (the tests, browser mode) needs its own builds, so they are saved before
// and put back afterwards, whether packaging succeeded or not.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { saveNativeBuilds } from './native-builds.ts';

const restore = saveNativeBuilds('node_modules');
const result = spawnSync(
  path.join('node_modules', '.bin', 'electron-builder'),
  process.argv.slice(2),
  // On Windows, .bin holds a .cmd file, which only a shell starts.
  { stdio: 'inherit', shell: process.platform === 'win32' },
);
const restored = restore();
console.log(`Put Node's builds of ${restored.length} native modules back in node_modules.`);
process.exit(result.status ?? 1);
