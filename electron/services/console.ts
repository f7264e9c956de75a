import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import type { AppInfo, CheckRunEvent, Inventory } from '@deskside/core';
import { CheckRunner } from '@deskside/agent/checks';
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

/** Checks on this computer run in the console's process, through the agent's own runner. */
function localCheckRunner(logger: Logger) {
  const runner = new CheckRunner({
    onCheckFailure: (checkId, err) => {
      logger.error({ err, checkId }, 'local check failed');
    },
  });
  return (checks: Parameters<CheckRunner['run']>[0], onEvent?: (event: CheckRunEvent) => void) =>
    runner.run(checks, onEvent ? { onEvent } : {});
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
    runLocalChecks: localCheckRunner(logger),
    consoleName: `${info.analyst}@${os.hostname()}`.slice(0, 100),
  });
  const tickets = new TicketService(db, snapshots);
  const dispatch = createDispatcher(createApiHandlers({ info, machines, tickets }), logger);
  return { dispatch, db, machines, tickets, info, close: () => db.destroy() };
}
