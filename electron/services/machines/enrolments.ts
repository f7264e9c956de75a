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
 * Who holds the file's secret and the claims' seed, checks proofs and spends claims is the
 * keeper's to say (enrolment-keepers.ts): the console on the SQLite file, the database on a
 * shared PostgreSQL desk, where only administrators issue and revoke files.
 */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { z } from 'zod';
import {
  DesksideError,
  type AddEnrolledMachineInputSchema,
  type Enrolment,
  type IssueEnrolmentInputSchema,
  type IssuedEnrolment,
  type Machine,
} from '@deskside/core';
import { createEnrolment, enrolmentFileText } from '@deskside/agent/enrolment';
import type { Db } from '../database/open';
import type { EnrolmentsTable } from '../database/schema';
import { enrolmentPost, probeAgent, type PinnedEndpoint } from './agent-client';
import { spentError, type EnrolmentKeeper } from './enrolment-keepers';
import type { MachineService } from './machine-service';

export interface EnrolmentServiceDeps {
  db: Db;
  keeper: EnrolmentKeeper;
  machines: MachineService;
  /** How the file names the desk. */
  deskName: string;
  /** How agents list this console once it paired, e.g. "ana@helpdesk-07". */
  consoleName: string;
  now?: () => Date;
}

const toEnrolment = (row: Selectable<EnrolmentsTable>): Enrolment => ({
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

  async issue(input: z.output<typeof IssueEnrolmentInputSchema>): Promise<IssuedEnrolment> {
    const { file, seed } = createEnrolment({
      deskName: this.deps.deskName,
      label: input.label,
      validDays: input.validDays,
      maxMachines: input.maxMachines,
      now: this.now(),
    });
    await this.deps.keeper.issue(
      {
        id: file.id,
        label: file.label,
        keyId: file.deskKey.keyId,
        issuedAt: file.issuedAt,
        expiresAt: file.expiresAt,
        maxMachines: file.maxMachines,
      },
      { secret: file.secret, seed: seed.toString('base64url') },
    );
    return { enrolment: await this.get(file.id), fileText: enrolmentFileText(file) };
  }

  private async get(id: string): Promise<Enrolment> {
    const row = await this.deps.db
      .selectFrom('enrolments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new DesksideError('not_found', 'No such enrolment file');
    return toEnrolment(row);
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
    await this.deps.keeper.revoke(id);
    return this.get(id);
  }

  /** Adds an agent that took one of this desk's enrolment files, by its address alone. */
  async addMachine(input: z.output<typeof AddEnrolledMachineInputSchema>): Promise<Machine> {
    await this.deps.machines.refuseListed(input);
    const presented = await probeAgent(input);
    const endpoint: PinnedEndpoint = {
      address: input.address,
      port: input.port,
      certPem: presented.certPem,
      fingerprint: presented.fingerprint,
    };
    const { enrolmentId, claim } = await this.proveAndClaim(endpoint);
    const paired = await enrolmentPost(endpoint, 'enrolmentClaim', {
      enrolmentId,
      claim,
      consoleName: this.deps.consoleName,
    });
    return this.deps.machines.insert(
      endpoint,
      paired.credential,
      input.name ?? paired.hostname,
      paired.hostname,
    );
  }

  /**
   * Asks the agent behind `endpoint` to prove it holds one of this desk's files, bound to
   * the certificate it presents, and spends a claim of the first file whose proof holds.
   */
  private async proveAndClaim(
    endpoint: PinnedEndpoint,
  ): Promise<{ enrolmentId: string; claim: string }> {
    const challenge = randomBytes(32).toString('hex');
    const answer = await enrolmentPost(endpoint, 'enrolmentProof', { challenge });
    const ids = answer.proofs.map((proof) => proof.enrolmentId);
    const ours =
      ids.length === 0
        ? []
        : await this.deps.db.selectFrom('enrolments').select('id').where('id', 'in', ids).execute();
    const where = `${endpoint.address}:${endpoint.port}`;
    if (ours.length === 0) {
      throw new DesksideError(
        'enrolment_refused',
        `The agent at ${where} holds no enrolment file of this desk: place one on it (deskside-agent enrol), or pair it with a code. Nothing was added.`,
      );
    }
    let spent = false;
    for (const { id } of ours) {
      const given = answer.proofs.find((proof) => proof.enrolmentId === id);
      if (!given) continue;
      const outcome = await this.deps.keeper.claim({
        enrolmentId: id,
        fingerprint: endpoint.fingerprint,
        challenge,
        proof: given.proof,
      });
      if ('claim' in outcome) return { enrolmentId: id, claim: outcome.claim };
      if (outcome.refused === 'spent') spent = true;
    }
    if (spent) throw spentError();
    throw new DesksideError(
      'certificate_mismatch',
      `The agent at ${where} could not prove it holds this desk's enrolment file for the certificate it presents (${endpoint.fingerprint}): something may stand between this console and the machine. Nothing was pinned or added.`,
    );
  }
}
