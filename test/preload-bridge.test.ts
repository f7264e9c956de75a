import { describe, expect, it, vi } from 'vitest';
import { EVENTS_IPC_CHANNEL, apiMethods, ipcChannel } from '@deskside/core';

// Electron's binary cannot run here: stand-ins for contextBridge and ipcRenderer record what
// the preload exposes and sends.
const exposed = new Map<string, Record<string, unknown>>();
const invoked: [string, unknown][] = [];
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

await import('../electron/preload/index');

describe('the preload (electron module replaced by a stand-in)', () => {
  it('exposes two objects only: the API bridge and the live-events subscription', () => {
    expect([...exposed.keys()].sort()).toEqual(['deskside', 'desksideEvents']);
    expect(Object.keys(exposed.get('desksideEvents') ?? {})).toEqual(['subscribe']);
  });

  it('the bridge is one function per contract method, each invoking its own fixed channel', async () => {
    const bridge = exposed.get('deskside') ?? {};
    expect(Object.keys(bridge).sort()).toEqual([...apiMethods].sort());
    for (const method of apiMethods) {
      const call = bridge[method];
      expect(typeof call, method).toBe('function');
      await (call as (input: unknown) => Promise<unknown>)({ probe: method });
    }
    expect(invoked).toEqual(apiMethods.map((method) => [ipcChannel(method), { probe: method }]));
  });

  it('exposes no Electron object: nothing reaches ipcRenderer, an IPC event or a channel name', () => {
    for (const api of exposed.values()) {
      for (const value of Object.values(api)) expect(typeof value).toBe('function');
    }
    const received: unknown[] = [];
    const subscribe = exposed.get('desksideEvents')?.subscribe as (
      listener: (payload: unknown) => void,
    ) => () => void;
    const unsubscribe = subscribe((payload) => received.push(payload));
    const sender = { sender: 'the IpcRendererEvent, which must stay in the preload' };
    listeners.get(EVENTS_IPC_CHANNEL)?.(sender, { type: 'ticket.created' });
    expect(received).toEqual([{ type: 'ticket.created' }]);
    unsubscribe();
    expect(listeners.has(EVENTS_IPC_CHANNEL)).toBe(false);
  });
});
