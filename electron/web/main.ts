import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { z } from 'zod';
import { openConsole } from '../services/console';
import { openSignInGate } from '../services/desk/sign-in-gate';
import { consoleDataDir } from '../services/paths';
import { startWebHost } from './host';
import { findAppBrowser, hasDisplay, openAppWindow } from './open-browser';

const OptionsSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  dataDir: z.string().min(1),
  staticDir: z.string().min(1),
  open: z.boolean(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.DESKSIDE_PORT ?? '0' },
      'data-dir': { type: 'string', default: consoleDataDir() },
      'static-dir': {
        type: 'string',
        default: fileURLToPath(new URL('../renderer/', import.meta.url)),
      },
      open: { type: 'boolean', default: false },
    },
  });
  const parsed = OptionsSchema.safeParse({
    port: values.port,
    dataDir: values['data-dir'],
    staticDir: values['static-dir'],
    open: values.open,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  const options = parsed.data;

  const logger = pino({ level: process.env.DESKSIDE_LOG_LEVEL ?? 'info' }, pino.destination(2));
  // Signed out until an analyst signs in, where the desk's address holds no password.
  const services = await openSignInGate({
    dataDir: options.dataDir,
    logger,
    open: (databaseUrl, signIn) =>
      openConsole({
        dataDir: options.dataDir,
        host: 'browser',
        logger,
        ...(databaseUrl ? { databaseUrl } : {}),
        signIn,
      }),
  });
  const host = await startWebHost({
    dispatch: services.dispatch,
    events: services.events,
    staticDir: options.staticDir,
    port: options.port,
    logger,
  });
  console.log(`Deskside console (browser mode), data in ${options.dataDir}`);
  console.log(`Open: ${host.url}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host
      .close()
      .then(() => services.close())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  if (options.open) {
    const browser = findAppBrowser();
    if (!hasDisplay()) console.log('No display: open the address above in a browser.');
    else if (!browser)
      console.log('No Chromium-family browser found: open the address above in a browser.');
    else {
      const window = openAppWindow(
        browser,
        host.url,
        path.join(options.dataDir, 'browser-profile'),
      );
      window.on('error', () => {
        console.log(`Could not start ${browser}: open the address above in a browser.`);
      });
      // The app window is the console: closing it ends the session.
      window.on('exit', stop);
    }
  }
}

main().catch((error: unknown) => {
  console.error(`deskside: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
