import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsoleEvent, WireResult } from '@deskside/core';
import type { ConsoleServices } from '../console';
import { EventHub } from '../database/store';
import type { SignInControl } from './sign-in';
import { openSignInGate, type SignInGate } from './sign-in-gate';

const DESK = 'postgres://db.example.org:5433/desk';
const PASSWORD = 'correct horse battery staple';

/** An error as pg reports a refused login. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

/** Services that answer every call with `answer`, and what the gate did with them. */
function fakeServices(answer: () => WireResult) {
  const events = new EventHub();
  const close = vi.fn(() => Promise.resolve());
  const dispatch = vi.fn<(method: string, input: unknown) => Promise<WireResult>>(() =>
    Promise.resolve(answer()),
  );
  return { services: { dispatch, events, close } as unknown as ConsoleServices, close, events };
}

describe('the sign-in gate of a desk whose address holds no password', () => {
  let dataDir: string;
  let logged: string;
  let gate: SignInGate;
  let opened: { url: string | undefined; signIn: SignInControl }[];
  let answer: () => WireResult;
  let fake: ReturnType<typeof fakeServices>;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-sign-in-'));
    logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logged += chunk.toString();
        done();
      },
    });
    opened = [];
    answer = () => ({ ok: true, value: { version: '1' } });
    fake = fakeServices(() => answer());
    gate = await openSignInGate({
      databaseUrl: DESK,
      dataDir,
      logger: pino({ level: 'trace' }, sink),
      open: (url, signIn) => {
        opened.push({ url, signIn });
        const password = url ? decodeURIComponent(new URL(url).password) : '';
        if (password === 'no network') {
          return Promise.reject(pgError('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5433'));
        }
        if (new URL(url ?? DESK).username === 'lena') {
          return Promise.reject(pgError('28000', 'role "lena" is not permitted to log in'));
        }
        if (password === 'explode') return Promise.reject(new Error(`odd failure for ${url}`));
        if (password !== PASSWORD) {
          return Promise.reject(pgError('28P01', 'password authentication failed for user'));
        }
        return Promise.resolve(fake.services);
      },
    });
  });
  afterEach(async () => {
    await gate.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = (login: string, password: string) =>
    gate.dispatch('desk.signIn', { login, password });

  it('starts signed out, naming the desk, and opens nothing', async () => {
    expect(await gate.dispatch('desk.signInState', {})).toEqual({
      ok: true,
      value: { state: 'signed-out', desk: 'db.example.org:5433/desk', reason: null },
    });
    expect(opened).toEqual([]);
  });

  it('answers every other method signed_out, except the console’s own settings', async () => {
    for (const method of ['app.info', 'tickets.queue', 'desk.session', 'audit.list']) {
      const result = await gate.dispatch(method, {});
      expect(result, method).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    }
    expect(await gate.dispatch('settings.get', {})).toMatchObject({ ok: true });
    expect(await gate.dispatch('settings.update', { language: 'nl' })).toMatchObject({
      ok: true,
      value: { language: 'nl' },
    });
    expect(await gate.dispatch('no.such', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('refuses a sign-in name that is no role name before trying the desk', async () => {
    const result = await signIn('Robert; DROP', PASSWORD);
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(opened).toEqual([]);
  });

  it('stays signed out after a wrong password, a disabled analyst or an unreachable desk', async () => {
    expect(await signIn('bram', 'wrong password')).toEqual({
      ok: true,
      value: { state: 'signed-out', desk: 'db.example.org:5433/desk', reason: 'wrong_password' },
    });
    expect(await signIn('lena', PASSWORD)).toMatchObject({ value: { reason: 'not_allowed' } });
    expect(await signIn('bram', 'no network')).toMatchObject({ value: { reason: 'unreachable' } });
    expect(await gate.dispatch('tickets.list', {})).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(fake.services.dispatch).not.toHaveBeenCalled();
  });

  it('signs in with the desk’s address and the analyst’s credentials, then serves the console', async () => {
    expect(await signIn('bram', PASSWORD)).toEqual({
      ok: true,
      value: { state: 'signed-in', byAddress: false },
    });
    const url = new URL(opened.at(-1)!.url!);
    expect([url.host, url.pathname, url.username]).toEqual([
      'db.example.org:5433',
      '/desk',
      'bram',
    ]);
    expect(decodeURIComponent(url.password)).toBe(PASSWORD);
    expect(await gate.dispatch('app.info', {})).toEqual({ ok: true, value: { version: '1' } });
    expect(fake.services.dispatch).toHaveBeenCalledWith('app.info', {});
  });

  it('keeps a password with URL syntax in it intact', async () => {
    await signIn('bram', 'p@ss:w/rd%41?#');
    expect(decodeURIComponent(new URL(opened.at(-1)!.url!).password)).toBe('p@ss:w/rd%41?#');
  });

  it('signs out: the services close and the console answers signed_out again', async () => {
    await signIn('bram', PASSWORD);
    const { signIn: control } = opened.at(-1)!;
    expect(await control.signOut()).toMatchObject({ state: 'signed-out', reason: null });
    expect(fake.close).toHaveBeenCalledOnce();
    expect(await gate.dispatch('app.info', {})).toMatchObject({ error: { code: 'signed_out' } });
    await signIn('bram', PASSWORD);
    expect(await gate.dispatch('app.info', {})).toMatchObject({ ok: true });
  });

  it('goes back to signed out when the desk refuses the signed-in analyst', async () => {
    await signIn('bram', PASSWORD);
    const { signIn: control } = opened.at(-1)!;
    answer = () => {
      control.refused();
      return { ok: false, error: { code: 'forbidden', message: 'The desk no longer lets you in' } };
    };
    const refused = await gate.dispatch('tickets.create', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'signed_out' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/no longer lets you in/);
    expect(fake.close).toHaveBeenCalledOnce();
    expect(await gate.dispatch('desk.signInState', {})).toMatchObject({
      value: { state: 'signed-out', reason: 'refused' },
    });
    // A refusal reported late by services already closed changes nothing.
    answer = () => ({ ok: true, value: { version: '1' } });
    await signIn('bram', PASSWORD);
    control.refused();
    expect(await gate.dispatch('app.info', {})).toEqual({ ok: true, value: { version: '1' } });
  });

  it('passes the open services’ events on, across a sign-out and a new sign-in', async () => {
    const heard: ConsoleEvent[] = [];
    gate.events.subscribe((event) => heard.push(event));
    const event: ConsoleEvent = {
      type: 'ticket.created',
      ticketId: 1,
      at: '2026-12-02T09:00:00.000Z',
    };
    await signIn('bram', PASSWORD);
    fake.events.emit(event);
    await opened.at(-1)!.signIn.signOut();
    fake.events.emit(event);
    expect(heard).toHaveLength(1);
    await signIn('bram', PASSWORD);
    fake.events.emit(event);
    expect(heard).toHaveLength(2);
  });

  it('writes no password to its log, whatever happens', async () => {
    await signIn('bram', 'wrong password');
    await signIn('lena', PASSWORD);
    expect(await signIn('bram', 'explode')).toMatchObject({ error: { code: 'internal' } });
    await signIn('bram', PASSWORD);
    await opened.at(-1)!.signIn.signOut();
    expect(logged).toContain('signing in failed');
    expect(logged).toContain('the desk refused a sign-in');
    for (const password of [PASSWORD, 'wrong password', 'explode']) {
      expect(logged).not.toContain(password);
      expect(logged).not.toContain(encodeURIComponent(password));
    }
  });
});

describe('a console whose address signs it in', () => {
  it('opens at once with the address as it is, and there is no signing out', async () => {
    const fake = fakeServices(() => ({ ok: true, value: null }));
    const open = vi.fn<
      (url: string | undefined, signIn: SignInControl) => Promise<ConsoleServices>
    >(() => Promise.resolve(fake.services));
    const address = `postgres://ada:${encodeURIComponent(PASSWORD)}@db.example.org/desk`;
    const gate = await openSignInGate({
      databaseUrl: address,
      dataDir: os.tmpdir(),
      logger: pino({ level: 'silent' }),
      open,
    });
    expect(open).toHaveBeenCalledOnce();
    expect(open.mock.calls[0]?.[0]).toBe(address);
    const control = open.mock.calls[0]![1];
    expect(control.state()).toEqual({ state: 'signed-in', byAddress: true });
    await expect(control.signOut()).rejects.toMatchObject({ code: 'forbidden' });
    expect(gate.dispatch).toBe(fake.services.dispatch);
    await gate.close();
    expect(fake.close).toHaveBeenCalledOnce();
  });
});
