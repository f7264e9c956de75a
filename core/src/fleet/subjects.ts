/**
 * Fleet mode's NATS subjects, key-value buckets and streams, and what each identity may
 * publish and subscribe to: the one place they are written. The desk's issuer turns these
 * permissions into user JWTs; the NATS server enforces them.
 *
 * Layout, for an agent `<id>`:
 * - `deskside.agent.<id>.req.<kind>`: requests to that agent (a console asks, the agent
 *   answers the request's reply subject, which the server allows once: `resp`);
 * - `deskside.fleet.req.<kind>`: requests to every agent at once (scatter-gather, leads and
 *   administrators);
 * - `deskside.agent.<id>.heartbeat`, `.inventory`, `.help`: what the agent announces;
 * - `$KV.<bucket>.<id>` (and `$KV.<bucket>.<id>.<part>`): the agent's keys in the presence
 *   and inventory buckets. A key starts with the agent's id, so "only its own keys" is a
 *   subject permission;
 * - `_INBOX.agent.<id>.>` / `_INBOX.console.<id>.>`: each identity's own reply inbox
 *   (its client's `inboxPrefix`), so no one can read replies meant for someone else.
 */
import { z } from 'zod';
import { AnalystRoleSchema, type AnalystRole } from '../desk';

/**
 * An agent's or a console's id in subjects: one subject token, so no dots, spaces or NATS
 * wildcards (`*`, `>`), and nothing a `$KV` key could not hold.
 */
export const FleetIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,64}$/,
    'must be 1 to 64 letters, digits, "-" or "_" (no dots, spaces or wildcards)',
  );
export type FleetId = z.infer<typeof FleetIdSchema>;

/** A request kind: one or more tokens of letters, digits, "-" and "_" (e.g. `check`). */
export const FleetRequestKindSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,3}$/, 'must be a plain subject name');

export const FLEET_PREFIX = 'deskside';

/** The key-value buckets: the latest presence (with expiry) and inventory of each agent. */
export const FLEET_BUCKETS = {
  presence: 'deskside-presence',
  inventory: 'deskside-inventory',
} as const;
export type FleetBucket = (typeof FLEET_BUCKETS)[keyof typeof FLEET_BUCKETS];

/** The streams: inventory changes and help requests, as every agent announces them. */
export const FLEET_STREAMS = {
  inventoryChanges: { name: 'DESKSIDE_INVENTORY', subjects: ['deskside.agent.*.inventory'] },
  help: { name: 'DESKSIDE_HELP', subjects: ['deskside.agent.*.help'] },
} as const;

/**
 * Checks for agents that did not answer: a work-queue stream (one subject per agent, each
 * request removed once acknowledged, dropped at its max age) and the results agents publish
 * after running them.
 */
export const FLEET_CHECK_STREAMS = {
  queue: { name: 'DESKSIDE_CHECK_QUEUE', subjects: ['deskside.queue.*.check'] },
  results: { name: 'DESKSIDE_CHECK_RESULTS', subjects: ['deskside.agent.*.check.result'] },
} as const;

/**
 * The desk's answers to help requests (the ticket made, analysts' messages): a work queue,
 * one subject per agent, each message kept until that agent takes it (it may be away).
 */
export const FLEET_HELP_QUEUE = {
  name: 'DESKSIDE_HELP_QUEUE',
  subjects: ['deskside.queue.*.help'],
} as const;

/** The durable consumer of an agent's help queue: the only one of it that agent may read. */
export const helpQueueConsumer = (agentId: string): string => `help-${id(agentId)}`;

/** The durable consumer of an agent's queued checks: the only one that agent may read. */
export const checkQueueConsumer = (agentId: string): string => `checks-${id(agentId)}`;

/** JetStream's own stream behind a key-value bucket. */
export const kvStreamName = (bucket: FleetBucket): string => `KV_${bucket}`;

const id = (value: string): string => FleetIdSchema.parse(value);

export const fleetSubjects = {
  /** A request of `kind` to one agent. */
  agentRequest: (agentId: string, kind: string) =>
    `${FLEET_PREFIX}.agent.${id(agentId)}.req.${FleetRequestKindSchema.parse(kind)}`,
  /** Every request to one agent (what the agent subscribes to). */
  agentRequests: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.req.>`,
  /** A request of `kind` to every agent (scatter-gather). */
  fleetRequest: (kind: string) => `${FLEET_PREFIX}.fleet.req.${FleetRequestKindSchema.parse(kind)}`,
  fleetRequests: () => `${FLEET_PREFIX}.fleet.req.>`,
  heartbeat: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.heartbeat`,
  inventory: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.inventory`,
  help: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.help`,
  /** A check queued for an agent that was not connected. */
  queuedCheck: (agentId: string) => `${FLEET_PREFIX}.queue.${id(agentId)}.check`,
  /** The desk's answers to an agent's help requests (the help queue). */
  helpQueue: (agentId: string) => `${FLEET_PREFIX}.queue.${id(agentId)}.help`,
  /** Progress of an agent's running checks (when the request asks for it). */
  checkProgress: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.check.progress`,
  /** Every agent's check progress (what a console following a request listens to). */
  anyCheckProgress: () => `${FLEET_PREFIX}.agent.*.check.progress`,
  /** Results of a queued check, kept in the results stream until a console reads them. */
  checkResult: (agentId: string) => `${FLEET_PREFIX}.agent.${id(agentId)}.check.result`,
  /** `agentId` or `*` (every agent): what a console listens to. */
  anyAgent: (what: 'heartbeat' | 'inventory' | 'help') => `${FLEET_PREFIX}.agent.*.${what}`,
  /** The subject of an agent's key in a bucket (`part` for a key below it, e.g. a section). */
  kvKey: (bucket: FleetBucket, agentId: string, part?: string) =>
    `$KV.${bucket}.${fleetKvKey(agentId, part)}`,
} as const;

/** An agent's key in a bucket: its id, or `<id>.<part>`. */
export function fleetKvKey(agentId: string, part?: string): string {
  return part === undefined ? id(agentId) : `${id(agentId)}.${id(part)}`;
}

/** The inbox prefix each identity's client must use (`inboxPrefix` in its connect options). */
export const fleetInboxPrefix = (kind: 'agent' | 'console', identityId: string): string =>
  `_INBOX.${kind}.${id(identityId)}`;

/** Publish and subscribe permissions, as a NATS user JWT holds them. */
export interface FleetPermissions {
  pub: { allow: string[] };
  sub: { allow: string[] };
  /**
   * Replies allowed to the reply subjects of messages received (`allow_responses`): at most
   * `max` each, within `ttl` nanoseconds (the JWT holds a Go duration).
   */
  resp: { max: number; ttl: number };
}

const NANOSECONDS_PER_SECOND = 1_000_000_000;
/** One reply per request, within two minutes (a slow check still answers). */
const AGENT_RESPONSES = { max: 1, ttl: 120 * NANOSECONDS_PER_SECOND };
/** Consoles answer flow-control and help requests with one reply each. */
const CONSOLE_RESPONSES = { max: 1, ttl: 60 * NANOSECONDS_PER_SECOND };

/**
 * An agent: its own requests (and the fleet-wide ones) in, its own announcements and its
 * own keys out, replies to the requests it received, nothing else. It never reads a bucket.
 */
export function agentPermissions(agentId: string): FleetPermissions {
  const agent = id(agentId);
  return {
    pub: {
      allow: [
        fleetSubjects.heartbeat(agent),
        fleetSubjects.inventory(agent),
        fleetSubjects.help(agent),
        ...Object.values(FLEET_BUCKETS).flatMap((bucket) => [
          fleetSubjects.kvKey(bucket, agent),
          `${fleetSubjects.kvKey(bucket, agent)}.>`,
        ]),
        fleetSubjects.checkProgress(agent),
        fleetSubjects.checkResult(agent),
        ...ownCheckQueue(agent),
        ...ownConsumer(FLEET_HELP_QUEUE.name, helpQueueConsumer(agent)),
      ],
    },
    sub: {
      allow: [
        fleetSubjects.agentRequests(agent),
        fleetSubjects.fleetRequests(),
        `${fleetInboxPrefix('agent', agent)}.>`,
      ],
    },
    resp: AGENT_RESPONSES,
  };
}

/**
 * An agent's own queued checks: the info of, fetches from and acknowledgements to its own
 * durable consumer (a console creates it, filtered on the agent's queue subject). The agent
 * cannot create consumers, so it cannot read another agent's queue.
 */
function ownCheckQueue(agentId: string): string[] {
  return ownConsumer(FLEET_CHECK_STREAMS.queue.name, checkQueueConsumer(agentId));
}

/** The info of, fetches from and acknowledgements to one durable consumer a console made. */
function ownConsumer(stream: string, consumer: string): string[] {
  return [
    `$JS.API.CONSUMER.INFO.${stream}.${consumer}`,
    `$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`,
    `$JS.ACK.${stream}.${consumer}.>`,
  ];
}

/**
 * Reading a stream: its info, and consumers of it (ordered consumers for watchers and key
 * lists, pull consumers for the help queue): create, ask after, fetch from, acknowledge, remove.
 */
function readStream(stream: string): string[] {
  return [
    `$JS.API.STREAM.INFO.${stream}`,
    `$JS.API.CONSUMER.CREATE.${stream}`,
    ...['CREATE', 'INFO', 'MSG.NEXT', 'DELETE'].map(
      (what) => `$JS.API.CONSUMER.${what}.${stream}.>`,
    ),
    `$JS.ACK.${stream}.>`,
  ];
}

/** Reading a bucket: its stream as above, and direct gets of any key. */
function readBucket(bucket: FleetBucket): string[] {
  const stream = kvStreamName(bucket);
  return [...readStream(stream), `$JS.API.DIRECT.GET.${stream}`, `$JS.API.DIRECT.GET.${stream}.>`];
}

/**
 * A console, by its analyst's role:
 * - analyst: requests to one agent at a time; reads presence, inventory, inventory changes
 *   and help requests, and answers help requests;
 * - lead: also requests to every agent at once (scatter-gather);
 * - admin: also manages JetStream in the fleet account (creates and removes the buckets and
 *   streams, purges and deletes keys).
 */
export function consolePermissions(role: AnalystRole, consoleId: string): FleetPermissions {
  AnalystRoleSchema.parse(role);
  const inbox = `${fleetInboxPrefix('console', consoleId)}.>`;
  const pub = [
    `${FLEET_PREFIX}.agent.*.req.>`,
    '$JS.API.INFO',
    ...Object.values(FLEET_BUCKETS).flatMap(readBucket),
    ...Object.values(FLEET_STREAMS).flatMap((stream) => readStream(stream.name)),
    // Checks for agents that are away: queued (JetStream acknowledges on the inbox), each
    // agent's queue consumer made, the results read through the console's own consumer. Kept
    // short: the whole list travels in the user JWT, within the server's control line.
    `${FLEET_PREFIX}.queue.*.check`,
    `$JS.API.CONSUMER.CREATE.${FLEET_CHECK_STREAMS.queue.name}.>`,
    ...['CREATE', 'INFO', 'MSG.NEXT'].map(
      (what) => `$JS.API.CONSUMER.${what}.${FLEET_CHECK_STREAMS.results.name}.>`,
    ),
    `$JS.ACK.${FLEET_CHECK_STREAMS.results.name}.>`,
    // Answers to help requests: queued for the agent, its consumer made by the console.
    `${FLEET_PREFIX}.queue.*.help`,
    `$JS.API.CONSUMER.CREATE.${FLEET_HELP_QUEUE.name}.>`,
  ];
  if (role === 'lead' || role === 'admin') pub.push(fleetSubjects.fleetRequests());
  // An administrator's `$JS.API.>` and `$KV.>` hold every narrower JetStream subject: listed
  // once, which keeps its JWT short.
  const allowed =
    role === 'admin'
      ? [...pub.filter((subject) => !/^\$(JS\.API|KV)\./.test(subject)), '$JS.API.>', '$KV.>']
      : pub;
  return {
    pub: { allow: [...new Set(allowed)] },
    sub: {
      allow: [
        inbox,
        fleetSubjects.anyAgent('heartbeat'),
        fleetSubjects.anyAgent('inventory'),
        fleetSubjects.anyAgent('help'),
        fleetSubjects.anyCheckProgress(),
      ],
    },
    resp: CONSOLE_RESPONSES,
  };
}
