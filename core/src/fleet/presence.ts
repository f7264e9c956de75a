/**
 * What fleet agents put in the presence and inventory buckets, and the console's fleet
 * settings. The console checks every value it reads with these schemas: a value that does
 * not parse is ignored, never shown.
 */
import { z } from 'zod';

const Timestamp = z.iso.datetime({ offset: true });

/** Seconds between two heartbeats of an agent, unless its config says otherwise. */
export const FLEET_HEARTBEAT_SECONDS = 15;
/**
 * How many heartbeat intervals the presence bucket keeps a key: an agent silent for that
 * long (lid closed, network gone, crashed) has expired and shows offline.
 */
export const FLEET_PRESENCE_TTL_HEARTBEATS = 3;

/** An agent's heartbeat: its value under its own key in `deskside-presence`. */
export const FleetPresenceSchema = z.strictObject({
  agentVersion: z.string().min(1).max(64),
  hostName: z.string().min(1).max(255),
  os: z.strictObject({
    platform: z.string().min(1).max(32),
    release: z.string().max(128),
    arch: z.string().max(32),
  }),
  /** When this agent process started. */
  startedAt: Timestamp,
  /** When this heartbeat was sent, by the agent's clock. */
  sentAt: Timestamp,
  /** The heartbeat interval the agent keeps, in seconds. */
  intervalSeconds: z.number().int().min(1).max(3600),
});
export type FleetPresence = z.infer<typeof FleetPresenceSchema>;

/**
 * An agent's value under its own key in `deskside-inventory`: a digest of its latest
 * inventory, not the document itself (an inventory can be larger than a NATS message may
 * be). The document goes out on `deskside.agent.<id>.inventory` as gzip-compressed JSON,
 * kept by the `DESKSIDE_INVENTORY` stream.
 */
export const FleetInventoryDigestSchema = z.strictObject({
  /** SHA-256 of the uncompressed JSON, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Size of the JSON and of its gzip form, in bytes. */
  bytes: z.number().int().nonnegative(),
  gzipBytes: z.number().int().nonnegative(),
  /** Whether the document went out on the inventory subject (false: larger than allowed). */
  published: z.boolean(),
  sentAt: Timestamp,
});
export type FleetInventoryDigest = z.infer<typeof FleetInventoryDigestSchema>;

/** The header naming how an inventory message's body is encoded. */
export const FLEET_INVENTORY_ENCODING = 'gzip';

export const NatsServerUrlSchema = z
  .string()
  .regex(
    /^(nats|tls):\/\/[0-9A-Za-z.:[\]-]+(:\d{1,5})?$/,
    'must be a NATS server URL such as nats://nats.example.org:4222 or tls://...',
  );

/** The console's fleet settings: absent, the console does not use fleet mode. */
export const FleetLinkSettingsSchema = z.strictObject({
  servers: z.array(NatsServerUrlSchema).min(1).max(16),
  /** The console's `.creds` file, as `npm run fleet -- issue-console` wrote it. */
  credentialsFile: z.string().min(1).max(4096),
  /**
   * TLS to the servers: the CA file (PEM) their certificates are checked against, when not
   * one the system trusts. A `tls://` server URL asks for TLS with the system's CAs.
   */
  tlsCaFile: z.string().min(1).max(4096).optional(),
});
export type FleetLinkSettings = z.infer<typeof FleetLinkSettingsSchema>;

/** A fleet machine's presence as the console shows it. */
export const FleetMachinePresenceSchema = z.strictObject({
  machineId: z.string(),
  online: z.boolean(),
  /** The last heartbeat received (the console's clock), null if none since it connected. */
  lastSeenAt: Timestamp.nullable(),
  presence: FleetPresenceSchema.nullable(),
  /**
   * The agent's version in its latest heartbeat; kept by the desk (`fleet_presence`) when the
   * heartbeat itself is not, e.g. after a console's restart.
   */
  agentVersion: z.string().nullable().optional(),
});
export type FleetMachinePresence = z.infer<typeof FleetMachinePresenceSchema>;
