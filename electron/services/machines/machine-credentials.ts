/**
 * Who holds the key a machine's agent shares with the desk, and who signs requests with it.
 *
 * - On a shared PostgreSQL desk, the **database**: the key sits in `machine_keys`, which no
 *   analyst's role may read, and `deskside_sign_agent_request` (a security-definer function,
 *   migration 0006) signs one request at a time for the analyst signed in, after checking they
 *   are enabled. Every analyst's console reaches every machine, none ever holds a credential,
 *   and a disabled analyst's console gets no further signature from the moment they are
 *   disabled.
 * - On the embedded SQLite file (one PC, one analyst), the **console**: the credential is
 *   sealed in `machines.token_sealed` with the console's own secret box, as it always was.
 *
 * Both sign the same message (agent/src/security/signed-requests.ts); the agent cannot tell
 * them apart.
 */
import { sql } from 'kysely';
import { DesksideError } from '@deskside/core';
import { bodySha256, requestKey, signRequest } from '@deskside/agent/signed-requests';
import type { Db } from '../database/open';
import { NO_DATA_FOUND, sqlState } from '../database/sql-state';
import type { SecretBox } from '../secrets/secret-box';

/** One request to an agent, to be signed. */
export interface AgentRequest {
  method: 'GET' | 'POST';
  /** Path and query. */
  target: string;
  body: Uint8Array | null;
}

/** Signs requests to one machine's agent: the value of their Authorization header. */
export type SignRequest = (request: AgentRequest) => Promise<string>;

export interface MachineCredentials {
  /**
   * Keeps the credential pairing (or a provisioned token) gave for a machine, in `db` (the
   * transaction that adds or re-pairs the machine): the row must exist.
   */
  keep(db: Db, machineId: string, credential: string): Promise<void>;
  /** Signs requests to the machine's agent, whose certificate has `fingerprint`. */
  signer(machine: { id: string; fingerprint: string }): SignRequest;
}

/** Signs with a credential in hand: a token being checked before it is kept, or SQLite's. */
export function credentialSigner(
  credential: string,
  analyst: string,
  agentFingerprint: string,
): SignRequest {
  const key = requestKey(credential);
  return (request) =>
    Promise.resolve(
      signRequest(key, analyst, {
        agentFingerprint,
        method: request.method,
        target: request.target,
        body: request.body,
      }),
    );
}

/** SQLite: the console keeps each credential sealed and signs as its own analyst. */
export function consoleHeldCredentials(deps: {
  db: Db;
  secrets: SecretBox;
  analyst: string;
}): MachineCredentials {
  return {
    async keep(db, machineId, credential) {
      await db
        .updateTable('machines')
        .set({ tokenSealed: deps.secrets.seal(credential) })
        .where('id', '=', machineId)
        .execute();
    },
    signer: (machine) => async (request) => {
      const row = await deps.db
        .selectFrom('machines')
        .select('tokenSealed')
        .where('id', '=', machine.id)
        .executeTakeFirst();
      if (!row) throw new DesksideError('not_found', 'No such machine');
      const credential = deps.secrets.open(row.tokenSealed);
      return credentialSigner(credential, deps.analyst, machine.fingerprint)(request);
    },
  };
}

/** PostgreSQL: the desk keeps each machine's key, and signs for whoever is signed in. */
export function deskHeldCredentials(deps: { db: Db }): MachineCredentials {
  return {
    async keep(db, machineId, credential) {
      const key = requestKey(credential).toString('hex');
      await sql`SELECT deskside_set_machine_key(${machineId}, ${key})`.execute(db);
    },
    signer: (machine) => async (request) => {
      let authorization: string | undefined;
      try {
        const { rows } = await sql<{ authorization: string }>`
          SELECT deskside_sign_agent_request(${machine.id}, ${request.method}, ${request.target},
            ${bodySha256(request.body)}) AS authorization`.execute(deps.db);
        authorization = rows[0]?.authorization;
      } catch (error) {
        if (sqlState(error) !== NO_DATA_FOUND) throw error;
        throw new DesksideError(
          'agent_unauthorized',
          'The desk holds no credential for this machine yet: the console that paired it hands it over when it next opens, or pair the machine again',
        );
      }
      if (!authorization) throw new DesksideError('internal', 'The desk signed nothing');
      return authorization;
    },
  };
}

/**
 * Machines paired before the desk held their keys have their credential sealed with the key
 * of the console that paired them. That console, when it opens on the desk, hands each one
 * it can open to the desk and forgets its own copy; others wait for theirs (or a re-pairing).
 */
export async function handCredentialsToDesk(
  db: Db,
  secrets: SecretBox,
  credentials: MachineCredentials,
): Promise<number> {
  const sealed = await db
    .selectFrom('machines')
    .select(['id', 'tokenSealed'])
    .where('tokenSealed', '<>', '')
    .where('transport', '=', 'agent-https')
    .execute();
  let handed = 0;
  for (const row of sealed) {
    let credential: string;
    try {
      credential = secrets.open(row.tokenSealed);
    } catch {
      continue; // Sealed by another console.
    }
    await db.transaction().execute(async (trx) => {
      await credentials.keep(trx, row.id, credential);
      await trx.updateTable('machines').set({ tokenSealed: '' }).where('id', '=', row.id).execute();
    });
    handed += 1;
  }
  return handed;
}
