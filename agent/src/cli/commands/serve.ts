import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { enrolmentFileBeside, loadAgentConfig, type ConfigFlags } from '../../config-file';
import { openSecurity } from '../../security';
import { createAgentServer, listen } from '../../server/https-server';
import { loadOrCreateIdentity } from '../../server/identity';
import { stopRefreshes } from '../../inventory/refresh-child';
import { startInventoryService } from '../../inventory/start';
import { lazyPino } from '../../log';
import { createHandlers } from '../../server/routes';
import { clearRuntimeState, writeRuntimeState } from '../../server/runtime-state';
import { utcTimestamp } from '../../time';
import { AGENT_VERSION } from '../../version';
import { withDataOptions } from '../options';
import type { FleetModeControl } from '../../fleet/fleet-mode';

/** `load`, run the first time the result is asked for; a failed load is tried again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

export async function serve(flags: ConfigFlags): Promise<void> {
  const { config, file: configFile } = await loadAgentConfig(flags);

  const identity = await loadOrCreateIdentity(config.dataDir);
  const log = lazyPino({
    level: config.logLevel,
    base: { service: 'deskside-agent' },
    redact: ['req.headers.authorization'],
  });
  const { logger } = log;
  // Before any request: a desk's enrolment file placed beside the config file is taken now
  // (its checking is loaded only then: an agent without one holds none of it).
  const enrolmentFile = enrolmentFileBeside(configFile);
  const enrolled = existsSync(enrolmentFile)
    ? await (await import('../../security/enrol')).enrolAtStart(config, enrolmentFile)
    : null;
  if (enrolled?.error) logger.error({ file: enrolmentFile }, enrolled.error);
  const security = await openSecurity(config, process.env, logger, identity.fingerprint);
  const inventory = startInventoryService(config.dataDir, logger);
  // The runner and the catalog load with the first checks request (over HTTPS or NATS): an
  // idle agent holds no check definitions. Both ways share it, and so its concurrency limit.
  const checkRunner = once(async () => {
    const { CheckRunner } = await import('../../checks');
    return new CheckRunner({
      maxConcurrent: config.limits.concurrentChecks,
      onCheckFailure: (checkId, err) => {
        logger.error({ err, checkId }, 'check failed');
      },
    });
  });
  // Fleet mode: connect out to NATS beside the HTTPS API (loaded only when used). Checks over
  // NATS use presence's connection and the runner above; so does the employee's help page on
  // the loopback address. Its settings are the config's `fleet`, else those a paired console
  // delivered (`fleet.json` in the data folder); a console may deliver them while it runs.
  const fleetDeps = {
    config,
    logger,
    inventory: async () => (await inventory.prepared()).bytes,
    runner: checkRunner,
  };
  let fleetControl: FleetModeControl | undefined;
  const fleetMode = once(
    async () =>
      (fleetControl = new (await import('../../fleet/fleet-mode')).FleetModeControl(fleetDeps)),
  );
  const fleetEnrolment = once(() => import('../../fleet/fleet-enrolment'));
  let fleetSettings = config.fleet ?? null;
  let fleetProblem: string | null = null;
  // `fleet.json`: FLEET_SETTINGS_FILE, named here so an agent without one loads none of it.
  if (!fleetSettings && existsSync(path.join(config.dataDir, 'fleet.json'))) {
    try {
      fleetSettings = await (await fleetEnrolment()).readFleetSettingsFile(config.dataDir);
    } catch (error) {
      fleetProblem = error instanceof Error ? error.message : String(error);
      logger.error({ err: error }, 'fleet settings cannot be read; fleet mode is off');
    }
  }
  inventory.onRefreshed(() => {
    fleetControl?.inventoryChanged();
  });
  const server = createAgentServer({
    identity,
    authenticator: security.authenticator,
    hooks: security.hooks,
    maxBodyBytes: config.limits.maxBodyBytes,
    handlers: createHandlers({
      collectInventory: (sections) => inventory.prepared(sections),
      pair: security.pair,
      enrolment: security.enrolment,
      checks: checkRunner,
      fleetEnrol: async (ctx, request) =>
        (await fleetEnrolment()).enrolInFleet(ctx, request, {
          config,
          control: await fleetMode(),
        }),
    }),
    logger,
  });
  const fleet = fleetSettings ? (await (await fleetMode()).start(fleetSettings)).running : null;
  const bound = await listen(server, config.address, config.port);
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  await writeRuntimeState(config.dataDir, {
    pid: process.pid,
    address: bound.address,
    port: bound.port,
    fingerprint: identity.fingerprint,
    version: AGENT_VERSION,
    startedAt: utcTimestamp(),
    configFile,
    auditFile: security.auditFile,
  });

  console.log(`Deskside agent ${AGENT_VERSION} listening on https://${host}:${bound.port}`);
  console.log(`Certificate fingerprint (SHA-256): ${identity.fingerprint}`);
  if (identity.created) console.log(`New certificate created in ${config.dataDir}`);
  if (configFile) console.log(`Configuration: ${configFile}`);
  console.log(`Audit log: ${security.auditFile}`);
  if (security.provisioned) {
    const where =
      security.provisioned.kind === 'file' ? security.provisioned.file : security.provisioned.name;
    console.log(`Pre-provisioned console token: from ${where}`);
  }
  if (enrolled?.result) {
    const { outcome, enrolment } = enrolled.result;
    console.log(
      `Enrolment: ${enrolmentFile}, desk ${enrolment.deskName} (${enrolment.label}), ${outcome === 'enrolled' ? 'taken now' : 'taken before'}, until ${enrolment.expiresAt}`,
    );
  }
  if (enrolled?.error) console.error(`Enrolment file refused: ${enrolled.error}`);
  console.log('To add a console, run `deskside-agent pair` on this computer');
  if (fleet) {
    console.log(
      `Fleet mode: NATS ${fleet.settings.servers.join(', ')}${config.fleet ? '' : ' (delivered by a console)'}`,
    );
    if (fleet.help.url) console.log(`Help page: ${fleet.help.url}`);
    if (fleet.help.problem) console.error(`Help page not started: ${fleet.help.problem}`);
  }
  if (fleetProblem) console.error(`Fleet mode off: ${fleetProblem}`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    inventory.stop();
    server.close(() => {
      void Promise.allSettled([
        fleetControl?.stop(),
        stopRefreshes(),
        security.close(),
        clearRuntimeState(config.dataDir, process.pid),
        log.settled(),
      ]).then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServe(program: Command): void {
  withDataOptions(program.command('serve').description('serve the agent API over HTTPS'))
    .option('--address <address>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on, 0 picks a free one (default 7443)')
    .option(
      '--token-file <file>',
      'file holding a pre-provisioned console token (or set DESKSIDE_AGENT_TOKEN)',
    )
    .option('--audit-file <file>', 'the audit log (default audit.log in the data folder)')
    .option('--max-body-bytes <bytes>', 'largest request body accepted (default 65536)')
    .option('--rate-per-console <n>', 'requests a minute one console may make (default 600)')
    .option('--rate-per-address <n>', 'requests a minute from one address (default 1200)')
    .option('--concurrent-checks <n>', 'checks running at once (default 4)')
    .option(
      '--signature-window-seconds <n>',
      "how far a signed request's time may be from this agent's clock (default 300)",
    )
    .option(
      '--help-port <port>',
      'fleet mode: port of the help page on 127.0.0.1, 0 picks a free one (default 7480)',
    )
    .option('--log-level <level>', 'fatal, error, warn, info (default), debug or silent')
    .action(serve);
}
