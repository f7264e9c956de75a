/**
 * Pushes an account JWT to a running nats-server through its system account
 * (`$SYS.REQ.CLAIMS.UPDATE`): the resolver stores it and applies it at once, so a revoked
 * user is disconnected without a restart.
 */
import { connect, credsAuthenticator } from '@nats-io/transport-node';
import { z } from 'zod';
import type { FleetAuthority } from './fleet-authority';

const UPDATE_SUBJECT = '$SYS.REQ.CLAIMS.UPDATE';
const UPDATE_TIMEOUT_MS = 5_000;

const UpdateReplySchema = z.object({
  data: z.object({ account: z.string(), code: z.number(), message: z.string() }).optional(),
  error: z
    .object({ account: z.string().optional(), code: z.number(), description: z.string() })
    .optional(),
});

export class AccountUpdateError extends Error {
  override readonly name = 'AccountUpdateError';
}

/**
 * Sends the fleet account's current JWT to the server at `servers` (trusting `tlsCaFile`
 * where the servers speak TLS); resolves once it took it.
 */
export async function pushFleetAccount(
  authority: FleetAuthority,
  servers: string | string[],
  options: { tlsCaFile?: string | undefined } = {},
): Promise<void> {
  const issuer = await authority.issueSystemUser({ expiresAt: new Date(Date.now() + 60_000) });
  const nc = await connect({
    servers,
    authenticator: credsAuthenticator(new TextEncoder().encode(issuer.creds)),
    name: 'deskside-issuer',
    reconnect: false,
    ...(options.tlsCaFile ? { tls: { caFile: options.tlsCaFile } } : {}),
  });
  try {
    const reply = await nc.request(UPDATE_SUBJECT, await authority.fleetAccountJwt(), {
      timeout: UPDATE_TIMEOUT_MS,
    });
    const answer = UpdateReplySchema.parse(reply.json());
    if (answer.error) {
      throw new AccountUpdateError(
        `The NATS server refused the fleet account's update: ${answer.error.description}`,
      );
    }
  } finally {
    await nc.close();
  }
}
