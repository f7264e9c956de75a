import type { ApiMethod } from './api';
import type { ChangeEvent } from './events';

/** Changes every console hears of: the live events a committed write publishes. */
export type AnnouncedChange = ChangeEvent['type'];

/**
 * Changes no live event carries (settings live in this console's folder; machines, the
 * profile and the workflow are not announced through the database), so only the console
 * that made them refreshes.
 */
export const UNANNOUNCED_CHANGES = [
  'machines.changed',
  'machine.contacted',
  'settings.changed',
  'profile.changed',
  'workflow.changed',
  'analysts.changed',
  'reports.changed',
  'fleet.queued',
] as const;

export type ApiChange = AnnouncedChange | (typeof UNANNOUNCED_CHANGES)[number];

const none = [] as const;
const ticketChanged = ['ticket.changed'] as const;
const kbChanged = ['kb.changed'] as const;
const machinesChanged = ['machines.changed'] as const;

/**
 * What each method of the contract changes once it succeeds. Reads change nothing, except
 * that reading a machine's inventory contacts it; a job (an import) announces its change when
 * it ends, not when it starts. Every method is listed,
 * so a new one has to say; the services' tests hold each announced change to the events the
 * method really publishes.
 */
export const apiChanges = {
  'app.info': none,
  'settings.get': none,
  'settings.update': ['settings.changed'],
  'mail.settings': none,
  'mail.saveSettings': ['settings.changed'],
  'mail.testConnection': none,
  'mail.send': ticketChanged,
  'mail.outbox': none,
  'mail.resend': ticketChanged,
  'mail.templates': none,
  'mail.saveTemplate': ['settings.changed'],
  'mail.previewTemplate': none,
  'profile.get': none,
  'profile.update': ['profile.changed'],

  'machines.list': none,
  'machines.get': none,
  'machines.probe': none,
  'machines.add': machinesChanged,
  'machines.pair': machinesChanged,
  'machines.probeSsh': none,
  'machines.addSsh': machinesChanged,
  'machines.sshLogin': machinesChanged,
  'machines.forgetSshLogin': machinesChanged,
  'machines.confirmSshHostKey': machinesChanged,
  'machines.knownHosts': none,
  'machines.inventory': ['machine.contacted'],
  'machines.inventoryHistory': none,
  'machines.inventorySnapshot': none,
  'machines.inventoryDiff': none,
  'machines.inventoryTimeline': none,
  'machines.baselines': none,
  'machines.fleetPresence': none,
  // The desk's fleet authority and the agent change; consoles hear of the machine through
  // `fleet.presence` once it beats.
  'machines.fleetEnrol': none,
  'machines.fleetRevoke': none,
  // A queued check is a row of the desk's (its status is followed by `fleet.checks` events of
  // the console that settles it); checks asked now change nothing until attached.
  'machines.fleetRunChecks': ['fleet.queued'],
  'machines.fleetQueuedChecks': none,
  'machines.fleetScatterStart': none,
  'machines.fleetScatter': none,
  'machines.fleetScatterCancel': none,
  'machines.listBaselines': none,
  'machines.setBaseline': ['baselines.changed'],
  'machines.clearBaseline': ['baselines.changed'],
  'machines.status': none,
  'machines.tickets': none,
  'machines.startChecks': none,
  'machines.checkRun': none,
  'machines.cancelChecks': none,
  'machines.repair': machinesChanged,
  'machines.remove': machinesChanged,
  'machines.issueEnrolment': machinesChanged,
  'machines.enrolments': none,
  'machines.revokeEnrolment': machinesChanged,
  'machines.addEnrolled': machinesChanged,

  'checks.catalog': none,

  'tickets.list': none,
  'tickets.get': none,
  'tickets.create': ['ticket.created'],
  'tickets.attachInventory': ticketChanged,
  'tickets.attachCheckRun': ticketChanged,
  'tickets.attachInventoryDiff': ticketChanged,
  'tickets.queue': none,
  'tickets.update': ticketChanged,
  'tickets.setStatus': ticketChanged,
  'tickets.assign': ticketChanged,
  'tickets.escalate': ticketChanged,
  'tickets.deescalate': ticketChanged,
  'tickets.addEntry': ticketChanged,
  'tickets.messageAgent': ticketChanged,
  'tickets.resolve': ticketChanged,
  'tickets.verify': ticketChanged,
  'tickets.reopen': ticketChanged,
  'tickets.feedback': ticketChanged,
  'tickets.recommendServiceCentre': ticketChanged,

  'intake.scripts': none,
  'intake.start': ['ticket.created'],
  'intake.get': none,
  'intake.answer': ticketChanged,
  'intake.runChecks': none,
  'intake.recordChecks': ticketChanged,
  'intake.escalate': ticketChanged,
  'intake.resolve': ticketChanged,

  'people.list': none,
  'people.get': none,
  'people.create': ['people.changed'],
  'people.update': ['people.changed'],
  'people.tickets': none,

  'vendors.openCase': ticketChanged,
  'vendors.updateCase': ticketChanged,
  'visits.schedule': ticketChanged,
  'visits.record': ticketChanged,
  'orders.create': ticketChanged,
  'orders.update': ticketChanged,

  'workflow.config': none,
  'workflow.configure': ['workflow.changed'],

  'kb.search': none,
  'kb.get': none,
  'kb.create': kbChanged,
  'kb.update': kbChanged,
  'kb.tags': none,
  'kb.suggest': none,
  'kb.forTicket': none,
  'kb.link': kbChanged,
  'kb.unlink': kbChanged,
  'kb.feedback': kbChanged,
  'kb.addStarterArticles': kbChanged,

  // Signing in or out replaces the console's services: the page starts over (renderer/src/screens.ts).
  'desk.signInState': none,
  'desk.signIn': none,
  'desk.signOut': none,
  'desk.session': none,
  'desk.analysts': none,
  'desk.addAnalyst': ['analysts.changed'],
  'desk.changeAnalyst': ['analysts.changed'],
  'desk.disableAnalyst': ['analysts.changed'],
  'audit.list': none,

  'reports.recurring': none,
  'reports.groupTickets': none,
  'reports.checkTickets': none,
  'reports.service': none,
  'reports.saved': none,
  'reports.save': ['reports.changed'],
  'reports.delete': ['reports.changed'],
  'reports.runs': none,
  'reports.openRun': none,
  'reports.runNow': ['reports.changed'],

  'data.startExport': none,
  'data.readExport': none,
  'data.beginImport': none,
  'data.importChunk': none,
  'data.runImport': none,
  'jobs.get': none,
  'jobs.cancel': none,
  'jobs.dismiss': none,
  'reports.pdf': none,
} as const satisfies Record<ApiMethod, readonly ApiChange[]>;

const unannounced: readonly string[] = UNANNOUNCED_CHANGES;

/** The changes of `method` that other consoles hear of through the live channel. */
export function announcedChanges(method: ApiMethod): AnnouncedChange[] {
  const changes: readonly ApiChange[] = apiChanges[method];
  return changes.filter((change): change is AnnouncedChange => !unannounced.includes(change));
}
