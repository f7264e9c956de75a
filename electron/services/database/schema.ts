import type { Generated } from 'kysely';

/**
 * Every table and column of the console's database, as the query builder sees them
 * (camelCase; CamelCasePlugin maps them to the snake_case columns the migrations create).
 * One runtime table, so the types below and the test that compares them with the migrated
 * database (schema.integration.test.ts) read the same source. Times are ISO 8601 UTC text on
 * both databases, so they sort and compare the same way everywhere.
 */
export interface ColumnSpec {
  type: 'text' | 'integer';
  nullable: boolean;
  /** The database fills it when an insert leaves it out (an identity or a default). */
  generated: boolean;
}

const column = <T extends ColumnSpec['type'], N extends boolean, G extends boolean>(
  type: T,
  nullable: N,
  generated: G,
) => ({ type, nullable, generated });

const text = column('text', false, false);
const textOrNull = column('text', true, false);
const textWithDefault = column('text', false, true);
const integer = column('integer', false, false);
const integerOrNull = column('integer', true, false);
const integerWithDefault = column('integer', false, true);
/** A row id the database numbers. */
const identity = integerWithDefault;
/** Bumped by every edit; an edit names the version it started from (optimistic locking). */
const version = integerWithDefault;

export const TABLES = {
  tickets: {
    id: identity,
    version,
    requester: text,
    requesterId: integerOrNull,
    machineId: textOrNull,
    channel: text,
    summary: text,
    description: text,
    errorMessages: textWithDefault,
    stepsTried: textWithDefault,
    category: textOrNull,
    impact: textWithDefault,
    urgency: textWithDefault,
    priority: integerWithDefault,
    status: text,
    /** 1 while the status is open (new, in progress, waiting, reopened): the queue's index. */
    isOpen: integerWithDefault,
    assignee: textOrNull,
    groupId: textOrNull,
    tier: textWithDefault,
    createdBy: text,
    createdAt: text,
    updatedAt: text,
    firstRespondedAt: textOrNull,
    resolvedAt: textOrNull,
    closedAt: textOrNull,
    resolutionCode: textOrNull,
    resolutionNotes: textOrNull,
    verification: textOrNull,
    feedbackRating: integerOrNull,
    feedbackComment: textOrNull,
    /** JSON of core's ServiceCentreSchema. */
    serviceCentre: textOrNull,
    slaDueAt: textOrNull,
    slaAtRiskAt: textOrNull,
  },
  machines: {
    id: text,
    name: text,
    transport: text,
    address: text,
    port: integer,
    fingerprint: text,
    certPem: text,
    tokenSealed: text,
    hostname: textOrNull,
    addedAt: text,
    lastContactAt: textOrNull,
    /** Machines reached over SSH: whom to log in as, and the jump host on the way, if any. */
    sshUsername: textOrNull,
    /** The OS an SSH machine last answered as: linux, darwin or win32. */
    sshOs: textOrNull,
    jumpHost: textOrNull,
    jumpPort: integerOrNull,
    jumpUsername: textOrNull,
    /** The jump host's confirmed host key, `SHA256:...`. */
    jumpHostKey: textOrNull,
  },
  evidence: {
    id: text,
    ticketId: integer,
    kind: text,
    machineId: text,
    machineName: text,
    transport: text,
    takenBy: text,
    takenAt: text,
    sha256: text,
    /** The canonical JSON text that `sha256` was computed over. */
    content: text,
  },
  people: {
    id: identity,
    version,
    name: text,
    department: text,
    location: text,
    phone: text,
    email: text,
    /** The language the desk writes to the person in; '' for the default (migration 0017). */
    language: textWithDefault,
    /** JSON array of { name, machineId }. */
    machines: text,
    /** Name and e-mail as core's `foldForSearch` folds them, for the directory search. */
    searchText: text,
    createdAt: text,
    updatedAt: text,
  },
  timeline: {
    id: identity,
    ticketId: integer,
    kind: text,
    author: text,
    at: text,
    body: text,
    /** JSON object. */
    data: text,
  },
  vendorCases: {
    id: identity,
    ticketId: integer,
    version,
    vendor: text,
    reference: text,
    status: text,
    openedBy: text,
    openedAt: text,
    updatedAt: text,
  },
  visits: {
    id: identity,
    ticketId: integer,
    version,
    technician: text,
    scheduledAt: text,
    status: text,
    /** JSON array of { item, result, note }. */
    checklist: text,
    completedAt: textOrNull,
    createdBy: text,
    createdAt: text,
  },
  orders: {
    id: identity,
    ticketId: integer,
    version,
    kind: text,
    item: text,
    machineId: textOrNull,
    reason: text,
    status: text,
    createdBy: text,
    createdAt: text,
    updatedAt: text,
  },
  settings: {
    key: text,
    /** JSON. */
    value: text,
  },
  kbArticles: {
    id: identity,
    version,
    title: text,
    /** Markdown. */
    body: text,
    language: text,
    category: textOrNull,
    sourceTicketId: integerOrNull,
    createdBy: text,
    createdAt: text,
    updatedBy: text,
    updatedAt: text,
  },
  kbArticleTags: {
    articleId: integer,
    tag: text,
  },
  kbLinks: {
    articleId: integer,
    ticketId: integer,
    linkedBy: text,
    linkedAt: text,
    /** 1 helped, 0 did not help, null not said yet. */
    helped: integerOrNull,
    feedbackBy: textOrNull,
    feedbackAt: textOrNull,
  },
  analysts: {
    login: text,
    name: text,
    email: text,
    language: text,
    role: text,
    /** 1 once an administrator disabled the analyst (their login role can no longer sign in). */
    disabled: integerWithDefault,
    addedBy: text,
    addedAt: text,
    updatedAt: text,
  },
  consolePcs: {
    id: text,
    hostname: text,
    firstSeenAt: text,
    lastSeenAt: text,
  },
  /** Enrolment files the desk issued (machines/enrolments.ts). */
  enrolments: {
    id: text,
    label: text,
    keyId: text,
    issuedBy: text,
    issuedAt: text,
    expiresAt: text,
    maxMachines: integer,
    usedMachines: integerWithDefault,
    revokedAt: textOrNull,
    revokedBy: textOrNull,
    /** The file's secret and the claims' seed, sealed by the console's secret box (SQLite). */
    secretsSealed: text,
  },
  auditLog: {
    id: identity,
    at: text,
    analyst: text,
    pc: text,
    action: text,
    subject: textWithDefault,
    /** JSON object. */
    details: textWithDefault,
  },
  inventorySections: {
    /** SHA-256 (hex) of the section's canonical JSON. */
    hash: text,
    /** `json`: `body` is the canonical JSON; `deflate`: zlib's deflate of it, base64. */
    encoding: text,
    body: text,
    /** Length of the canonical JSON in bytes. */
    sizeBytes: integer,
  },
  inventorySnapshots: {
    id: identity,
    machineId: text,
    takenAt: text,
    /** agent, ssh, local or evidence. */
    source: text,
    takenBy: text,
    /** SHA-256 of what makes two snapshots the same: sections, host name, problems. */
    contentHash: text,
    /** JSON: the document without its sections (version, times, host name, problems). */
    head: text,
    /** JSON: section name -> hash in inventory_sections. */
    sections: text,
    /** JSON: the values stripped from sections because they change on every reading. */
    volatile: text,
  },
  /** A machine as its latest inventory snapshot describes it (migration 0010). */
  machineProfiles: {
    machineId: text,
    snapshotId: integer,
    takenAt: text,
    manufacturer: textOrNull,
    model: textOrNull,
    /** linux, darwin, win32, ... as the inventory's `os.platform`. */
    osPlatform: textOrNull,
    osDistro: textOrNull,
    osRelease: textOrNull,
    osBuild: textOrNull,
  },
  /** The programs installed on a machine per its latest inventory snapshot (migration 0010). */
  machineSoftware: {
    machineId: text,
    name: text,
    version: text,
  },
  /** A machine's "last known good" kept inventory (migration 0011). */
  machineBaselines: {
    machineId: text,
    snapshotId: integer,
    setBy: text,
    setAt: text,
  },
  /** A model's "golden" kept inventory; `manufacturer` is '' when unknown (migration 0011). */
  modelBaselines: {
    manufacturer: text,
    model: text,
    snapshotId: integer,
    setBy: text,
    setAt: text,
  },
  /** A report kept with its filters, dimension and schedule (migration 0012). */
  savedReports: {
    id: identity,
    version,
    name: text,
    /** recurring or service. */
    kind: text,
    /** JSON of core's SavedFiltersSchema. */
    filters: text,
    /** JSON of core's ReportDimensionSchema; null for service reports. */
    dimension: textOrNull,
    /** none, weekly or monthly. */
    schedule: text,
    owner: text,
    createdAt: text,
    updatedAt: text,
  },
  /** One stored result per saved report and resolved period. */
  reportRuns: {
    id: identity,
    reportId: integer,
    periodFrom: text,
    periodTo: text,
    ranAt: text,
    ranBy: text,
    /** JSON of core's ReportResultSchema. */
    result: text,
  },
  /** Per ticket, what reports filter, group and count by, at the ticket's version (derived). */
  reportTicketFacts: {
    ticketId: integer,
    ticketVersion: integer,
    ticketUpdatedAt: text,
    createdAt: text,
    resolvedAt: textOrNull,
    category: textOrNull,
    groupId: textOrNull,
    requesterId: integerOrNull,
    /** The requester's location and department as the directory holds them now. */
    location: textOrNull,
    department: textOrNull,
    machineId: textOrNull,
    /** The machine's model and OS key (report-sql.ts `OS_KEY`) as its profile holds them now. */
    model: textOrNull,
    os: textOrNull,
    feedbackRating: integerOrNull,
    /**
     * Business seconds from creation to the latest resolution (seconds: two years of business
     * milliseconds would not fit PostgreSQL's integer); null while unresolved.
     */
    resolveBusinessSeconds: integerOrNull,
    /** 1 when the resolution clock stayed within target; null while unresolved. */
    slaMet: integerOrNull,
    escalated: integer,
    reopened: integer,
    /** 1 when resolved at the first contact (core's ServiceReportSchema says how). */
    firstContact: integer,
  },
  /** policy: hash of the SLA policy the facts were computed under; watermark: last refresh. */
  reportFactsState: {
    key: text,
    value: text,
  },
  /** Which profile snapshot each machine's model and OS on the report rows come from. */
  reportMachinesSeen: {
    machineId: text,
    snapshotId: integer,
  },
  /** Each failed check of each check-results evidence (derived from immutable evidence). */
  reportCheckFailures: {
    evidenceId: text,
    ticketId: integer,
    machineId: text,
    checkId: text,
    code: text,
    takenAt: text,
  },
  reportEvidenceSeen: {
    evidenceId: text,
  },
  /** A help request from an employee's agent, made into one ticket (migration 0014). */
  agentHelpRequests: {
    requestId: text,
    machineId: text,
    ticketId: integer,
    language: text,
    receivedAt: text,
  },
  /** A later message of a help request, either way, taken or sent once (migration 0014). */
  agentHelpMessages: {
    messageId: text,
    requestId: text,
    ticketId: integer,
    /** inbound (from the employee) or outbound (an analyst's). */
    direction: text,
    /** reply, works, feedback (inbound); message (outbound). */
    kind: text,
    at: text,
  },
  /** Checks queued over NATS for fleet agents that were away (migration 0016). */
  fleetQueuedChecks: {
    requestId: text,
    machineId: text,
    ticketId: integerOrNull,
    /** The checks asked, JSON. */
    checks: text,
    queuedBy: text,
    queuedAt: text,
    expiresAt: text,
    /** waiting | done | refused | expired */
    state: textWithDefault,
    settledAt: textOrNull,
    /** The agent's results as a `CheckRun` (JSON), once done. */
    run: textOrNull,
    problem: textOrNull,
    /** The evidence its results became on the ticket. */
    evidenceId: textOrNull,
  },
  /** Each message taken from the desk's mailbox, once (`messageKey` is unique). */
  mailMessages: {
    id: identity,
    messageKey: text,
    messageId: textOrNull,
    /** Null when the message started nothing (an auto-reply, a bounce). */
    ticketId: integerOrNull,
    /** created, added, reopened, or ignored:<why>. */
    outcome: text,
    fromAddress: text,
    subject: text,
    sentAt: textOrNull,
    takenAt: text,
    takenBy: text,
  },
  /** What the desk sends about a ticket: queued, sent, or failed after its retries. */
  mailOutbox: {
    id: identity,
    ticketId: integer,
    messageId: text,
    toAddress: text,
    subject: text,
    body: text,
    inReplyTo: textOrNull,
    state: text,
    attempts: integerWithDefault,
    nextAttemptAt: textOrNull,
    lastError: textOrNull,
    createdBy: text,
    createdAt: text,
    sentAt: textOrNull,
    /** The event of an automatic message (migration 0017); null for an analyst's own. */
    automatic: textOrNull,
  },
  /** The desk's own text of an automatic message, per event and language (migration 0017). */
  mailTemplates: {
    event: text,
    language: text,
    /** 1 on, 0 off. */
    enabled: integer,
    subject: text,
    body: text,
    updatedBy: text,
    updatedAt: text,
  },
  /** Each ticket event an automatic message was decided for, once (`eventKey` is the key). */
  mailAutomatic: {
    eventKey: text,
    ticketId: integer,
    entryId: integer,
    event: text,
    /** queued, or why not: imported, disabled, no-address, automatic-origin, failed. */
    outcome: text,
    outboxId: integerOrNull,
    decidedAt: text,
    decidedBy: text,
  },
  /** How far the sending console has read the timeline for automatic messages. */
  mailAutomaticCursor: {
    id: text,
    entryId: integer,
    updatedAt: text,
  },
  /** Each fleet machine's latest presence as the desk's consoles saw it (migration 0013). */
  fleetPresence: {
    machineId: text,
    /** 1 online, 0 offline. */
    online: integer,
    /** The server's time of its latest heartbeat the consoles wrote down. */
    lastSeenAt: text,
    agentVersion: textOrNull,
    updatedAt: text,
  },
  /** The desk's fleet authority, one row 'desk' (migration 0013); leads and admins only. */
  fleetAuthority: {
    id: text,
    /** The authority's state as JSON; sealed by the console's SecretBox when `sealed` is 1. */
    state: text,
    sealed: integer,
    version: integer,
    savedBy: text,
    savedAt: text,
  },
} as const satisfies Record<string, Record<string, ColumnSpec>>;

type ValueOf<C extends ColumnSpec> =
  (C['type'] extends 'text' ? string : number) | (C['nullable'] extends true ? null : never);

type TableOf<Columns extends Record<string, ColumnSpec>> = {
  -readonly [K in keyof Columns]: Columns[K]['generated'] extends true
    ? Generated<ValueOf<Columns[K]>>
    : ValueOf<Columns[K]>;
};

export type DatabaseSchema = { -readonly [T in keyof typeof TABLES]: TableOf<(typeof TABLES)[T]> };

export type TicketsTable = DatabaseSchema['tickets'];
export type MachinesTable = DatabaseSchema['machines'];
export type EnrolmentsTable = DatabaseSchema['enrolments'];
export type MailMessagesTable = DatabaseSchema['mailMessages'];
export type MailOutboxTable = DatabaseSchema['mailOutbox'];
export type EvidenceTable = DatabaseSchema['evidence'];
export type FleetQueuedChecksTable = DatabaseSchema['fleetQueuedChecks'];
export type PeopleTable = DatabaseSchema['people'];
export type TimelineTable = DatabaseSchema['timeline'];
export type VendorCasesTable = DatabaseSchema['vendorCases'];
export type VisitsTable = DatabaseSchema['visits'];
export type OrdersTable = DatabaseSchema['orders'];
export type InventorySnapshotsTable = DatabaseSchema['inventorySnapshots'];
