/**
 * Who holds an enrolment file's secret and its claims' seed, checks an agent's proof and
 * spends the file's claims (machines/enrolments.ts):
 *
 * - on a shared PostgreSQL desk, the **database**: `enrolment_secrets` is read by no
 *   analyst's role; `deskside_issue_enrolment` and `deskside_revoke_enrolment` let only the
 *   desk's administrators issue and revoke files, and `deskside_enrolment_claim` checks the
 *   proof and spends a claim for any enabled analyst (migration 0008);
 * - on the SQLite file (one PC, one analyst), the **console**: both are sealed in
 *   `enrolments.secrets_sealed` by its secret box.
 */
import { sql, type Insertable } from 'kysely';
import { DesksideError } from '@deskside/core';
import { claimToken, enrolmentProof, sameDigest } from '@deskside/agent/enrolment';
import { ENROLMENT_PROOF_REFUSED, ENROLMENT_SPENT } from '../database/migrations/0008-enrolments';
import type { Db } from '../database/open';
import type { EnrolmentsTable } from '../database/schema';
import { NO_DATA_FOUND, sqlState } from '../database/sql-state';
import type { SecretBox } from '../secrets/secret-box';

export type NewEnrolmentRow = Omit<
  Insertable<EnrolmentsTable>,
  'issuedBy' | 'usedMachines' | 'revokedAt' | 'revokedBy' | 'secretsSealed'
>;

export interface EnrolmentClaimRequest {
  enrolmentId: string;
  /** The certificate the console saw, and the agent's proof bound to it. */
  fingerprint: string;
  challenge: string;
  proof: string;
}

/** A claim to send to the agent, or why there is none. */
export type ClaimOutcome = { claim: string } | { refused: 'proof' | 'spent' };

export interface EnrolmentKeeper {
  /** Records a new file and keeps its secret and its claims' seed. */
  issue(row: NewEnrolmentRow, secrets: { secret: string; seed: string }): Promise<void>;
  /** Marks a file revoked (once); not_found when there is none. */
  revoke(id: string): Promise<void>;
  /**
   * Checks the agent's proof, then spends one claim of the file: refused `proof` when the
   * proof does not hold for that certificate, `spent` when the file was revoked, has expired
   * or has added all its machines.
   */
  claim(request: EnrolmentClaimRequest): Promise<ClaimOutcome>;
}

const SPENT_MESSAGE =
  'This enrolment file was revoked, has expired or has added all the machines it may: issue a new one. Nothing was added.';

export const spentError = () => new DesksideError('enrolment_refused', SPENT_MESSAGE);

interface SealedSecrets {
  secret: string;
  seed: string;
}

/** SQLite: the console seals the secrets and does the checking itself. */
export function consoleHeldEnrolments(deps: {
  db: Db;
  secrets: SecretBox;
  analyst: string;
  now: () => Date;
}): EnrolmentKeeper {
  const open = (sealed: string) => JSON.parse(deps.secrets.open(sealed)) as SealedSecrets;
  return {
    async issue(row, secrets) {
      await deps.db
        .insertInto('enrolments')
        .values({
          ...row,
          issuedBy: deps.analyst,
          secretsSealed: deps.secrets.seal(JSON.stringify(secrets)),
        })
        .execute();
    },
    async revoke(id) {
      const found = await deps.db
        .selectFrom('enrolments')
        .select('id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (!found) throw new DesksideError('not_found', 'No such enrolment file');
      await deps.db
        .updateTable('enrolments')
        .set({ revokedAt: deps.now().toISOString(), revokedBy: deps.analyst })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .execute();
    },
    async claim(request) {
      const row = await deps.db
        .selectFrom('enrolments')
        .select('secretsSealed')
        .where('id', '=', request.enrolmentId)
        .executeTakeFirst();
      if (!row) return { refused: 'proof' };
      const { secret, seed } = open(row.secretsSealed);
      const expected = enrolmentProof(secret, request);
      if (!sameDigest(request.proof, expected)) return { refused: 'proof' };
      const taken = await deps.db
        .updateTable('enrolments')
        .set({ usedMachines: sql<number>`used_machines + 1` })
        .where('id', '=', request.enrolmentId)
        .where('revokedAt', 'is', null)
        .where('expiresAt', '>', deps.now().toISOString())
        .where(sql<boolean>`used_machines < max_machines`)
        .returning('usedMachines')
        .executeTakeFirst();
      if (!taken) return { refused: 'spent' };
      return { claim: claimToken(Buffer.from(seed, 'base64url'), taken.usedMachines - 1) };
    },
  };
}

/** PostgreSQL: the database keeps the secrets, checks proofs and spends claims. */
export function deskHeldEnrolments(deps: { db: Db }): EnrolmentKeeper {
  return {
    async issue(row, secrets) {
      await sql`SELECT deskside_issue_enrolment(${row.id}, ${row.label}, ${row.keyId},
        ${row.issuedAt}, ${row.expiresAt}, ${row.maxMachines}, ${secrets.secret},
        ${secrets.seed})`.execute(deps.db);
    },
    async revoke(id) {
      try {
        await sql`SELECT deskside_revoke_enrolment(${id})`.execute(deps.db);
      } catch (error) {
        if (sqlState(error) === NO_DATA_FOUND) {
          throw new DesksideError('not_found', 'No such enrolment file');
        }
        throw error;
      }
    },
    async claim(request) {
      try {
        const { rows } = await sql<{ claim: string }>`
          SELECT deskside_enrolment_claim(${request.enrolmentId}, ${request.fingerprint},
            ${request.challenge}, ${request.proof}) AS claim`.execute(deps.db);
        const claim = rows[0]?.claim;
        if (!claim) throw new DesksideError('internal', 'The desk made no claim');
        return { claim };
      } catch (error) {
        const state = sqlState(error);
        if (state === ENROLMENT_PROOF_REFUSED || state === NO_DATA_FOUND)
          return { refused: 'proof' };
        if (state === ENROLMENT_SPENT) return { refused: 'spent' };
        throw error;
      }
    },
  };
}
