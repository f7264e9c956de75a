import type { ApiMethod } from './api';

/** Electron IPC channel of a contract method. Kept apart so the preload bundles no schemas. */
export const ipcChannel = (method: ApiMethod): string => `deskside:${method}`;

/** Main -> renderer: committed changes (core's ConsoleEvent), to the console window only. */
export const EVENTS_IPC_CHANNEL = 'deskside:events';
