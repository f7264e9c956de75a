import pino from 'pino';
import { collectInventory } from '../collect';
import { ServeOptionsSchema, describeIssues } from '../config';
import { createAgentServer, listen } from '../server/https-server';
import { loadOrCreateIdentity } from '../server/identity';
import { TokenVerifier, loadConsoleToken } from '../server/tokens';
import { AGENT_VERSION } from '../version';

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
  const server = createAgentServer({
    identity,
    tokens: new TokenVerifier(token),
    collectInventory,
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
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
