/**
 * Enrolment files: pairing many PCs without reading codes aloud (core/src/enrolment.ts says
 * what the file holds). The desk issues a file, lists and revokes its files, and adds an
 * enrolled agent by its address:
 *
 * 1. first contact shows the certificate the agent presents (nothing is sent);
 * 2. over a connection pinned to that certificate, the agent proves it holds the file's
 *    secret with an HMAC over that same certificate's fingerprint and a fresh challenge; the
 *    desk checks the proof before it trusts the certificate, so a machine in the middle,
 *    presenting a certificate of its own, is refused and nothing is pinned;
 * 3. the desk spends one of the file's claims (no more than the file's machines, not after
 *    it expired or was revoked) and sends it over the same pinned connection; the agent
 *    answers with a credential, as for a pairing code;
 * 4. the machine is added with that certificate pinned and the credential kept by whoever
 *    keeps the desk's credentials (machine-credentials.ts).
 *
 * The file's secret and the claims' seed are sealed by this console's secret box: on the
 * SQLite file, the console is the desk. A shared PostgreSQL desk does not issue enrolment
 * files yet (its database would have to hold and use those secrets, as it does machine keys).
 */
import { randomBytes } from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import {
  DesksideError,
  type AddEnrolledMachineInputSchema,
  type Enrolment,
  type IssueEnrolmentInputSchema,
  type IssuedEnrolment,
  type Machine,
} from '@deskside/core';
import {
  claimToken,
  createEnrolment,
  enrolmentFileText,
  enrolmentProof,
  sameDigest,
} from '@deskside/agent/enrolment';
import type { DialectName } from '../database/dialect';
import type { Db } from '../database/open';
import type { EnrolmentsTable as EnrolmentsColumns } from '../database/schema';
import type { SecretBox } from '../secrets/secret-box';
import { enrolmentPost, probeAgent, type PinnedEndpoint } from './agent-client';
import type { MachineService } from './machine-service';

export interface EnrolmentServiceDeps {
  db: Db;
  dialect: DialectName;
  secrets: SecretBox;
  machines: MachineService;
  analyst: string;
  /** How the file names the desk, and how agents list it. */
  deskName: string;
  now?: () => Date;
}

type EnrolmentsTable = Selectable<EnrolmentsColumns>;

interface SealedSecrets {
  secret: string;
  seed: string;
}

const toEnrolment = (row: EnrolmentsTable): Enrolment => ({
  id: row.id,
  label: row.label,
  keyId: row.keyId,
  issuedBy: row.issuedBy,
  issuedAt: row.issuedAt,
  expiresAt: row.expiresAt,
  maxMachines: row.maxMachines,
  usedMachines: row.usedMachines,
  revokedAt: row.revokedAt,
  revokedBy: row.revokedBy,
});

export class EnrolmentService {
  private readonly now: () => Date;

  constructor(private readonly deps: EnrolmentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private refuseOnSharedDesk(): void {
    if (this.deps.dialect === 'postgres') {
      throw new DesksideError(
        'forbidden',
        'A shared desk does not issue enrolment files yet: pair its machines with a code',
      );
    }
  }

  async issue(input: z.output<typeof IssueEnrolmentInputSchema>): Promise<IssuedEnrolment> {
    this.refuseOnSharedDesk();
    const { file, seed } = createEnrolment({
      deskName: this.deps.deskName,
      label: input.label,
      validDays: input.validDays,
      maxMachines: input.maxMachines,
      now: this.now(),
    });
    const sealed: SealedSecrets = { secret: file.secret, seed: seed.toString('base64url') };
    const row: EnrolmentsTable = {
      id: file.id,
      label: file.label,
      keyId: file.deskKey.keyId,
      issuedBy: this.deps.analyst,
      issuedAt: file.issuedAt,
      expiresAt: file.expiresAt,
      maxMachines: file.maxMachines,
      usedMachines: 0,
      revokedAt: null,
      revokedBy: null,
      secretsSealed: this.deps.secrets.seal(JSON.stringify(sealed)),
    };
    await this.deps.db.insertInto('enrolments').values(row).execute();
    return { enrolment: toEnrolment(row), fileText: enrolmentFileText(file) };
  }

  async list(): Promise<Enrolment[]> {
    const rows = await this.deps.db
      .selectFrom('enrolments')
      .selectAll()
      .orderBy('issuedAt', 'desc')
      .execute();
    return rows.map(toEnrolment);
  }

  /** No machine is added with the file from now on; machines added before stay paired. */
  async revoke(id: string): Promise<Enrolment> {
    const at = this.now().toISOString();
    await this.deps.db
      .updateTable('enrolments')
      .set({ revokedAt: at, revokedBy: this.deps.analyst })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
    const row = await this.deps.db
      .selectFrom('enrolments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such enrolment file');
    return toEnrolment(row);
  }

  /** Adds an agent that took one of this desk's enrolment files, by its address alone. */
  async addMachine(input: z.output<typeof AddEnrolledMachineInputSchema>): Promise<Machine> {
    this.refuseOnSharedDesk();
    await this.deps.machines.refuseListed(input);
    const presented = await probeAgent(input);
    const endpoint: PinnedEndpoint = {
      address: input.address,
      port: input.port,
      certPem: presented.certPem,
      fingerprint: presented.fingerprint,
    };
    const enrolment = await this.provenEnrolment(endpoint);
    const claim = await this.spendClaim(enrolment.id);
    const paired = await enrolmentPost(endpoint, 'enrolmentClaim', {
      enrolmentId: enrolment.id,
      claim,
      consoleName: this.deps.deskName,
    });
    return this.deps.machines.insert(
      endpoint,
      paired.credential,
      input.name ?? paired.hostname,
      paired.hostname,
    );
  }

  private secretsOf(row: EnrolmentsTable): SealedSecrets {
    return JSON.parse(this.deps.secrets.open(row.secretsSealed)) as SealedSecrets;
  }

  /** The enrolment of this desk whose secret the agent behind `endpoint` proves it holds. */
  private async provenEnrolment(endpoint: PinnedEndpoint): Promise<EnrolmentsTable> {
    const challenge = randomBytes(32).toString('hex');
    const answer = await enrolmentPost(endpoint, 'enrolmentProof', { challenge });
    const ids = answer.proofs.map((proof) => proof.enrolmentId);
    const rows =
      ids.length === 0
        ? []
        : await this.deps.db.selectFrom('enrolments').selectAll().where('id', 'in', ids).execute();
    const where = `${endpoint.address}:${endpoint.port}`;
    if (rows.length === 0) {
      throw new DesksideError(
        'pairing_refused',
        `The agent at ${where} holds no enrolment file of this desk: place one on it (deskside-agent enrol), or pair it with a code. Nothing was added.`,
      );
    }
    for (const row of rows) {
      const given = answer.proofs.find((proof) => proof.enrolmentId === row.id);
      const expected = enrolmentProof(this.secretsOf(row).secret, {
        enrolmentId: row.id,
        fingerprint: endpoint.fingerprint,
        challenge,
      });
      if (given && sameDigest(given.proof, expected)) return row;
    }
    throw new DesksideError(
      'certificate_mismatch',
      `The agent at ${where} could not prove it holds this desk's enrolment file for the certificate it presents (${endpoint.fingerprint}): something may stand between this console and the machine. Nothing was pinned or added.`,
    );
  }

  /** Takes the next claim of an enrolment, if it is still valid and has one left. */
  private async spendClaim(id: string): Promise<string> {
    const now = this.now().toISOString();
    const taken = await this.deps.db
      .updateTable('enrolments')
      .set({ usedMachines: sql<number>`used_machines + 1` })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .where(sql<boolean>`used_machines < max_machines`)
      .returning(['usedMachines', 'secretsSealed'])
      .executeTakeFirst();
    if (!taken) {
      throw new DesksideError(
        'pairing_refused',
        'This enrolment file was revoked, has expired or has added all the machines it may: issue a new one. Nothing was added.',
      );
    }
    const seed = Buffer.from(
      (JSON.parse(this.deps.secrets.open(taken.secretsSealed)) as SealedSecrets).seed,
      'base64url',
    );
    return claimToken(seed, taken.usedMachines - 1);
  }
}
