import { contextBridge, ipcRenderer } from 'electron';
import type { ApiBridge, ApiMethod, EventBridge, WireResult } from '@deskside/core';
import { EVENTS_IPC_CHANNEL, ipcChannel } from '@deskside/core/ipc';

const call =
  (method: ApiMethod) =>
  (input: unknown): Promise<WireResult> =>
    ipcRenderer.invoke(ipcChannel(method), input) as Promise<WireResult>;

// One function per contract method and nothing else; `satisfies` fails the build when the
// contract gains or loses a method this list does not match.
const bridge = {
  'app.info': call('app.info'),
  'settings.get': call('settings.get'),
  'settings.update': call('settings.update'),
  'mail.settings': call('mail.settings'),
  'mail.saveSettings': call('mail.saveSettings'),
  'mail.testConnection': call('mail.testConnection'),
  'mail.send': call('mail.send'),
  'mail.outbox': call('mail.outbox'),
  'profile.get': call('profile.get'),
  'profile.update': call('profile.update'),
  'machines.list': call('machines.list'),
  'machines.get': call('machines.get'),
  'machines.probe': call('machines.probe'),
  'machines.add': call('machines.add'),
  'machines.pair': call('machines.pair'),
  'machines.probeSsh': call('machines.probeSsh'),
  'machines.addSsh': call('machines.addSsh'),
  'machines.sshLogin': call('machines.sshLogin'),
  'machines.forgetSshLogin': call('machines.forgetSshLogin'),
  'machines.confirmSshHostKey': call('machines.confirmSshHostKey'),
  'machines.knownHosts': call('machines.knownHosts'),
  'machines.inventory': call('machines.inventory'),
  'machines.inventoryHistory': call('machines.inventoryHistory'),
  'machines.inventorySnapshot': call('machines.inventorySnapshot'),
  'machines.inventoryDiff': call('machines.inventoryDiff'),
  'machines.inventoryTimeline': call('machines.inventoryTimeline'),
  'machines.baselines': call('machines.baselines'),
  'machines.listBaselines': call('machines.listBaselines'),
  'machines.setBaseline': call('machines.setBaseline'),
  'machines.clearBaseline': call('machines.clearBaseline'),
  'machines.status': call('machines.status'),
  'machines.fleetPresence': call('machines.fleetPresence'),
  'machines.fleetEnrol': call('machines.fleetEnrol'),
  'machines.fleetRunChecks': call('machines.fleetRunChecks'),
  'machines.fleetQueuedChecks': call('machines.fleetQueuedChecks'),
  'machines.fleetScatterStart': call('machines.fleetScatterStart'),
  'machines.fleetScatter': call('machines.fleetScatter'),
  'machines.fleetScatterCancel': call('machines.fleetScatterCancel'),
  'machines.tickets': call('machines.tickets'),
  'machines.startChecks': call('machines.startChecks'),
  'machines.checkRun': call('machines.checkRun'),
  'machines.cancelChecks': call('machines.cancelChecks'),
  'machines.repair': call('machines.repair'),
  'machines.remove': call('machines.remove'),
  'machines.issueEnrolment': call('machines.issueEnrolment'),
  'machines.enrolments': call('machines.enrolments'),
  'machines.revokeEnrolment': call('machines.revokeEnrolment'),
  'machines.addEnrolled': call('machines.addEnrolled'),
  'checks.catalog': call('checks.catalog'),
  'tickets.list': call('tickets.list'),
  'tickets.get': call('tickets.get'),
  'tickets.create': call('tickets.create'),
  'tickets.attachInventory': call('tickets.attachInventory'),
  'tickets.attachCheckRun': call('tickets.attachCheckRun'),
  'tickets.attachInventoryDiff': call('tickets.attachInventoryDiff'),
  'tickets.queue': call('tickets.queue'),
  'tickets.update': call('tickets.update'),
  'tickets.setStatus': call('tickets.setStatus'),
  'tickets.assign': call('tickets.assign'),
  'tickets.escalate': call('tickets.escalate'),
  'tickets.deescalate': call('tickets.deescalate'),
  'tickets.addEntry': call('tickets.addEntry'),
  'tickets.messageAgent': call('tickets.messageAgent'),
  'tickets.resolve': call('tickets.resolve'),
  'tickets.verify': call('tickets.verify'),
  'tickets.reopen': call('tickets.reopen'),
  'tickets.feedback': call('tickets.feedback'),
  'tickets.recommendServiceCentre': call('tickets.recommendServiceCentre'),
  'intake.scripts': call('intake.scripts'),
  'intake.start': call('intake.start'),
  'intake.get': call('intake.get'),
  'intake.answer': call('intake.answer'),
  'intake.runChecks': call('intake.runChecks'),
  'intake.recordChecks': call('intake.recordChecks'),
  'intake.escalate': call('intake.escalate'),
  'intake.resolve': call('intake.resolve'),
  'people.list': call('people.list'),
  'people.get': call('people.get'),
  'people.create': call('people.create'),
  'people.update': call('people.update'),
  'people.tickets': call('people.tickets'),
  'vendors.openCase': call('vendors.openCase'),
  'vendors.updateCase': call('vendors.updateCase'),
  'visits.schedule': call('visits.schedule'),
  'visits.record': call('visits.record'),
  'orders.create': call('orders.create'),
  'orders.update': call('orders.update'),
  'workflow.config': call('workflow.config'),
  'workflow.configure': call('workflow.configure'),
  'reports.recurring': call('reports.recurring'),
  'reports.groupTickets': call('reports.groupTickets'),
  'reports.service': call('reports.service'),
  'reports.saved': call('reports.saved'),
  'reports.save': call('reports.save'),
  'reports.delete': call('reports.delete'),
  'reports.runs': call('reports.runs'),
  'reports.openRun': call('reports.openRun'),
  'reports.runNow': call('reports.runNow'),
  'data.startExport': call('data.startExport'),
  'data.readExport': call('data.readExport'),
  'data.beginImport': call('data.beginImport'),
  'data.importChunk': call('data.importChunk'),
  'data.runImport': call('data.runImport'),
  'jobs.get': call('jobs.get'),
  'jobs.cancel': call('jobs.cancel'),
  'jobs.dismiss': call('jobs.dismiss'),
  'kb.search': call('kb.search'),
  'kb.get': call('kb.get'),
  'kb.create': call('kb.create'),
  'kb.update': call('kb.update'),
  'kb.tags': call('kb.tags'),
  'kb.suggest': call('kb.suggest'),
  'kb.forTicket': call('kb.forTicket'),
  'kb.link': call('kb.link'),
  'kb.unlink': call('kb.unlink'),
  'kb.feedback': call('kb.feedback'),
  'kb.addStarterArticles': call('kb.addStarterArticles'),
  'desk.signInState': call('desk.signInState'),
  'desk.signIn': call('desk.signIn'),
  'desk.signOut': call('desk.signOut'),
  'desk.session': call('desk.session'),
  'desk.analysts': call('desk.analysts'),
  'desk.addAnalyst': call('desk.addAnalyst'),
  'desk.changeAnalyst': call('desk.changeAnalyst'),
  'desk.disableAnalyst': call('desk.disableAnalyst'),
  'audit.list': call('audit.list'),
  'reports.pdf': call('reports.pdf'),
} satisfies ApiBridge;

contextBridge.exposeInMainWorld('deskside', bridge);

// The live channel: one subscription to one fixed channel, never a generic `on(channel)`.
const events = {
  subscribe(listener: (event: unknown) => void): () => void {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown) => {
      listener(payload);
    };
    ipcRenderer.on(EVENTS_IPC_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENTS_IPC_CHANNEL, forward);
    };
  },
} satisfies EventBridge;

contextBridge.exposeInMainWorld('desksideEvents', events);

export type PreloadBridge = typeof bridge;
