import type { Generated } from 'kysely';

/**
 * Table types as the query builder sees them (camelCase; CamelCasePlugin maps them to the
 * snake_case columns the migrations create). Times are ISO 8601 UTC text on both databases,
 * so they sort and compare the same way everywhere.
 */
export interface TicketsTable {
  id: Generated<number>;
  version: Generated<number>;
  requester: string;
  requesterId: number | null;
  machineId: string | null;
  channel: string;
  summary: string;
  description: string;
  errorMessages: Generated<string>;
  stepsTried: Generated<string>;
  category: string | null;
  impact: Generated<string>;
  urgency: Generated<string>;
  priority: Generated<number>;
  status: string;
  /** 1 while the status is open (new, in progress, waiting, reopened): the queue's index. */
  isOpen: Generated<number>;
  assignee: string | null;
  groupId: string | null;
  tier: Generated<string>;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  firstRespondedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  resolutionCode: string | null;
  resolutionNotes: string | null;
  verification: string | null;
  feedbackRating: number | null;
  feedbackComment: string | null;
  /** JSON of core's ServiceCentreSchema. */
  serviceCentre: string | null;
  slaDueAt: string | null;
  slaAtRiskAt: string | null;
}

export interface MachinesTable {
  id: string;
  name: string;
  transport: string;
  address: string;
  port: number;
  fingerprint: string;
  certPem: string;
  tokenSealed: string;
  hostname: string | null;
  addedAt: string;
  lastContactAt: string | null;
}

export interface EvidenceTable {
  id: string;
  ticketId: number;
  kind: string;
  machineId: string;
  machineName: string;
  transport: string;
  takenBy: string;
  takenAt: string;
  sha256: string;
  /** The canonical JSON text that `sha256` was computed over. */
  content: string;
}

export interface PeopleTable {
  id: Generated<number>;
  version: Generated<number>;
  name: string;
  department: string;
  location: string;
  phone: string;
  email: string;
  /** JSON array of { name, machineId }. */
  machines: string;
  /** Name and e-mail as core's `foldForSearch` folds them, for the directory search. */
  searchText: string;
  createdAt: string;
  updatedAt: string;
}

export interface TimelineTable {
  id: Generated<number>;
  ticketId: number;
  kind: string;
  author: string;
  at: string;
  body: string;
  /** JSON object. */
  data: string;
}

export interface VendorCasesTable {
  id: Generated<number>;
  ticketId: number;
  version: Generated<number>;
  vendor: string;
  reference: string;
  status: string;
  openedBy: string;
  openedAt: string;
  updatedAt: string;
}

export interface VisitsTable {
  id: Generated<number>;
  ticketId: number;
  version: Generated<number>;
  technician: string;
  scheduledAt: string;
  status: string;
  /** JSON array of { item, result, note }. */
  checklist: string;
  completedAt: string | null;
  createdBy: string;
  createdAt: string;
}

export interface OrdersTable {
  id: Generated<number>;
  ticketId: number;
  version: Generated<number>;
  kind: string;
  item: string;
  machineId: string | null;
  reason: string;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface KbArticlesTable {
  id: Generated<number>;
  version: Generated<number>;
  title: string;
  /** Markdown. */
  body: string;
  language: string;
  category: string | null;
  sourceTicketId: number | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export interface KbArticleTagsTable {
  articleId: number;
  tag: string;
}

export interface KbLinksTable {
  articleId: number;
  ticketId: number;
  linkedBy: string;
  linkedAt: string;
  /** 1 helped, 0 did not help, null not said yet. */
  helped: number | null;
  feedbackBy: string | null;
  feedbackAt: string | null;
}

export interface DatabaseSchema {
  tickets: TicketsTable;
  machines: MachinesTable;
  evidence: EvidenceTable;
  people: PeopleTable;
  timeline: TimelineTable;
  vendorCases: VendorCasesTable;
  visits: VisitsTable;
  orders: OrdersTable;
  settings: SettingsTable;
  kbArticles: KbArticlesTable;
  kbArticleTags: KbArticleTagsTable;
  kbLinks: KbLinksTable;
}
