/**
 * The desk as a NATS operator: its operator key, a system account (the server's own, through
 * which account updates reach it at run time) and the fleet account, in which every agent and
 * console connects with a user JWT the desk signs. Permissions come from
 * `core/src/fleet/subjects.ts`; revoking a user adds it to the fleet account's revocations, and
 * the new account JWT is pushed to the server's resolver (`pushFleetAccount`).
 */
import {
  createAccount,
  createOperator,
  createUser,
  encodeAccount,
  encodeOperator,
  encodeUser,
  fmtCreds,
  fromSeed,
  type KeyPair,
} from '@nats-io/jwt';
import { z } from 'zod';
import {
  agentPermissions,
  consolePermissions,
  FleetIdSchema,
  type AnalystRole,
  type FleetPermissions,
} from '@deskside/core';

const SeedSchema = (prefix: 'SO' | 'SA' | 'SU') =>
  z
    .string()
    .regex(new RegExp(`^${prefix}[A-Z2-7]{56}$`), `must be an NKey seed starting ${prefix}`);

const UserKeySchema = z.string().regex(/^U[A-Z2-7]{55}$/, "must be a NATS user's public key");

/** What the desk keeps (sealed, see fleet-keystore.ts): seeds and the revocations. */
export const FleetAuthorityStateSchema = z.strictObject({
  version: z.literal(1),
  name: z.string().min(1).max(64),
  operatorSeed: SeedSchema('SO'),
  systemAccountSeed: SeedSchema('SA'),
  fleetAccountSeed: SeedSchema('SA'),
  /** User public key -> revoked at (seconds since 1970): JWTs issued up to then are refused. */
  revocations: z.record(UserKeySchema, z.int().nonnegative()),
  /** User public key -> whom it was issued to (`agent-<id>`, `console-<id>-<role>`) and when. */
  issued: z.record(UserKeySchema, z.strictObject({ name: z.string(), issuedAt: z.iso.datetime() })),
});
export type FleetAuthorityState = z.infer<typeof FleetAuthorityStateSchema>;

/** One issued identity: what to hand over (the `.creds` text) and what to revoke it by. */
export interface IssuedIdentity {
  /** The user's public NKey (`U...`), the handle for revocation. */
  publicKey: string;
  jwt: string;
  /** The `.creds` file's text: the user JWT and its seed. Secret. */
  creds: string;
}

export interface IssueOptions {
  /** When the identity stops working by itself; never when absent. */
  expiresAt?: Date;
}

/**
 * An account's limits: a limit the JWT leaves out counts as zero for nats-server (no
 * connections at all), so every one is given; -1 is no limit.
 */
const ACCOUNT_LIMITS = {
  subs: -1,
  data: -1,
  payload: -1,
  imports: -1,
  exports: -1,
  wildcards: true,
  conn: -1,
  leaf: -1,
};

/** Everything in the fleet account may use JetStream (buckets and streams) without limit. */
const FLEET_ACCOUNT_LIMITS = {
  ...ACCOUNT_LIMITS,
  mem_storage: -1,
  disk_storage: -1,
  streams: -1,
  consumer: -1,
  max_ack_pending: -1,
  mem_max_stream_bytes: -1,
  disk_max_stream_bytes: -1,
  max_bytes_required: false,
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const decoder = new TextDecoder();
const text = (seed: Uint8Array) => decoder.decode(seed);

export class FleetAuthority {
  private readonly operator: KeyPair;
  private readonly systemAccount: KeyPair;
  private readonly fleetAccount: KeyPair;
  private readonly revocations: Map<string, number>;
  private readonly issued: Map<string, { name: string; issuedAt: string }>;

  private constructor(private readonly state: FleetAuthorityState) {
    this.operator = fromSeed(new TextEncoder().encode(state.operatorSeed));
    this.systemAccount = fromSeed(new TextEncoder().encode(state.systemAccountSeed));
    this.fleetAccount = fromSeed(new TextEncoder().encode(state.fleetAccountSeed));
    this.revocations = new Map(Object.entries(state.revocations));
    this.issued = new Map(Object.entries(state.issued));
  }

  /** A new operator with its system and fleet accounts. */
  static create(name = 'deskside'): FleetAuthority {
    return new FleetAuthority({
      version: 1,
      name,
      operatorSeed: text(createOperator().getSeed()),
      systemAccountSeed: text(createAccount().getSeed()),
      fleetAccountSeed: text(createAccount().getSeed()),
      revocations: {},
      issued: {},
    });
  }

  /** The authority kept earlier; a damaged state is refused, naming the field. */
  static fromState(state: unknown): FleetAuthority {
    return new FleetAuthority(FleetAuthorityStateSchema.parse(state));
  }

  toState(): FleetAuthorityState {
    return {
      ...this.state,
      revocations: Object.fromEntries(this.revocations),
      issued: Object.fromEntries(this.issued),
    };
  }

  get operatorPublicKey(): string {
    return this.operator.getPublicKey();
  }
  get systemAccountPublicKey(): string {
    return this.systemAccount.getPublicKey();
  }
  get fleetAccountPublicKey(): string {
    return this.fleetAccount.getPublicKey();
  }

  /** The operator JWT the server trusts (its `operator` setting). */
  operatorJwt(): Promise<string> {
    return encodeOperator(this.state.name, this.operator, {
      system_account: this.systemAccountPublicKey,
    });
  }

  systemAccountJwt(): Promise<string> {
    return encodeAccount(
      'SYS',
      this.systemAccount,
      { limits: ACCOUNT_LIMITS },
      { signer: this.operator },
    );
  }

  /** The fleet account's JWT, with the revocations as they are now (issued now: newest wins). */
  fleetAccountJwt(): Promise<string> {
    return encodeAccount(
      `${this.state.name}-fleet`,
      this.fleetAccount,
      {
        limits: FLEET_ACCOUNT_LIMITS,
        revocations: Object.fromEntries(this.revocations),
      },
      { signer: this.operator },
    );
  }

  /** An agent's identity: its own requests, announcements and keys only. */
  issueAgent(agentId: string, options: IssueOptions = {}): Promise<IssuedIdentity> {
    const agent = FleetIdSchema.parse(agentId);
    return this.issueFleetUser(`agent-${agent}`, agentPermissions(agent), options);
  }

  /** A console's identity, with what its analyst's role allows. */
  issueConsole(
    consoleId: string,
    role: AnalystRole,
    options: IssueOptions = {},
  ): Promise<IssuedIdentity> {
    const id = FleetIdSchema.parse(consoleId);
    return this.issueFleetUser(`console-${id}-${role}`, consolePermissions(role, id), options);
  }

  /**
   * A user of the system account: it may publish account updates to the server
   * (`$SYS.REQ.CLAIMS.UPDATE`). Only the desk's own issuer uses it; never handed out.
   */
  async issueSystemUser(options: IssueOptions = {}): Promise<IssuedIdentity> {
    const user = createUser();
    const jwt = await encodeUser(
      'deskside-issuer',
      user,
      this.systemAccount,
      {
        pub: { allow: ['$SYS.REQ.CLAIMS.UPDATE', '$SYS.REQ.ACCOUNT.*.CLAIMS.UPDATE'], deny: [] },
        sub: { allow: ['_INBOX.>'], deny: [] },
      },
      expiry(options),
    );
    return identity(user, jwt);
  }

  /**
   * Revokes every identity issued to `publicKey` up to `at`. The fleet account JWT changes:
   * push it to the server (`pushAccount`) for connected clients to be cut off.
   */
  revoke(publicKey: string, at: Date = new Date()): void {
    this.revocations.set(UserKeySchema.parse(publicKey), seconds(at));
  }

  /** Revokes every identity issued to the agent; answers their public keys (none: []). */
  revokeAgent(agentId: string, at: Date = new Date()): string[] {
    const keys = this.identitiesOf(agentId);
    for (const key of keys) this.revoke(key, at);
    return keys;
  }

  /** The public keys of the identities issued to the agent and not revoked. */
  identitiesOf(agentId: string): string[] {
    const name = `agent-${FleetIdSchema.parse(agentId)}`;
    return [...this.issued]
      .filter(([key, user]) => user.name === name && !this.isRevoked(key))
      .map(([key]) => key);
  }

  isRevoked(publicKey: string): boolean {
    return this.revocations.has(publicKey);
  }

  private async issueFleetUser(
    name: string,
    permissions: FleetPermissions,
    options: IssueOptions,
  ): Promise<IssuedIdentity> {
    const user = createUser();
    const jwt = await encodeUser(
      name,
      user,
      this.fleetAccount,
      {
        pub: { allow: permissions.pub.allow, deny: [] },
        sub: { allow: permissions.sub.allow, deny: [] },
        resp: permissions.resp,
      },
      expiry(options),
    );
    this.issued.set(user.getPublicKey(), { name, issuedAt: new Date().toISOString() });
    return identity(user, jwt);
  }
}

function expiry(options: IssueOptions): { exp?: number } {
  return options.expiresAt ? { exp: seconds(options.expiresAt) } : {};
}

function identity(user: KeyPair, jwt: string): IssuedIdentity {
  return { publicKey: user.getPublicKey(), jwt, creds: decoder.decode(fmtCreds(jwt, user)) };
}
