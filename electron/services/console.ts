import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import type { AppInfo, CheckRunEvent, IntakeScript, Inventory } from '@deskside/core';
import { CheckRunner } from '@deskside/agent/checks';
import { collectInventory } from '@deskside/agent/collect';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { createApiHandlers } from './api/handlers';
import { DataService } from './data/data-service';
import { AuditLog } from './desk/audit-log';
import { InventoryBaselines } from './machines/inventory-baselines';
import { InventoryChangesService } from './machines/inventory-changes';
import { signedInAnalyst } from './desk/desk-roles';
import { DeskService } from './desk/desk-service';
import { SIGNED_IN_BY_ADDRESS, type SignInControl } from './desk/sign-in';
import { TransferFiles } from './data/transfer-files';
import { JobRegistry } from './jobs/job-registry';
import { scheduleReportRuns } from './reports/report-schedule';
import { ReportsService } from './reports/reports-service';
import { consoleHeldEnrolments, deskHeldEnrolments } from './machines/enrolment-keepers';
import { EnrolmentService } from './machines/enrolments';
import { PairingService } from './machines/pairing-service';
import { ProfileService } from './profile/profile-service';
import type { Db } from './database/open';
import { databaseTarget, openStore, type EventHub, type Store } from './database/store';
import { CheckRunService } from './machines/check-runs';
import { IntakeService } from './intake/intake-service';
import { KbLinkService } from './kb/kb-links';
import { KbSearchService } from './kb/kb-search';
import { KbService } from './kb/kb-service';
import {
  consoleHeldCredentials,
  deskHeldCredentials,
  handCredentialsToDesk,
} from './machines/machine-credentials';
import { InventoryHistoryService } from './machines/inventory-history';
import { MachineService } from './machines/machine-service';
import { SnapshotStore } from './machines/snapshots';
import { namingThisComputer, thisComputer, type ThisComputer } from './machines/this-computer';
import { OrderService } from './outside-help/order-service';
import { VendorService } from './outside-help/vendor-service';
import { VisitService } from './outside-help/visit-service';
import { PeopleService } from './people/people-service';
import { QueueService } from './queue/queue-service';
import { createKeyFileSecretBox, type SecretBox } from './secrets/secret-box';
import type { SettingsStoreFactory } from './settings/settings-store';
import { AssignmentService } from './tickets/assignment-service';
import { LifecycleService } from './tickets/lifecycle-service';
import { MailService } from './mail/mail-service';
import { SettingsService } from './settings/settings-service';
import { FleetService } from './fleet/fleet-service';
import { DeskFleetAuthority } from './fleet/desk-fleet-authority';
import { FleetEnrolmentService } from './fleet/fleet-enrolment';
import { SshMachines } from './machines/ssh-machines';
import { SshLogins } from './machines/ssh/ssh-logins';
import { SshPool } from './machines/ssh/pool';
import { TicketService } from './tickets/ticket-service';
import type { WorkflowDeps } from './tickets/ticket-writer';
import { WorkflowConfigService } from './workflow/config-service';
import consolePackage from '../../package.json' with { type: 'json' };

export const CONSOLE_VERSION: string = consolePackage.version;
export const DATABASE_FILE = 'deskside.sqlite';

export interface ConsoleOptions {
  dataDir: string;
  host: AppInfo['host'];
  /** Who is at the console; recorded on tickets and evidence. Defaults to the OS user. */
  analyst?: string;
  secrets?: SecretBox;
  /** How the settings file is kept: conf by default, electron-store in the desktop app. */
  settingsStore?: SettingsStoreFactory;
  logger?: Logger;
  nativeBinding?: string;
  collectLocalInventory?: () => Promise<Inventory>;
  /** A postgres:// address; defaults to DESKSIDE_DATABASE_URL; without one, the SQLite file. */
  databaseUrl?: string;
  /** The clock the workflow reads (SLA, verification and reopen windows). */
  now?: () => Date;
  /**
   * How often resolved tickets whose user never answered are closed (the closure policy's
   * days); null turns the sweep off (tests drive it by hand). Default: hourly.
   */
  closeUnansweredEveryMs?: number | null;
  /**
   * How often this console runs the scheduled reports that fell due (and shortly after it
   * opens); null turns it off (tests call `runDue` by hand). Default: hourly.
   */
  reportRunsEveryMs?: number | null;
  /** Whether this console reads the desk's mailbox where it is set up; default true. */
  readMailbox?: boolean;
  /** The PC this console runs on; by default read from the OS (machines/this-computer.ts). */
  thisComputer?: ThisComputer;
  /** The call-intake scripts this console offers; the starter scripts by default. */
  intakeScripts?: readonly IntakeScript[];
  /**
   * Whoever signed this console in to its desk (desk/sign-in-gate.ts); by default its address
   * did, and there is no signing out.
   */
  signIn?: SignInControl;
}

export interface ConsoleServices {
  dispatch: Dispatch;
  db: Db;
  store: Store;
  /** Committed changes, from this console and (on PostgreSQL) every other one. */
  events: EventHub;
  machines: MachineService;
  tickets: TicketService;
  /** Fleet mode: presence, inventory and checks over NATS. */
  fleet: FleetService;
  /** The desk's mail at this console: intake, sending, automatic messages. */
  mail: MailService;
  info: AppInfo;
  close(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** The first sweep waits a little, so it never competes with the console's start-up. */
const FIRST_SWEEP_MS = 60_000;

/** Closes unanswered resolved tickets now and then; returns what stops it. */
function sweepUnanswered(lifecycle: LifecycleService, everyMs: number | null, logger: Logger) {
  if (everyMs === null) return () => undefined;
  const sweep = () => {
    lifecycle.closeUnanswered().then(
      (closed) => {
        if (closed.length > 0) logger.info({ closed }, 'closed resolved tickets nobody answered');
      },
      (error: unknown) => {
        logger.warn({ err: error }, 'closing unanswered tickets failed; trying again later');
      },
    );
  };
  const first = setTimeout(sweep, Math.min(FIRST_SWEEP_MS, everyMs));
  const every = setInterval(sweep, everyMs);
  // Neither keeps a test or a closing console alive.
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

/** How an enrolment file names the desk: its database on PostgreSQL, else this console. */
async function deskNameOf(dialect: string, db: Db, consoleName: string): Promise<string> {
  if (dialect !== 'postgres') return consoleName;
  const { rows } = await sql<{ name: string }>`SELECT current_database() AS name`.execute(db);
  return rows[0]?.name ?? consoleName;
}

/** Checks on this computer run in the console's process, through the agent's own runner. */
function localCheckRunner(logger: Logger) {
  const runner = new CheckRunner({
    onCheckFailure: (checkId, err) => {
      logger.error({ err, checkId }, 'local check failed');
    },
  });
  return (
    checks: Parameters<CheckRunner['run']>[0],
    onEvent?: (event: CheckRunEvent) => void,
    signal?: AbortSignal,
  ) => runner.run(checks, { ...(onEvent ? { onEvent } : {}), ...(signal ? { signal } : {}) });
}

/** Opens the console's data folder and wires every service behind the API contract. */
export async function openConsole(options: ConsoleOptions): Promise<ConsoleServices> {
  const logger = options.logger ?? pino({ level: 'silent' });
  const store = await openStore(
    databaseTarget(path.join(options.dataDir, DATABASE_FILE), options.databaseUrl),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  try {
    return await servicesOn(store, options, logger);
  } catch (error) {
    // Refused half-way (a login that is none of the desk's analysts): nothing stays open.
    await store.close().catch(() => undefined);
    throw error;
  }
}

async function servicesOn(
  store: Store,
  options: ConsoleOptions,
  logger: Logger,
): Promise<ConsoleServices> {
  const { db } = store;
  const now = options.now ?? (() => new Date());
  const snapshots = new SnapshotStore();
  // On a desk with roles, the analyst is whoever signed in to the database, nothing else.
  const signedIn = store.dialect === 'postgres' ? await signedInAnalyst(db) : null;
  const secrets = options.secrets ?? createKeyFileSecretBox(options.dataDir);
  const info: AppInfo = {
    version: CONSOLE_VERSION,
    analyst: signedIn ?? options.analyst ?? os.userInfo().username,
    host: options.host,
    secrets: secrets.protection,
  };
  const audit = new AuditLog(db, { analyst: info.analyst, pc: os.hostname() }, now);
  await audit.record('console.opened', '', { host: info.host, version: info.version });
  const consoleName = `${info.analyst}@${os.hostname()}`.slice(0, 100);
  const pc = options.thisComputer ?? (await thisComputer(options.dataDir));
  const credentials =
    store.dialect === 'postgres'
      ? deskHeldCredentials({ db })
      : consoleHeldCredentials({ db, secrets, analyst: info.analyst });
  if (store.dialect === 'postgres') {
    const handed = await handCredentialsToDesk(db, secrets, credentials);
    if (handed > 0) logger.info({ handed }, 'machine credentials handed to the desk');
  }
  const sshPool = new SshPool();
  const inventoryHistory = new InventoryHistoryService(db, info.analyst);
  const inventoryBaselines = new InventoryBaselines(
    db,
    inventoryHistory,
    info.analyst,
    now,
    store.write.bind(store),
  );
  const inventoryChanges = new InventoryChangesService(db, inventoryHistory, inventoryBaselines);
  const profiled = await inventoryHistory.backfillProfiles();
  if (profiled.length > 0) {
    logger.info({ machines: profiled.length }, 'machine profiles made from inventory history');
  }
  const machines = new MachineService({
    history: inventoryHistory,
    db,
    credentials,
    ssh: new SshMachines({
      db,
      pool: sshPool,
      logins: new SshLogins({ dataDir: options.dataDir, analyst: info.analyst, secrets }),
      onCheckFailure: (checkId, err) => {
        logger.error({ err, checkId }, 'a check over SSH broke');
      },
    }),
    analyst: info.analyst,
    snapshots,
    collectLocalInventory: options.collectLocalInventory ?? collectInventory,
    runLocalChecks: localCheckRunner(logger),
    consoleName,
    thisComputer: pc,
  });
  await machines.register();
  const workflow = new WorkflowConfigService(store);
  const deps: WorkflowDeps = { store, config: workflow, now };
  const checkRuns = new CheckRunService(machines, {
    onFailure: (err) => {
      logger.error({ err }, 'a run of checks failed');
    },
  });
  const tickets = new TicketService(deps, snapshots, checkRuns, inventoryHistory);
  const lifecycle = new LifecycleService(deps);
  const assignment = new AssignmentService(deps);
  const stopSweeping = sweepUnanswered(
    lifecycle,
    options.closeUnansweredEveryMs === undefined ? HOUR_MS : options.closeUnansweredEveryMs,
    logger,
  );
  const reports = new ReportsService({ store, workflow, analyst: info.analyst, now });
  const stopReportRuns = scheduleReportRuns(
    reports,
    options.reportRunsEveryMs === undefined ? HOUR_MS : options.reportRunsEveryMs,
    logger,
  );
  const settings = new SettingsService(options.dataDir, options.settingsStore);
  // The desk's mailbox: read here when this console has it set up and may (mail/intake-lock.ts).
  const mail = new MailService({
    dataDir: options.dataDir,
    secrets,
    deps,
    target: databaseTarget(path.join(options.dataDir, DATABASE_FILE), options.databaseUrl),
    consoleName,
    logger,
  });
  if (options.readMailbox !== false) {
    mail.start().catch((error: unknown) => {
      logger.error({ err: error }, 'mail intake could not start');
    });
  }
  // Fleet presence is for this console's windows: straight to its listeners.
  const fleet = new FleetService({
    db,
    history: inventoryHistory,
    // Employees' help requests become tickets on this desk (exactly once across its consoles).
    help: { deps, tickets, lifecycle },
    deps,
    actor: info.analyst,
    keepRun: (run) => {
      checkRuns.keep(run);
    },
    emit: (event) => {
      store.events.emit(event);
    },
    logger,
  });
  void fleet.apply(settings.get().fleet);
  const desk = new DeskService(store, info.analyst, workflow);
  // Job progress is for this console's windows: straight to its listeners, not the database.
  const jobs = new JobRegistry({
    emit: (event) => {
      store.events.emit(event);
    },
    logger,
  });
  const transfers = new TransferFiles(options.dataDir);
  await transfers.reset();
  const signIn = options.signIn ?? SIGNED_IN_BY_ADDRESS;
  const handlers = createApiHandlers({
    info,
    mail,
    machines,
    inventoryHistory,
    inventoryChanges,
    inventoryBaselines,
    tickets,
    lifecycle,
    assignment,
    checkRuns,
    intake: new IntakeService({
      workflow: deps,
      tickets,
      assignment,
      lifecycle,
      runs: checkRuns,
      ...(options.intakeScripts ? { scripts: options.intakeScripts } : {}),
    }),
    queue: new QueueService(deps),
    people: new PeopleService(store, now),
    vendors: new VendorService(deps),
    visits: new VisitService(deps),
    orders: new OrderService(deps),
    workflow,
    data: new DataService(deps, jobs, transfers),
    settings,
    fleet,
    profile: new ProfileService(info.analyst, settings, workflow),
    pairing: new PairingService({ db, credentials, machines, consoleName }),
    enrolments: new EnrolmentService({
      db,
      keeper:
        store.dialect === 'postgres'
          ? deskHeldEnrolments({ db })
          : consoleHeldEnrolments({ db, secrets, analyst: info.analyst, now }),
      machines,
      deskName: await deskNameOf(store.dialect, db, consoleName),
      consoleName,
      now,
    }),
    jobs,
    kb: new KbService(deps),
    kbSearch: new KbSearchService(deps),
    kbLinks: new KbLinkService(deps),
    desk,
    fleetEnrolment: new FleetEnrolmentService({
      authority: new DeskFleetAuthority({
        db,
        // On a shared desk the database's grants guard the row; a console's seal would lock
        // every other console out.
        secrets: store.dialect === 'postgres' ? null : secrets,
        audit,
        analyst: info.analyst,
        now,
      }),
      machines,
      settings: () => settings.get().fleet ?? null,
      session: () => desk.session(),
      logger,
    }),
    signIn,
    audit,
    reports,
  });
  const dispatch = createDispatcher(handlers, logger, {
    audit: (method, input, output) => audit.recordCall(method, input, output),
    resolve: (method, input) => namingThisComputer(method, input, pc.id),
    onRefused: () => {
      signIn.refused();
    },
  });
  return {
    dispatch,
    db,
    store,
    events: store.events,
    machines,
    tickets,
    fleet,
    mail,
    info,
    close: async () => {
      stopSweeping();
      stopReportRuns();
      checkRuns.close();
      sshPool.closeAll();
      await fleet.close();
      await mail.close();
      await jobs.close();
      await store.close();
    },
  };
}
