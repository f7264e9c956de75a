import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { AppInfo, Inventory } from '@deskside/core';
import { collectInventory } from '@deskside/agent/collect';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createApiHandlers } from './api/handlers';
import { openDatabase, type Db } from './database/open';
import { MachineService } from './machines/machine-service';
import { SnapshotStore } from './machines/snapshots';
import { createKeyFileSecretBox, type SecretBox } from './secrets/secret-box';
import { TicketService } from './tickets/ticket-service';
import consolePackage from '../../package.json' with { type: 'json' };

export const CONSOLE_VERSION: string = consolePackage.version;
export const DATABASE_FILE = 'deskside.sqlite';

export interface ConsoleOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** Who is at the console; recorded on tickets and evidence. Defaults to the OS user. */
  analyst?: string;
  secrets?: SecretBox;
  logger?: Logger;
  nativeBinding?: string;
  collectLocalInventory?: () => Promise<Inventory>;
}

export interface ConsoleServices {
  dispatch: Dispatch;
  db: Db;
  machines: MachineService;
  tickets: TicketService;
  info: AppInfo;
  close(): Promise<void>;
}

/** Opens the console's data folder and wires every service behind the API contract. */
export async function openConsole(options: ConsoleOptions): Promise<ConsoleServices> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const db = await openDatabase(
    path.join(options.dataDir, DATABASE_FILE),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  const snapshots = new SnapshotStore();
  const info: AppInfo = {
    version: CONSOLE_VERSION,
    analyst: options.analyst ?? os.userInfo().username,
    host: options.host,
  };
  const machines = new MachineService({
    db,
    secrets: options.secrets ?? createKeyFileSecretBox(options.dataDir),
    snapshots,
    collectLocalInventory: options.collectLocalInventory ?? collectInventory,
    consoleName: `${info.analyst}@${os.hostname()}`.slice(0, 100),
  });
  const tickets = new TicketService(db, snapshots);
  const dispatch = createDispatcher(createApiHandlers({ info, machines, tickets }), logger);
  return { dispatch, db, machines, tickets, info, close: () => db.destroy() };
}
