import type { ApiMethod } from './api';

/** Electron IPC channel of a contract method. Kept apart so the preload bundles no schemas. */
export const ipcChannel = (method: ApiMethod): string => `deskside:${method}`;
