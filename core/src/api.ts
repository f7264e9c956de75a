import { AuditPageSchema, AuditQuerySchema } from './audit';
import {
  AnalystAccountSchema,
  AnalystRefSchema,
  ChangeAnalystInputSchema,
  DeskSessionSchema,
  NewAnalystSchema,
  SignInInputSchema,
  SignInStateSchema,
} from './desk';
import { z } from 'zod';
import { CheckCatalogListingSchema } from './checks';
import {
  FleetQueuedCheckSchema,
  FleetQueuedChecksRequestSchema,
  FleetRunChecksInputSchema,
  FleetRunChecksResultSchema,
  FleetScatterRefSchema,
  FleetScatterSchema,
  FleetScatterStartInputSchema,
} from './fleet/checks';
import { FleetMachinePresenceSchema } from './fleet/presence';
import {
  FleetEnrolInputSchema,
  FleetRevocationSchema,
  PairedMachineSchema,
} from './fleet/enrolment';
import {
  AddEnrolledMachineInputSchema,
  EnrolmentSchema,
  IssueEnrolmentInputSchema,
  IssuedEnrolmentSchema,
} from './enrolment';
import { EnrolmentIdSchema } from './enrolment-file';
import {
  InventoryHistoryEntrySchema,
  InventoryHistoryInputSchema,
  InventoryHistorySnapshotInputSchema,
  InventoryHistorySnapshotSchema,
} from './inventory-history';
import {
  AttachInventoryDiffInputSchema,
  BaselineListSchema,
  BaselineSchema,
  ClearBaselineInputSchema,
  ClearedBaselineSchema,
  InventoryComparisonResultSchema,
  InventoryDiffInputSchema,
  InventoryTimelineInputSchema,
  InventoryTimelineSchema,
  MachineBaselinesSchema,
  SetBaselineInputSchema,
} from './inventory-changes';
import { WireErrorSchema, type WireError } from './errors';
import { ReportDocumentSchema, ReportPdfSchema } from './report-document';
import { SecretProtectionSchema } from './secrets';
import { ConsoleSettingsSchema, UpdateConsoleSettingsInputSchema } from './settings';
import {
  MailSettingsViewSchema,
  OutgoingMailSchema,
  SaveMailSettingsInputSchema,
  ResendMailInputSchema,
  SendMailInputSchema,
  TestMailConnectionResultSchema,
} from './mail/settings';
import {
  MailTemplateSchema,
  PreviewMailTemplateInputSchema,
  RenderedMailSchema,
  SaveMailTemplateInputSchema,
} from './mail/templates';
import {
  AddSshMachineInputSchema,
  ConfirmSshHostKeyInputSchema,
  KnownHostsInputSchema,
  KnownHostsResultSchema,
  ProbeSshMachineInputSchema,
  SshLoginInputSchema,
  SshProbeResultSchema,
} from './ssh';
import {
  AddMachineInputSchema,
  InventorySnapshotSchema,
  MachineIdSchema,
  MachineSchema,
  PairMachineInputSchema,
  ProbeMachineInputSchema,
  ProbeResultSchema,
} from './machine';
import {
  CheckRunRefSchema,
  CheckRunSchema,
  FollowCheckRunInputSchema,
  RunMachineChecksInputSchema,
} from './checks/check-runs';
import {
  AnswerIntakeInputSchema,
  EscalateIntakeInputSchema,
  IntakeScriptSchema,
  IntakeStateSchema,
  IntakeTicketInputSchema,
  RecordIntakeChecksInputSchema,
  ResolveIntakeInputSchema,
  RunIntakeChecksInputSchema,
  StartIntakeInputSchema,
} from './intake';
import {
  AttachCheckRunInputSchema,
  AttachInventoryInputSchema,
  AssignInputSchema,
  CreateTicketInputSchema,
  EvidenceSchema,
  FeedbackInputSchema,
  MachineTicketsInputSchema,
  ReopenInputSchema,
  ResolveInputSchema,
  SetStatusInputSchema,
  TicketDetailSchema,
  TicketIdSchema,
  TicketSchema,
  TierMoveInputSchema,
  UpdateTicketInputSchema,
  VerifyInputSchema,
} from './ticket';
import {
  PeopleQuerySchema,
  PersonIdSchema,
  PersonInputSchema,
  PersonSchema,
  UpdatePersonInputSchema,
} from './people';
import { AddEntryInputSchema, TimelineEntrySchema } from './timeline';
import { MessageAgentInputSchema } from './fleet/help';
import {
  CreateOrderInputSchema,
  OpenVendorCaseInputSchema,
  OrderSchema,
  RecommendServiceCentreInputSchema,
  RecordVisitInputSchema,
  ScheduleVisitInputSchema,
  UpdateOrderInputSchema,
  UpdateVendorCaseInputSchema,
  VendorCaseSchema,
  VisitSchema,
} from './outside-help';
import { QueuePageSchema, QueueQuerySchema } from './queue';
import { ConfigureWorkflowInputSchema, WorkflowConfigSchema } from './workflow-config';
import {
  BeginImportInputSchema,
  ExportChunkSchema,
  ImportChunkInputSchema,
  JobRefSchema,
  JobSchema,
  ReadExportInputSchema,
  StartExportInputSchema,
} from './jobs';
import {
  MachineStatusSchema,
  RemoveMachineInputSchema,
  RepairMachineInputSchema,
} from './machine-status';
import { AnalystProfileSchema, UpdateProfileInputSchema } from './profile';
import {
  CheckTicketsInputSchema,
  DeleteReportInputSchema,
  GroupTicketsInputSchema,
  GroupTicketsPageSchema,
  RecurringReportInputSchema,
  RecurringReportSchema,
  ReportRunIdSchema,
  ReportRunSchema,
  ReportRunSummarySchema,
  ReportRunsInputSchema,
  RunSavedReportInputSchema,
  SaveReportInputSchema,
  SavedReportIdSchema,
  SavedReportSchema,
  ServiceReportInputSchema,
  ServiceReportSchema,
} from './reports';
import {
  ArticleFeedbackInputSchema,
  ArticleIdSchema,
  ArticleSchema,
  ArticleSummarySchema,
  CreateArticleInputSchema,
  KbPageSchema,
  KbSearchQuerySchema,
  KbSuggestInputSchema,
  KbTagCountSchema,
  LinkArticlesInputSchema,
  LinkedArticleSchema,
  StarterArticlesResultSchema,
  UnlinkArticleInputSchema,
  UpdateArticleInputSchema,
} from './kb';

const NoInput = z.object({}).strict();

export const AppInfoSchema = z.object({
  version: z.string(),
  analyst: z.string(),
  host: z.enum(['electron', 'browser']),
  /** What protects this console's secrets, for the settings page. */
  secrets: SecretProtectionSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * The console's API: method name -> input and output schema. Electron's IPC, the
 * browser-mode host and the renderer's client are all derived from this one map.
 */
export const apiContract = {
  'app.info': { input: NoInput, output: AppInfoSchema },
  'settings.get': { input: NoInput, output: ConsoleSettingsSchema },
  'settings.update': { input: UpdateConsoleSettingsInputSchema, output: ConsoleSettingsSchema },
  'profile.get': { input: NoInput, output: AnalystProfileSchema },
  'profile.update': { input: UpdateProfileInputSchema, output: AnalystProfileSchema },
  /** The desk's mailbox and SMTP server as this console keeps them (passwords sealed). */
  'mail.settings': { input: NoInput, output: MailSettingsViewSchema },
  'mail.saveSettings': { input: SaveMailSettingsInputSchema, output: MailSettingsViewSchema },
  /** Logs in to both servers with the given settings, or the saved ones. */
  'mail.testConnection': {
    input: z.object({ settings: SaveMailSettingsInputSchema.optional() }).strict(),
    output: TestMailConnectionResultSchema,
  },
  /** Writes to the ticket's requester: queued, on the timeline, sent through the desk's SMTP. */
  'mail.send': { input: SendMailInputSchema, output: OutgoingMailSchema },
  /** A ticket's outgoing messages with their delivery state. */
  'mail.outbox': {
    input: z.object({ ticketId: z.number().int().positive() }).strict(),
    output: z.array(OutgoingMailSchema),
  },
  /** Queues a failed message, or one whose sending was cut off, again; refused once sent. */
  'mail.resend': { input: ResendMailInputSchema, output: OutgoingMailSchema },
  /** The automatic messages' templates, every event and language, defaults filled in. */
  'mail.templates': { input: NoInput, output: z.array(MailTemplateSchema) },
  /** Saves one template; on a desk with roles only leads and administrators may. */
  'mail.saveTemplate': { input: SaveMailTemplateInputSchema, output: MailTemplateSchema },
  /** Renders a template for a ticket, or with sample data, without saving it. */
  'mail.previewTemplate': { input: PreviewMailTemplateInputSchema, output: RenderedMailSchema },

  'machines.list': { input: NoInput, output: z.array(MachineSchema) },
  'machines.get': { input: z.object({ id: MachineIdSchema }), output: MachineSchema },
  'machines.probe': { input: ProbeMachineInputSchema, output: ProbeResultSchema },
  'machines.add': { input: AddMachineInputSchema, output: MachineSchema },
  /** Pairs by code; `fleetEnrolment` says whether the machine joined the fleet, and why not. */
  'machines.pair': { input: PairMachineInputSchema, output: PairedMachineSchema },
  /** SSH first contact: the host key to confirm (the jump host's first, where there is one). */
  'machines.probeSsh': { input: ProbeSshMachineInputSchema, output: SshProbeResultSchema },
  'machines.addSsh': { input: AddSshMachineInputSchema, output: MachineSchema },
  /** This analyst's own login to an SSH machine, tried before it is kept. */
  'machines.sshLogin': { input: SshLoginInputSchema, output: MachineSchema },
  'machines.forgetSshLogin': { input: z.object({ id: z.uuid() }), output: MachineSchema },
  'machines.confirmSshHostKey': { input: ConfirmSshHostKeyInputSchema, output: MachineSchema },
  'machines.knownHosts': { input: KnownHostsInputSchema, output: KnownHostsResultSchema },
  'machines.inventory': {
    input: z.object({ id: MachineIdSchema }),
    output: InventorySnapshotSchema,
  },
  /** The inventories kept of a machine, newest first (no content; `inventorySnapshot` has it). */
  'machines.inventoryHistory': {
    input: InventoryHistoryInputSchema,
    output: z.array(InventoryHistoryEntrySchema),
  },
  'machines.inventorySnapshot': {
    input: InventoryHistorySnapshotInputSchema,
    output: InventoryHistorySnapshotSchema,
  },
  /** What changed between two kept inventories of a machine (core/src/inventory-changes.ts). */
  'machines.inventoryDiff': {
    input: InventoryDiffInputSchema,
    output: InventoryComparisonResultSchema,
  },
  /** Kept inventories, newest first, each with what changed since the one before. */
  'machines.inventoryTimeline': {
    input: InventoryTimelineInputSchema,
    output: InventoryTimelineSchema,
  },
  /** The baselines that apply to a machine: its own, and its model's. */
  'machines.baselines': {
    input: z.object({ id: MachineIdSchema }),
    output: MachineBaselinesSchema,
  },
  'machines.listBaselines': { input: NoInput, output: BaselineListSchema },
  'machines.setBaseline': { input: SetBaselineInputSchema, output: BaselineSchema },
  'machines.clearBaseline': { input: ClearBaselineInputSchema, output: ClearedBaselineSchema },
  'machines.status': { input: z.object({ id: MachineIdSchema }), output: MachineStatusSchema },
  /** Online and last seen of the fleet machines (fleet mode); empty without it. */
  'machines.fleetPresence': { input: NoInput, output: z.array(FleetMachinePresenceSchema) },
  /**
   * Enrols a paired agent machine in the fleet (a lead or an administrator on a desk with
   * roles): its identity issued and delivered; `fleetEnrolment` says whether, and why not.
   */
  'machines.fleetEnrol': { input: FleetEnrolInputSchema, output: PairedMachineSchema },
  /**
   * Takes a machine out of the fleet (a lead or an administrator on a desk with roles): every
   * identity issued to it revoked and the NATS server told, so it is cut off at once.
   */
  'machines.fleetRevoke': { input: FleetEnrolInputSchema, output: FleetRevocationSchema },
  /** Checks on a fleet machine over NATS: asked when it is online, queued when it is away. */
  'machines.fleetRunChecks': {
    input: FleetRunChecksInputSchema,
    output: FleetRunChecksResultSchema,
  },
  /** The checks queued over NATS for a machine or a ticket, newest first. */
  'machines.fleetQueuedChecks': {
    input: FleetQueuedChecksRequestSchema,
    output: z.array(FleetQueuedCheckSchema),
  },
  /** Starts checks on a selection of fleet machines; `machines.fleetScatter` follows it. */
  'machines.fleetScatterStart': { input: FleetScatterStartInputSchema, output: FleetScatterSchema },
  'machines.fleetScatter': { input: FleetScatterRefSchema, output: FleetScatterSchema },
  /** Stops waiting for the agents that have not answered; what came is kept. */
  'machines.fleetScatterCancel': { input: FleetScatterRefSchema, output: FleetScatterSchema },
  'machines.tickets': { input: MachineTicketsInputSchema, output: z.array(TicketSchema) },
  /** Starts checks and answers at once; `machines.checkRun` follows them, `cancelChecks` stops them. */
  'machines.startChecks': { input: RunMachineChecksInputSchema, output: CheckRunSchema },
  'machines.checkRun': { input: FollowCheckRunInputSchema, output: CheckRunSchema },
  'machines.cancelChecks': { input: CheckRunRefSchema, output: CheckRunSchema },
  'machines.repair': { input: RepairMachineInputSchema, output: PairedMachineSchema },
  'machines.remove': {
    input: RemoveMachineInputSchema,
    output: z.object({ id: MachineIdSchema }),
  },
  /** Enrolment files: pairing many PCs without codes (core/src/enrolment.ts). */
  'machines.issueEnrolment': { input: IssueEnrolmentInputSchema, output: IssuedEnrolmentSchema },
  'machines.enrolments': { input: NoInput, output: z.array(EnrolmentSchema) },
  'machines.revokeEnrolment': {
    input: z.object({ id: EnrolmentIdSchema }),
    output: EnrolmentSchema,
  },
  'machines.addEnrolled': { input: AddEnrolledMachineInputSchema, output: PairedMachineSchema },

  'checks.catalog': { input: NoInput, output: CheckCatalogListingSchema },

  'tickets.list': { input: NoInput, output: z.array(TicketSchema) },
  'tickets.get': { input: z.object({ id: TicketIdSchema }), output: TicketDetailSchema },
  'tickets.create': { input: CreateTicketInputSchema, output: TicketSchema },
  'tickets.attachInventory': { input: AttachInventoryInputSchema, output: EvidenceSchema },
  'tickets.attachCheckRun': { input: AttachCheckRunInputSchema, output: EvidenceSchema },
  'tickets.attachInventoryDiff': { input: AttachInventoryDiffInputSchema, output: EvidenceSchema },
  'tickets.queue': { input: QueueQuerySchema, output: QueuePageSchema },
  'tickets.update': { input: UpdateTicketInputSchema, output: TicketSchema },
  'tickets.setStatus': { input: SetStatusInputSchema, output: TicketSchema },
  'tickets.assign': { input: AssignInputSchema, output: TicketSchema },
  'tickets.escalate': { input: TierMoveInputSchema, output: TicketSchema },
  'tickets.deescalate': { input: TierMoveInputSchema, output: TicketSchema },
  'tickets.addEntry': { input: AddEntryInputSchema, output: TimelineEntrySchema },
  /** A message to the employee whose agent asked for help (fleet mode); on the timeline. */
  'tickets.messageAgent': { input: MessageAgentInputSchema, output: TimelineEntrySchema },
  'tickets.resolve': { input: ResolveInputSchema, output: TicketSchema },
  'tickets.verify': { input: VerifyInputSchema, output: TicketSchema },
  'tickets.reopen': { input: ReopenInputSchema, output: TicketSchema },
  'tickets.feedback': { input: FeedbackInputSchema, output: TicketSchema },
  'tickets.recommendServiceCentre': {
    input: RecommendServiceCentreInputSchema,
    output: TicketSchema,
  },

  'intake.scripts': { input: NoInput, output: z.array(IntakeScriptSchema) },
  'intake.start': { input: StartIntakeInputSchema, output: IntakeStateSchema },
  'intake.get': { input: IntakeTicketInputSchema, output: IntakeStateSchema },
  'intake.answer': { input: AnswerIntakeInputSchema, output: IntakeStateSchema },
  'intake.runChecks': { input: RunIntakeChecksInputSchema, output: CheckRunSchema },
  'intake.recordChecks': { input: RecordIntakeChecksInputSchema, output: IntakeStateSchema },
  'intake.escalate': { input: EscalateIntakeInputSchema, output: IntakeStateSchema },
  'intake.resolve': { input: ResolveIntakeInputSchema, output: IntakeStateSchema },

  'people.list': { input: PeopleQuerySchema, output: z.array(PersonSchema) },
  'people.get': { input: z.object({ id: PersonIdSchema }), output: PersonSchema },
  'people.create': { input: PersonInputSchema, output: PersonSchema },
  'people.update': { input: UpdatePersonInputSchema, output: PersonSchema },
  /** The tickets the person called about, newest first. */
  'people.tickets': { input: z.object({ id: PersonIdSchema }), output: z.array(TicketSchema) },

  'vendors.openCase': { input: OpenVendorCaseInputSchema, output: VendorCaseSchema },
  'vendors.updateCase': { input: UpdateVendorCaseInputSchema, output: VendorCaseSchema },
  'visits.schedule': { input: ScheduleVisitInputSchema, output: VisitSchema },
  'visits.record': { input: RecordVisitInputSchema, output: VisitSchema },
  'orders.create': { input: CreateOrderInputSchema, output: OrderSchema },
  'orders.update': { input: UpdateOrderInputSchema, output: OrderSchema },

  'workflow.config': { input: NoInput, output: WorkflowConfigSchema },
  'workflow.configure': { input: ConfigureWorkflowInputSchema, output: WorkflowConfigSchema },

  'kb.search': { input: KbSearchQuerySchema, output: KbPageSchema },
  'kb.get': { input: z.object({ id: ArticleIdSchema }), output: ArticleSchema },
  'kb.create': { input: CreateArticleInputSchema, output: ArticleSchema },
  'kb.update': { input: UpdateArticleInputSchema, output: ArticleSchema },
  'kb.tags': { input: NoInput, output: z.array(KbTagCountSchema) },
  'kb.suggest': { input: KbSuggestInputSchema, output: z.array(ArticleSummarySchema) },
  'kb.forTicket': {
    input: z.object({ ticketId: TicketIdSchema }),
    output: z.array(LinkedArticleSchema),
  },
  'kb.link': { input: LinkArticlesInputSchema, output: z.array(LinkedArticleSchema) },
  'kb.unlink': { input: UnlinkArticleInputSchema, output: z.array(LinkedArticleSchema) },
  'kb.feedback': { input: ArticleFeedbackInputSchema, output: z.array(LinkedArticleSchema) },
  'kb.addStarterArticles': { input: NoInput, output: StarterArticlesResultSchema },

  // The desk's analysts (managed by administrators, enforced by PostgreSQL) and its audit log.
  // Signing in to a shared desk whose address holds no password (electron/services/desk).
  'desk.signInState': { input: NoInput, output: SignInStateSchema },
  'desk.signIn': { input: SignInInputSchema, output: SignInStateSchema },
  'desk.signOut': { input: NoInput, output: SignInStateSchema },
  'desk.session': { input: NoInput, output: DeskSessionSchema },
  'desk.analysts': { input: NoInput, output: z.array(AnalystAccountSchema) },
  'desk.addAnalyst': { input: NewAnalystSchema, output: z.array(AnalystAccountSchema) },
  'desk.changeAnalyst': { input: ChangeAnalystInputSchema, output: z.array(AnalystAccountSchema) },
  'desk.disableAnalyst': { input: AnalystRefSchema, output: z.array(AnalystAccountSchema) },
  'audit.list': { input: AuditQuerySchema, output: AuditPageSchema },

  // Reports for IT management (core/src/reports.ts): figures over a period, saved reports and
  // their stored runs. Only leads and administrators save or delete on a desk with roles.
  'reports.recurring': { input: RecurringReportInputSchema, output: RecurringReportSchema },
  'reports.groupTickets': { input: GroupTicketsInputSchema, output: GroupTicketsPageSchema },
  'reports.checkTickets': { input: CheckTicketsInputSchema, output: GroupTicketsPageSchema },
  'reports.service': { input: ServiceReportInputSchema, output: ServiceReportSchema },
  'reports.saved': { input: NoInput, output: z.array(SavedReportSchema) },
  'reports.save': { input: SaveReportInputSchema, output: SavedReportSchema },
  'reports.delete': {
    input: DeleteReportInputSchema,
    output: z.object({ id: SavedReportIdSchema }),
  },
  'reports.runs': { input: ReportRunsInputSchema, output: z.array(ReportRunSummarySchema) },
  'reports.openRun': { input: z.object({ id: ReportRunIdSchema }), output: ReportRunSchema },
  /** Runs a saved report for its period as of today; a run of that period already stored is answered instead. */
  'reports.runNow': { input: RunSavedReportInputSchema, output: ReportRunSchema },

  // Export and import run as jobs; their files move in chunks (see core/src/jobs.ts).
  'data.startExport': { input: StartExportInputSchema, output: JobSchema },
  'data.readExport': { input: ReadExportInputSchema, output: ExportChunkSchema },
  'data.beginImport': { input: BeginImportInputSchema, output: JobSchema },
  'data.importChunk': { input: ImportChunkInputSchema, output: JobSchema },
  'data.runImport': { input: JobRefSchema, output: JobSchema },
  'jobs.get': { input: JobRefSchema, output: JobSchema },
  'jobs.cancel': { input: JobRefSchema, output: JobSchema },
  'jobs.dismiss': { input: JobRefSchema, output: z.object({ id: z.uuid() }) },

  // A report document (already translated and formatted) laid out as a PDF.
  'reports.pdf': { input: ReportDocumentSchema, output: ReportPdfSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller sends (before defaults and transforms). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** What crosses IPC or HTTP for every call: a value or an error, never a thrown stack. */
export const WireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type WireResult = z.infer<typeof WireResultSchema>;

/** A method's answer as the caller receives it: its value, or a wire error. */
export type ApiResult<M extends ApiMethod> =
  { ok: true; value: ApiOutput<M> } | { ok: false; error: WireError };

const resultSchemas = new Map<ApiMethod, z.ZodType>();

/**
 * The whole answer of one method, its value held to the method's output schema: the caller
 * parses what arrives once, envelope and value together.
 */
export function apiResultSchema<M extends ApiMethod>(method: M): z.ZodType<ApiResult<M>> {
  let schema = resultSchemas.get(method);
  if (!schema) {
    schema = z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), value: apiContract[method].output }),
      z.object({ ok: z.literal(false), error: WireErrorSchema }),
    ]);
    resultSchemas.set(method, schema);
  }
  return schema as z.ZodType<ApiResult<M>>;
}

/** The shape every transport of the contract implements: one function per method. */
export type ApiBridge = { [M in ApiMethod]: (input: unknown) => Promise<WireResult> };
