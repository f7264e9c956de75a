import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The browser-mode host built by `node scripts/build.mjs`. */
export const WEB_HOST_BUNDLE = fileURLToPath(
  new URL('../../dist/electron/web-host.mjs', import.meta.url),
);

export interface RunningConsoleHost {
  url: string;
  origin: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

const OPEN_LINE = /^Open: (http:\/\/127\.0\.0\.1:\d+)\/#session=\S+$/m;

function waitForExit(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
  });
}

/** Starts the real browser-mode console host on a free loopback port with `dataDir`. */
export async function startConsoleHost(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningConsoleHost> {
  const child = spawn(process.execPath, [WEB_HOST_BUNDLE, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, DESKSIDE_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`The console host did not start within 20 s:\n${output}`));
    }, 20_000);
    const check = () => {
      const line = /^Open: (\S+)$/m.exec(output);
      if (line?.[1] && OPEN_LINE.test(output)) {
        clearTimeout(timer);
        resolve(line[1]);
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The console host exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    pid: child.pid!,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await waitForExit(child, 5_000);
    },
  };
}
