import { contextBridge, ipcRenderer } from 'electron';
import type { ApiBridge, ApiMethod, WireResult } from '@deskside/core';
import { ipcChannel } from '@deskside/core/ipc';

const call =
  (method: ApiMethod) =>
  (input: unknown): Promise<WireResult> =>
    ipcRenderer.invoke(ipcChannel(method), input) as Promise<WireResult>;

// One function per contract method and nothing else; `satisfies` fails the build when the
// contract gains or loses a method this list does not match.
const bridge = {
  'app.info': call('app.info'),
  'machines.list': call('machines.list'),
  'machines.get': call('machines.get'),
  'machines.probe': call('machines.probe'),
  'machines.add': call('machines.add'),
  'machines.pair': call('machines.pair'),
  'machines.inventory': call('machines.inventory'),
  'machines.runChecks': call('machines.runChecks'),
  'checks.catalog': call('checks.catalog'),
  'tickets.list': call('tickets.list'),
  'tickets.get': call('tickets.get'),
  'tickets.create': call('tickets.create'),
  'tickets.attachInventory': call('tickets.attachInventory'),
} satisfies ApiBridge;

contextBridge.exposeInMainWorld('deskside', bridge);

export type PreloadBridge = typeof bridge;
