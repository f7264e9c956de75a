import {
  LOCAL_MACHINE_ID,
  describeCheckCatalog,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
  type AppInfo,
} from '@deskside/core';
import type { DataService } from '../data/data-service';
import type { AuditLog } from '../desk/audit-log';
import type { DeskService } from '../desk/desk-service';
import type { SignInControl } from '../desk/sign-in';
import type { IntakeService } from '../intake/intake-service';
import type { JobRegistry } from '../jobs/job-registry';
import type { EnrolmentService } from '../machines/enrolments';
import type { PairingService } from '../machines/pairing-service';
import type { ProfileService } from '../profile/profile-service';
import type { KbLinkService } from '../kb/kb-links';
import type { KbSearchService } from '../kb/kb-search';
import type { KbService } from '../kb/kb-service';
import type { CheckRunService } from '../machines/check-runs';
import type { InventoryBaselines } from '../machines/inventory-baselines';
import type { InventoryChangesService } from '../machines/inventory-changes';
import type { InventoryHistoryService } from '../machines/inventory-history';
import type { MachineService } from '../machines/machine-service';
import type { OrderService } from '../outside-help/order-service';
import type { VendorService } from '../outside-help/vendor-service';
import type { VisitService } from '../outside-help/visit-service';
import type { PeopleService } from '../people/people-service';
import type { QueueService } from '../queue/queue-service';
import type { MailService } from '../mail/mail-service';
import type { ReportsService } from '../reports/reports-service';
import type { AssignmentService } from '../tickets/assignment-service';
import type { LifecycleService } from '../tickets/lifecycle-service';
import type { SettingsService } from '../settings/settings-service';
import type { FleetService } from '../fleet/fleet-service';
import type { FleetEnrolmentService } from '../fleet/fleet-enrolment';
import { inventoryDiffEvidence } from '../tickets/evidence';
import type { TicketService } from '../tickets/ticket-service';
import type { WorkflowConfigService } from '../workflow/config-service';
import { renderReportPdf } from '../reports/report-pdf';

/** One function per contract method: the console's whole API surface. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>>;
};

export interface HandlerDeps {
  info: AppInfo;
  machines: MachineService;
  inventoryHistory: InventoryHistoryService;
  inventoryChanges: InventoryChangesService;
  inventoryBaselines: InventoryBaselines;
  tickets: TicketService;
  lifecycle: LifecycleService;
  assignment: AssignmentService;
  checkRuns: CheckRunService;
  intake: IntakeService;
  queue: QueueService;
  people: PeopleService;
  vendors: VendorService;
  visits: VisitService;
  orders: OrderService;
  workflow: WorkflowConfigService;
  data: DataService;
  settings: SettingsService;
  fleet: FleetService;
  fleetEnrolment: FleetEnrolmentService;
  profile: ProfileService;
  pairing: PairingService;
  enrolments: EnrolmentService;
  jobs: JobRegistry;
  kb: KbService;
  kbSearch: KbSearchService;
  kbLinks: KbLinkService;
  desk: DeskService;
  signIn: SignInControl;
  audit: AuditLog;
  reports: ReportsService;
  mail: MailService;
}

export function createApiHandlers(deps: HandlerDeps): ApiHandlers {
  const { info, machines, tickets, lifecycle, assignment, queue, people } = deps;
  const { vendors, visits, orders, workflow, data, settings, checkRuns, intake } = deps;
  const { profile, pairing, enrolments, jobs, inventoryHistory, inventoryChanges } = deps;
  const { inventoryBaselines: baselines } = deps;
  const { kb, kbSearch, kbLinks, desk, signIn, audit, reports, fleet, mail } = deps;
  const { fleetEnrolment } = deps;
  const actor = info.analyst;
  return {
    'app.info': () => Promise.resolve(info),
    'mail.settings': () => mail.settings(),
    'mail.saveSettings': (input) => mail.save(input),
    'mail.testConnection': ({ settings: proposed }) => mail.testConnection(proposed),
    'mail.send': (input) => mail.send(input, actor),
    'mail.outbox': ({ ticketId }) => mail.outbox(ticketId),
    'mail.resend': ({ id }) => mail.resend(id),
    'mail.templates': () => mail.templates(),
    'mail.saveTemplate': (input) => mail.saveTemplate(input, actor),
    'mail.previewTemplate': (input) => mail.previewTemplate(input),
    'desk.signInState': () => Promise.resolve(signIn.state()),
    'desk.signIn': (credentials) => signIn.signIn(credentials),
    'desk.signOut': () => signIn.signOut(),
    'desk.session': () => desk.session(),
    'desk.analysts': () => desk.list(),
    'desk.addAnalyst': (analyst) => desk.add(analyst),
    'desk.changeAnalyst': (change) => desk.change(change),
    'desk.disableAnalyst': ({ login }) => desk.disable(login),
    'audit.list': (query) => audit.list(query),
    'settings.get': () => Promise.resolve(settings.get()),
    'settings.update': (changes) => {
      const next = settings.update(changes);
      void fleet.apply(next.fleet);
      return Promise.resolve(next);
    },
    'profile.get': () => profile.get(),
    'profile.update': (changes) => profile.update(changes),
    'machines.list': () => machines.list(),
    'machines.get': ({ id }) => machines.get(id),
    'machines.probe': (input) => machines.probe(input),
    'machines.add': (input) => machines.add(input),
    'machines.pair': async (input) => fleetEnrolment.afterPairing(await machines.pair(input)),
    'machines.probeSsh': (input) => machines.probeSsh(input),
    'machines.addSsh': (input) => machines.addSsh(input),
    'machines.sshLogin': (input) => machines.sshLogin(input),
    'machines.forgetSshLogin': ({ id }) => machines.forgetSshLogin(id),
    'machines.confirmSshHostKey': (input) => machines.confirmSshHostKey(input),
    'machines.knownHosts': (input) => Promise.resolve(machines.knownHosts(input)),
    'machines.inventory': ({ id }) => machines.inventory(id),
    'machines.inventoryHistory': async ({ id, ...range }) =>
      inventoryHistory.list((await machines.get(id)).id, range),
    'machines.inventorySnapshot': ({ snapshotId }) => inventoryHistory.get(snapshotId),
    'machines.inventoryDiff': async ({ id, compare }) =>
      inventoryChanges.diff((await machines.get(id)).id, compare),
    'machines.inventoryTimeline': async ({ id, ...page }) =>
      inventoryChanges.timeline((await machines.get(id)).id, page),
    'machines.baselines': async ({ id }) => baselines.baselines((await machines.get(id)).id),
    'machines.listBaselines': () => baselines.listBaselines(),
    'machines.setBaseline': ({ scope, snapshotId }) => baselines.setBaseline(scope, snapshotId),
    'machines.clearBaseline': async (input) =>
      baselines.clearBaseline(
        input.scope === 'machine' ? { ...input, id: (await machines.get(input.id)).id } : input,
      ),
    'machines.status': ({ id }) => pairing.status(id),
    'machines.fleetPresence': () => fleet.presence(),
    'machines.fleetEnrol': ({ id }) => fleetEnrolment.enrolById(id),
    'machines.fleetRevoke': ({ id }) => fleetEnrolment.revoke(id),
    'machines.fleetRunChecks': (input) => fleet.runChecks(input),
    'machines.fleetQueuedChecks': (input) => fleet.queuedChecks(input),
    'machines.fleetScatterStart': (input) => fleet.startScatter(input),
    'machines.fleetScatter': ({ id }) => Promise.resolve(fleet.scatter(id)),
    'machines.fleetScatterCancel': ({ id }) => Promise.resolve(fleet.cancelScatter(id)),
    'machines.repair': async (input) => fleetEnrolment.afterPairing(await pairing.repair(input)),
    'machines.remove': ({ id }) => pairing.remove(id),
    'machines.issueEnrolment': (input) => enrolments.issue(input),
    'machines.enrolments': () => enrolments.list(),
    'machines.revokeEnrolment': ({ id }) => enrolments.revoke(id),
    'machines.addEnrolled': async (input) =>
      fleetEnrolment.afterPairing(await enrolments.addMachine(input)),
    'machines.tickets': ({ id }) =>
      tickets.forMachine(machines.isThisComputer(id) ? [id, LOCAL_MACHINE_ID] : [id]),
    'machines.startChecks': ({ id, checks }) => checkRuns.start(id, checks),
    'machines.checkRun': ({ runId, afterVersion }) => checkRuns.follow(runId, afterVersion),
    'machines.cancelChecks': ({ runId }) => Promise.resolve(checkRuns.cancel(runId)),
    'checks.catalog': () => Promise.resolve(describeCheckCatalog()),
    'tickets.list': () => tickets.list(),
    'tickets.get': ({ id }) => tickets.get(id),
    'tickets.create': (input) => tickets.create(input, actor),
    'tickets.attachInventory': (input) => tickets.attachInventory(input, actor),
    'tickets.attachCheckRun': (input) => tickets.attachCheckRun(input, actor),
    'tickets.attachInventoryDiff': async ({
      ticketId,
      machineId,
      fromSnapshotId,
      toSnapshotId,
    }) => {
      const machine = await machines.get(machineId);
      const comparison = await inventoryChanges.diff(machine.id, {
        kind: 'snapshots',
        from: fromSnapshotId,
        to: toSnapshotId,
      });
      return tickets.attachEvidence(ticketId, inventoryDiffEvidence(machine, comparison), actor);
    },
    'tickets.queue': (input) => queue.page(input, actor),
    'tickets.update': (input) => tickets.update(input, actor),
    'tickets.setStatus': (input) => lifecycle.setStatus(input, actor),
    'tickets.assign': (input) => assignment.assign(input, actor),
    'tickets.escalate': (input) => assignment.escalate(input, actor),
    'tickets.deescalate': (input) => assignment.deescalate(input, actor),
    'tickets.addEntry': (input) => tickets.addEntry(input, actor),
    'tickets.messageAgent': (input) => fleet.messageAgent(input.ticketId, input.body, actor),
    'tickets.resolve': (input) => lifecycle.resolve(input, actor),
    'tickets.verify': (input) => lifecycle.verify(input, actor),
    'tickets.reopen': (input) => lifecycle.reopen(input, actor),
    'tickets.feedback': (input) => lifecycle.feedback(input, actor),
    'tickets.recommendServiceCentre': (input) => vendors.recommendServiceCentre(input, actor),
    'intake.scripts': () => Promise.resolve(intake.list()),
    'intake.start': (input) => intake.start(input, actor),
    'intake.get': ({ ticketId }) => intake.get(ticketId),
    'intake.answer': (input) => intake.answer(input, actor),
    'intake.runChecks': (input) => intake.runChecks(input),
    'intake.recordChecks': (input) => intake.recordChecks(input, actor),
    'intake.escalate': (input) => intake.escalate(input, actor),
    'intake.resolve': (input) => intake.resolve(input, actor),
    'people.list': ({ search }) => people.list(search),
    'people.get': ({ id }) => people.get(id),
    'people.create': (input) => people.create(input),
    'people.update': (input) => people.update(input),
    'people.tickets': async ({ id }) => {
      // An unknown person is an error, not someone who never called.
      await people.get(id);
      return tickets.forRequester(id);
    },
    'vendors.openCase': (input) => vendors.openCase(input, actor),
    'vendors.updateCase': (input) => vendors.updateCase(input, actor),
    'visits.schedule': (input) => visits.schedule(input, actor),
    'visits.record': (input) => visits.record(input, actor),
    'orders.create': (input) => orders.create(input, actor),
    'orders.update': (input) => orders.update(input, actor),
    'workflow.config': () => workflow.get(),
    'workflow.configure': (input) => workflow.configure(input),
    'kb.search': (input) => kbSearch.search(input),
    'kb.get': ({ id }) => kb.get(id),
    'kb.create': (input) => kb.create(input, actor),
    'kb.update': (input) => kb.update(input, actor),
    'kb.tags': () => kb.tags(),
    'kb.suggest': ({ text, limit }) => kbSearch.suggest(text, limit),
    'kb.forTicket': ({ ticketId }) => kbLinks.forTicket(ticketId),
    'kb.link': ({ ticketId, articleIds }) => kbLinks.link(ticketId, articleIds, actor),
    'kb.unlink': ({ ticketId, articleId }) => kbLinks.unlink(ticketId, articleId),
    'kb.feedback': (input) => kbLinks.feedback(input, actor),
    'kb.addStarterArticles': () => kb.addStarterArticles(actor),
    'reports.recurring': (input) => reports.recurring(input),
    'reports.groupTickets': (input) => reports.groupTickets(input),
    'reports.checkTickets': (input) => reports.checkTickets(input),
    'reports.service': ({ filters }) => reports.service(filters),
    'reports.saved': () => reports.listSaved(),
    'reports.save': (input) => reports.save(input),
    'reports.delete': ({ id, expectedVersion }) => reports.delete(id, expectedVersion),
    'reports.runs': ({ reportId, limit }) => reports.runs(reportId, limit),
    'reports.openRun': ({ id }) => reports.openRun(id),
    'reports.runNow': ({ reportId }) => reports.runNow(reportId),
    'data.startExport': ({ format }) => data.startExport(format),
    'data.readExport': ({ id, offset }) => data.readExport(id, offset),
    'data.beginImport': ({ format, size }) => data.beginImport(format, size),
    'data.importChunk': ({ id, offset, data: chunk }) => data.importChunk(id, offset, chunk),
    'data.runImport': ({ id }) => Promise.resolve(data.runImport(id, actor)),
    'jobs.get': ({ id }) => Promise.resolve(jobs.get(id)),
    'jobs.cancel': ({ id }) => jobs.cancel(id),
    'jobs.dismiss': async ({ id }) => {
      await jobs.dismiss(id);
      return { id };
    },
    'reports.pdf': (input) => renderReportPdf(input),
  };
}
