import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { EnrolmentClaimRequest, EnrolmentFile, PairRequest } from '@deskside/core';
import type { Caller } from '../server/context';
import { sha256Hex } from '../server/identity';
import { LockedJsonFile } from '../state/locked-json-file';
import {
  RegistryStateSchema,
  addPendingCode,
  emptyRegistryState,
  exchangeCode,
  pendingCodes,
  revokeConsole,
  type ConsoleRecord,
  type ExchangeResult,
  type PendingCode,
  type RegistryState,
} from './registry-state';
import {
  addEnrolment,
  claimEnrolment,
  enrolmentProofs,
  type ClaimResult,
  type EnrolOutcome,
} from './enrolment-state';
import type { EnrolmentRecord } from './registry-state';
import { generatePairingCode } from './secrets';
import { keyIdOf, type KnownKey } from './signed-requests';

export const REGISTRY_FILE = 'consoles.json';

export interface ConsoleRegistryOptions {
  dataDir: string;
  now?: () => Date;
  /** Told when consoles.json cannot be read; the agent then accepts no paired console. */
  onReadError?: (error: unknown) => void;
}

interface Snapshot {
  /** Identifies one version of the file (renaming a new one over it changes the inode). */
  version: string;
  byCredential: Map<string, Caller>;
  /** The same consoles by the id of the key their signed requests use. */
  byKeyId: Map<string, KnownKey<Caller>>;
}

/**
 * The consoles paired with this agent and the pairing codes waiting to be used, kept in
 * consoles.json in the data folder. CLI commands change the file while `serve` runs; `serve`
 * looks at the file on every authentication, so a revocation counts from the next request.
 */
export class ConsoleRegistry {
  private readonly store: LockedJsonFile<RegistryState>;
  private readonly now: () => Date;
  private snapshot: Snapshot | null = null;
  private loading: Promise<Snapshot> | null = null;

  constructor(private readonly options: ConsoleRegistryOptions) {
    this.store = new LockedJsonFile(
      path.join(options.dataDir, REGISTRY_FILE),
      RegistryStateSchema,
      emptyRegistryState,
    );
    this.now = options.now ?? (() => new Date());
  }

  get file(): string {
    return this.store.file;
  }

  /** Issues a one-time code; only its hash is stored. */
  async issueCode(options: {
    ttlMs: number;
    label: string | null;
  }): Promise<{ code: string; expiresAt: Date }> {
    const code = generatePairingCode();
    const now = this.now();
    await this.store.update((state) => ({
      next: addPendingCode(state, { code, label: options.label, now, ttlMs: options.ttlMs }),
      result: undefined,
    }));
    return { code, expiresAt: new Date(now.getTime() + options.ttlMs) };
  }

  /** Exchanges a code for a new console's credential, or counts a wrong attempt. */
  exchange(request: PairRequest, remoteAddress: string): Promise<ExchangeResult> {
    const now = this.now();
    return this.store.update((state) =>
      exchangeCode(state, {
        code: request.code,
        consoleName: request.consoleName,
        remoteAddress,
        now,
      }),
    );
  }

  /** Records a checked enrolment file (enrolment-crypto.ts `checkEnrolmentFile`); idempotent. */
  async enrol(file: EnrolmentFile): Promise<{ outcome: EnrolOutcome; enrolment: EnrolmentRecord }> {
    const now = this.now();
    // The same file at every start: answered from a plain read, without taking the lock.
    const known = addEnrolment(await this.store.read(), file, now);
    if (known.result.outcome === 'unchanged') return known.result;
    return this.store.update((state) => addEnrolment(state, file, now));
  }

  /** This agent's proofs of the enrolments it holds, bound to its certificate. */
  async enrolmentProofs(
    fingerprint: string,
    challenge: string,
  ): Promise<{ enrolmentId: string; proof: string }[]> {
    return enrolmentProofs(await this.store.read(), { fingerprint, challenge, now: this.now() });
  }

  /** Uses a one-time claim of the desk for a new console's credential. */
  claim(request: EnrolmentClaimRequest, remoteAddress: string): Promise<ClaimResult> {
    const now = this.now();
    return this.store.update((state) =>
      claimEnrolment(state, {
        enrolmentId: request.enrolmentId,
        claim: request.claim,
        consoleName: request.consoleName,
        remoteAddress,
        now,
      }),
    );
  }

  revoke(id: string): Promise<ConsoleRecord> {
    const now = this.now();
    return this.store.update((state) => revokeConsole(state, id, now));
  }

  async list(): Promise<{
    consoles: ConsoleRecord[];
    pendingCodes: PendingCode[];
    enrolments: EnrolmentRecord[];
  }> {
    const state = await this.store.read();
    return {
      consoles: state.consoles,
      pendingCodes: pendingCodes(state, this.now()),
      enrolments: state.enrolments ?? [],
    };
  }

  /** The paired, unrevoked console holding this credential, or null. */
  async authenticate(credential: string): Promise<Caller | null> {
    const snapshot = await this.current();
    return snapshot.byCredential.get(sha256Hex(credential)) ?? null;
  }

  /** The key of the paired, unrevoked console whose key has this id, or null. */
  async findKey(keyId: string): Promise<KnownKey<Caller> | null> {
    const snapshot = await this.current();
    return snapshot.byKeyId.get(keyId) ?? null;
  }

  private async current(): Promise<Snapshot> {
    const version = await this.fileVersion();
    if (this.snapshot?.version === version) return this.snapshot;
    // Requests arriving while the file is read share one read.
    this.loading ??= this.load(version).finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fileVersion(): Promise<string> {
    try {
      const info = await stat(this.store.file, { bigint: true });
      return `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
      throw error;
    }
  }

  private async load(version: string): Promise<Snapshot> {
    const byCredential = new Map<string, Caller>();
    const byKeyId = new Map<string, KnownKey<Caller>>();
    try {
      for (const record of (await this.store.read()).consoles) {
        if (record.revokedAt === null) {
          const caller = { consoleId: record.id };
          byCredential.set(record.credentialSha256, caller);
          // What the agent keeps of a credential is the key signed requests use.
          const key = Buffer.from(record.credentialSha256, 'hex');
          byKeyId.set(keyIdOf(key), { key, caller });
        }
      }
    } catch (error) {
      // Fail closed: a damaged file admits no paired console until it is repaired.
      this.options.onReadError?.(error);
      byCredential.clear();
      byKeyId.clear();
    }
    this.snapshot = { version, byCredential, byKeyId };
    return this.snapshot;
  }
}
