/**
 * The desk's fleet authority held by the desk (`fleet_authority`, migration 0013) instead of
 * a file on one console: on a desk with roles the database lets only leads and
 * administrators read or write it (desk-roles.ts), so any of their consoles can issue and
 * revoke machines' identities; on the SQLite file the state is sealed by the console's
 * SecretBox. Every save, issue and revocation is written to the desk's audit log.
 *
 * A save names the version it started from: two consoles issuing at the same moment cannot
 * lose each other's issued keys or revocations (the second is told to try again).
 */
import { DesksideError } from '@deskside/core';
import type { Db } from '../database/open';
import type { AuditLog } from '../desk/audit-log';
import type { SecretBox } from '../secrets/secret-box';
import { FleetAuthority, type IssuedIdentity } from './fleet-authority';

const ROW_ID = 'desk';

export interface DeskFleetAuthorityOptions {
  db: Db;
  /** The console's SecretBox on the SQLite file; null on a desk with roles (grants guard it). */
  secrets: SecretBox | null;
  audit: AuditLog;
  /** Who saves (the signed-in analyst), kept with the row. */
  analyst: string;
  now?: () => Date;
}

interface Loaded {
  authority: FleetAuthority;
  version: number;
}

export class DeskFleetAuthority {
  private readonly now: () => Date;

  constructor(private readonly options: DeskFleetAuthorityOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** Whether the desk holds an authority. */
  async exists(): Promise<boolean> {
    return (await this.load()) !== null;
  }

  /** The authority the desk holds, or null. */
  async get(): Promise<FleetAuthority | null> {
    return (await this.load())?.authority ?? null;
  }

  /**
   * Keeps `authority` as the desk's (a new one, or one moved from `npm run fleet`'s sealed
   * file); refused when the desk already holds one.
   */
  async adopt(authority: FleetAuthority): Promise<void> {
    if (await this.load()) {
      throw new DesksideError('conflict', 'The desk already holds a fleet authority');
    }
    await this.options.db
      .insertInto('fleetAuthority')
      .values({ id: ROW_ID, ...this.row(authority), version: 1 })
      .execute();
    await this.options.audit.record('fleet.authority_saved', authority.operatorPublicKey, {
      operator: authority.operatorPublicKey,
    });
  }

  /** Issues the agent's identity (its machine id as fleet id) and keeps the authority. */
  async issueAgent(agentId: string, options: { expiresAt?: Date } = {}): Promise<IssuedIdentity> {
    const { authority, version } = await this.require();
    const issued = await authority.issueAgent(agentId, options);
    await this.save(authority, version);
    await this.options.audit.record('fleet.identity_issued', agentId, {
      publicKey: issued.publicKey,
      ...(options.expiresAt ? { expiresAt: options.expiresAt.toISOString() } : {}),
    });
    return issued;
  }

  /**
   * Revokes every identity issued to the agent and keeps the authority; answers the revoked
   * public keys. Push the fleet account to the server (`pushFleetAccount`) to cut them off.
   */
  async revokeAgent(agentId: string): Promise<{ authority: FleetAuthority; revoked: string[] }> {
    return this.revokeIdentities(agentId, () => true);
  }

  /**
   * Revokes the agent's identities whose public key `which` picks (say, all but the one just
   * delivered, or the one the agent did not take), audited like `revokeAgent`.
   */
  async revokeIdentities(
    agentId: string,
    which: (publicKey: string) => boolean,
  ): Promise<{ authority: FleetAuthority; revoked: string[] }> {
    const { authority, version } = await this.require();
    const revoked = authority.identitiesOf(agentId).filter(which);
    if (revoked.length === 0) return { authority, revoked };
    const at = this.now();
    for (const key of revoked) authority.revoke(key, at);
    await this.save(authority, version);
    await this.options.audit.record('fleet.identity_revoked', agentId, { publicKeys: revoked });
    return { authority, revoked };
  }

  private row(authority: FleetAuthority) {
    const json = JSON.stringify(authority.toState());
    const { secrets } = this.options;
    return {
      state: secrets ? secrets.seal(json) : json,
      sealed: secrets ? 1 : 0,
      savedBy: this.options.analyst,
      savedAt: this.now().toISOString(),
    };
  }

  private async require(): Promise<Loaded> {
    const loaded = await this.load();
    if (!loaded) {
      throw new DesksideError(
        'not_found',
        'The desk holds no fleet authority: turn fleet mode on first',
      );
    }
    return loaded;
  }

  private async save(authority: FleetAuthority, version: number): Promise<void> {
    const result = await this.options.db
      .updateTable('fleetAuthority')
      .set({ ...this.row(authority), version: version + 1 })
      .where('id', '=', ROW_ID)
      .where('version', '=', version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DesksideError(
        'conflict',
        'The fleet authority was changed by another console meanwhile: try again',
      );
    }
  }

  private async load(): Promise<Loaded | null> {
    const row = await this.options.db
      .selectFrom('fleetAuthority')
      .select(['state', 'sealed', 'version'])
      .where('id', '=', ROW_ID)
      .executeTakeFirst();
    if (!row) return null;
    let json = row.state;
    if (row.sealed === 1) {
      if (!this.options.secrets) {
        throw new DesksideError(
          'validation',
          "The desk's fleet authority is sealed by a console's secrets, which this console does not have",
        );
      }
      json = this.options.secrets.open(row.state);
    }
    return { authority: FleetAuthority.fromState(JSON.parse(json)), version: row.version };
  }
}
