import { fileURLToPath } from 'node:url';
import { ManagedProcess } from './managed-process';

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

const START_TIMEOUT_MS = 20_000;
const OPEN_LINE = /^Open: (http:\/\/127\.0\.0\.1:\d+\/#session=\S+)$/;

/** Starts the real browser-mode console host on a free loopback port with `dataDir`. */
export async function startConsoleHost(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<RunningConsoleHost> {
  const host = await ManagedProcess.start(
    process.execPath,
    [WEB_HOST_BUNDLE, '--data-dir', dataDir, '--port', '0'],
    { label: 'console host', env: { DESKSIDE_LOG_LEVEL: 'warn', ...env } },
  );
  try {
    const [, url] = await host.waitForLine(OPEN_LINE, START_TIMEOUT_MS);
    return {
      url: url!,
      origin: new URL(url!).origin,
      pid: host.pid,
      output: () => host.output(),
      stop: () => host.stop(),
    };
  } catch (error) {
    await host.stop();
    throw error;
  }
}
