// `npm start`: the console in Electron where its binary is installed, otherwise in browser
// mode (the same services behind a loopback host, shown in a Chromium app window).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { electronBinary } from './electron-binary.mjs';

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const binary = process.env.DESKSIDE_BROWSER_MODE ? null : electronBinary();
const electronSqlite = path.join(
  'node_modules',
  '.deskside-electron',
  'better-sqlite3',
  '.electron-version',
);
if (binary && existsSync(electronSqlite)) {
  forward(spawn(binary, ['.'], { stdio: 'inherit' }));
} else {
  console.log(
    binary
      ? 'better-sqlite3 is not built for Electron (run `npm run setup`): starting browser mode.'
      : 'Electron is not installed here: starting the console in browser mode.',
  );
  forward(spawn(process.execPath, ['dist/electron/web-host.mjs', '--open'], { stdio: 'inherit' }));
}
