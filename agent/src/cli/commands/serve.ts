import type { Command } from 'commander';
import pino from 'pino';
import { ServeOptionsSchema, defaultDataDir, describeIssues } from '../../config';
import { createAgentServer, listen } from '../../server/https-server';
import { loadOrCreateIdentity } from '../../server/identity';
import { startInventoryService } from '../../inventory/start';
import { createHandlers } from '../../server/routes';
import { TokenVerifier, loadConsoleToken, tokenAuthenticator } from '../../server/tokens';
import { AGENT_VERSION } from '../../version';

export async function serve(rawOptions: Record<string, unknown>): Promise<void> {
  const parsed = ServeOptionsSchema.safeParse(rawOptions);
  if (!parsed.success) throw new Error(describeIssues(parsed.error));
  const options = parsed.data;

  const identity = await loadOrCreateIdentity(options.dataDir);
  const { token, source } = await loadConsoleToken({
    env: process.env,
    tokenFile: options.tokenFile,
    dataDir: options.dataDir,
  });
  const logger = pino({
    base: { service: 'deskside-agent' },
    redact: ['req.headers.authorization'],
  });
  const inventory = startInventoryService(options.dataDir, logger);
  const server = createAgentServer({
    identity,
    authenticator: tokenAuthenticator(new TokenVerifier(token)),
    handlers: createHandlers({ collectInventory: (sections) => inventory.get(sections) }),
    logger,
  });
  const bound = await listen(server, options.address, options.port);
  const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;

  console.log(`Deskside agent ${AGENT_VERSION} listening on https://${host}:${bound.port}`);
  console.log(`Certificate fingerprint (SHA-256): ${identity.fingerprint}`);
  if (identity.created) console.log(`New certificate created in ${options.dataDir}`);
  if (source.kind === 'generated') console.log(`Console token: read it from ${source.file}`);

  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    inventory.stop();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the agent API over HTTPS')
    .option('--address <address>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0 picks a free one)', '7443')
    .option('--data-dir <dir>', 'folder for the certificate and state', defaultDataDir())
    .option('--token-file <file>', 'file holding the console token (or set DESKSIDE_AGENT_TOKEN)')
    .action(serve);
}
