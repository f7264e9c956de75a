import type { PairRequest, PairResponse } from '@deskside/core';
import { auditFile, type AgentConfig } from '../config';
import type { Authenticator, RequestContext, RequestHooks } from '../server/context';
import {
  TokenVerifier,
  consoleAuthenticator,
  loadConsoleToken,
  type TokenSource,
} from '../server/tokens';
import { auditHook, openAuditLog } from './audit-log';
import { ConsoleRegistry } from './console-registry';
import { enrolmentHandlers, type EnrolmentHandlers } from './enrolment-handler';
import { pairingHandler } from './pairing-handler';
import { rateLimitHooks } from './rate-limit';
import type { AgentLogger } from '../log';

export interface AgentSecurity {
  authenticator: Authenticator;
  /** Rate limits first (a refused request is still audited), then the audit log. */
  hooks: RequestHooks[];
  pair: (ctx: RequestContext, request: PairRequest) => Promise<PairResponse>;
  enrolment: EnrolmentHandlers;
  registry: ConsoleRegistry;
  /** Where the pre-provisioned token came from, or null when only paired consoles get in. */
  provisioned: TokenSource | null;
  auditFile: string;
  close(): Promise<void>;
}

/** Who may call the agent, how often, and the record of every call, as configured. */
export async function openSecurity(
  config: AgentConfig,
  env: NodeJS.ProcessEnv,
  logger: AgentLogger,
  /** This agent's certificate fingerprint, which every signed request must name. */
  agentFingerprint: string,
): Promise<AgentSecurity> {
  const token = await loadConsoleToken({ env, tokenFile: config.tokenFile });
  const registry = new ConsoleRegistry({
    dataDir: config.dataDir,
    onReadError: (error) => {
      logger.error({ err: error }, 'consoles.json cannot be read; paired consoles are refused');
    },
  });
  const file = auditFile(config);
  let auditFailed = false;
  const audit = openAuditLog({
    file,
    maxFileBytes: config.audit.maxFileBytes,
    keepFiles: config.audit.keepFiles,
    onError: (error) => {
      if (!auditFailed) logger.error({ err: error, file }, 'the audit log cannot be written');
      auditFailed = true;
    },
  });
  return {
    authenticator: consoleAuthenticator({
      provisioned: token ? new TokenVerifier(token.token) : null,
      paired: registry,
      agentFingerprint,
      signatureWindowMs: config.limits.signatureWindowSeconds * 1000,
      onRefused: (why) => {
        logger.warn({ why }, 'a signed request was refused');
      },
    }),
    hooks: [rateLimitHooks(config.limits), auditHook(audit)],
    pair: pairingHandler(registry),
    enrolment: enrolmentHandlers(registry, agentFingerprint),
    registry,
    provisioned: token?.source ?? null,
    auditFile: file,
    close: () => audit.close(),
  };
}
