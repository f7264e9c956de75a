import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, ipcMain, protocol, session } from 'electron';
import pino from 'pino';
import { EVENTS_IPC_CHANNEL, apiMethods, ipcChannel, type WireResult } from '@deskside/core';
import { openConsole } from '../services/console';
import { openSignInGate, type SignInGate } from '../services/desk/sign-in-gate';
import { consoleDataDir } from '../services/paths';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  listRendererFiles,
} from './app-protocol';
import { installCrashReports, reportStartFailure } from './crash-reports';
import { handleTrusted, isTrustedSender } from './ipc';
import { lockDownContents, lockDownSession } from './lockdown';
import { consoleLogFile, openRotatingLog } from './rotating-log';
import { createSafeStorageSecretBox } from './safe-storage';
import { electronSettingsStore } from './settings-store';
import { createMainWindow } from './window';
import { rememberWindowStates } from './window-state';

const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');
const dataDir = consoleDataDir();
const logFile = consoleLogFile(dataDir);

// Before the app is ready: the console's page is served from app://deskside, not file://.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

/** In development, better-sqlite3 built for Electron's ABI sits apart from Node's build. */
function electronSqliteBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const candidate = path.join(
    app.getAppPath(),
    'node_modules/.deskside-electron/better-sqlite3/build/Release/better_sqlite3.node',
  );
  return existsSync(candidate) ? candidate : undefined;
}

const FORBIDDEN: WireResult = {
  ok: false,
  error: { code: 'forbidden', message: 'Only the console page may call the console' },
};

function registerApi(services: SignInGate): void {
  for (const method of apiMethods) {
    handleTrusted(
      ipcMain,
      ipcChannel(method),
      (input) => services.dispatch(method, input),
      () => Promise.resolve(FORBIDDEN),
    );
  }
}

async function start(): Promise<void> {
  app.setPath('userData', dataDir);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => {
    lockDownContents(contents);
  });
  await app.whenReady();
  lockDownSession(session.defaultSession);
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(rendererDir, await listRendererFiles(rendererDir)),
  );

  const logger = pino({}, openRotatingLog({ file: logFile }));
  installCrashReports({ dataDir, logFile }, logger);
  rememberWindowStates(dataDir, logger);
  const sqliteBinding = electronSqliteBinding();
  const secrets = createSafeStorageSecretBox(dataDir);
  // Signed out until an analyst signs in, where the desk's address holds no password.
  const services = await openSignInGate({
    dataDir,
    settingsStore: electronSettingsStore,
    logger,
    open: (databaseUrl, signIn) =>
      openConsole({
        dataDir,
        host: 'electron',
        logger,
        secrets,
        settingsStore: electronSettingsStore,
        ...(sqliteBinding ? { nativeBinding: sqliteBinding } : {}),
        ...(databaseUrl ? { databaseUrl } : {}),
        signIn,
      }),
  });
  registerApi(services);
  let window = createMainWindow(preloadPath);
  // Committed changes go to the console's own window, and only while it shows our page.
  services.events.subscribe((event) => {
    if (window.isDestroyed()) return;
    if (isTrustedSender(window.webContents.mainFrame)) {
      window.webContents.send(EVENTS_IPC_CHANNEL, event);
    }
  });

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (window.isDestroyed()) window = createMainWindow(preloadPath);
  });
  app.on('window-all-closed', () => {
    void services.close().finally(() => {
      app.quit();
    });
  });
}

start().catch((error: unknown) => {
  console.error('Deskside could not start:', error);
  void reportStartFailure(error, { dataDir, logFile }).finally(() => {
    app.exit(1);
  });
});
