import { describe, expect, it } from 'vitest';
import { apiMethods, type ApiBridge } from '@deskside/core';
import { ApiError, createClient } from './client';
import { startEarlyReads, takeEarlyRead } from './early-reads';
import { takeSessionToken } from './transport';

/** A bridge whose every method answers through `respond` (a stand-in for IPC or HTTP). */
function bridgeFrom(respond: (method: string, input: unknown) => Promise<unknown>): ApiBridge {
  const entries = apiMethods.map((method) => [method, (input: unknown) => respond(method, input)]);
  return Object.fromEntries(entries) as ApiBridge;
}

const bridgeAnswering = (answer: (method: string, input: unknown) => unknown) =>
  bridgeFrom((method, input) => Promise.resolve(answer(method, input)));

const info = {
  version: '0.1.0',
  analyst: 'ana',
  host: 'browser',
  secrets: { kind: 'key-file', reason: 'browser-mode' },
};

describe('createClient', () => {
  it('returns the value of a successful call, validated by the contract', async () => {
    const calls: unknown[] = [];
    const client = createClient(
      bridgeAnswering((method, input) => {
        calls.push([method, input]);
        return { ok: true, value: info };
      }),
    );
    expect(await client.call('app.info', {})).toEqual(info);
    expect(calls).toEqual([['app.info', {}]]);
  });

  it('uses an answer the page asked for early, once, checked like any other', async () => {
    const calls: unknown[] = [];
    const client = createClient(
      bridgeAnswering((method, input) => {
        calls.push([method, input]);
        return { ok: true, value: { ...info, version: '0.2.0' } };
      }),
    );
    startEarlyReads(
      () => Promise.resolve({ ok: true, value: info }),
      [{ method: 'app.info', input: {} }],
    );
    expect(await client.call('app.info', {})).toEqual(info);
    expect(calls).toEqual([]);
    expect(await client.call('app.info', {})).toEqual({ ...info, version: '0.2.0' });
    expect(calls).toEqual([['app.info', {}]]);

    startEarlyReads(
      () => Promise.resolve({ ok: true, value: { version: 1 } }),
      [{ method: 'app.info', input: {} }],
    );
    await expect(client.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
  });

  it('sends an input with no exact JSON form (a form’s NaN) to the console, which says what is wrong', async () => {
    const refusal = {
      ok: false,
      error: {
        code: 'validation',
        message: 'Invalid input',
        issues: [{ path: 'minutes', message: 'Expected number' }],
      },
    };
    const client = createClient(bridgeAnswering(() => refusal));
    // An early read of the same method does not stand in the way.
    startEarlyReads(
      () => Promise.resolve({ ok: true, value: info }),
      [{ method: 'tickets.get', input: { id: 9 } }],
    );
    await expect(client.call('tickets.get', { id: Number.NaN })).rejects.toMatchObject({
      code: 'validation',
    });
    expect(takeEarlyRead('tickets.get', { id: 9 })).toBeDefined();
  });

  it('throws an ApiError with the code and message of a failed call', async () => {
    const client = createClient(
      bridgeAnswering(() => ({
        ok: false,
        error: { code: 'not_found', message: 'Ticket 9 does not exist' },
      })),
    );
    const error: unknown = await client.call('tickets.get', { id: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not_found', message: 'Ticket 9 does not exist' });
  });

  it('refuses a value that breaks the contract as an ApiError naming the method and field', async () => {
    const wrongValue = createClient(bridgeAnswering(() => ({ ok: true, value: { version: 1 } })));
    const error: unknown = await wrongValue.call('app.info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'internal', message: /app\.info/ });
    expect((error as ApiError).issues?.map((issue) => issue.path)).toContain('value.version');
  });

  it('refuses an answer that is not a result, or an error with a code the contract lacks', async () => {
    const garbage = createClient(bridgeAnswering(() => '<html>'));
    await expect(garbage.call('app.info', {})).rejects.toMatchObject({ code: 'internal' });
    const unknownCode = createClient(
      bridgeAnswering(() => ({ ok: false, error: { code: 'boom', message: 'Boom' } })),
    );
    await expect(unknownCode.call('app.info', {})).rejects.toMatchObject({
      code: 'internal',
      message: /breaks the contract/,
    });
  });

  it('hands the page the value the contract parsed, not the raw answer', async () => {
    // What the contract does not know never reaches a page.
    const person = {
      id: 1,
      version: 1,
      name: 'Jan',
      department: '',
      location: '',
      phone: '',
      email: '',
      machines: [{ name: 'LAPTOP-7', machineId: null }],
      createdAt: '2026-03-02T08:00:00.000Z',
      updatedAt: '2026-03-02T08:00:00.000Z',
      unexpected: 'dropped',
    };
    const client = createClient(bridgeAnswering(() => ({ ok: true, value: person })));
    const answer = await client.call('people.get', { id: 1 });
    expect(answer).not.toHaveProperty('unexpected');
    expect(answer).toMatchObject({ id: 1, name: 'Jan', machines: person.machines });
  });

  it('reports a bridge that fails as the console not answering', async () => {
    const down = createClient(bridgeFrom(() => Promise.reject(new TypeError('fetch failed'))));
    await expect(down.call('app.info', {})).rejects.toMatchObject({
      code: 'internal',
      message: /did not answer/,
    });
  });
});

describe('takeSessionToken', () => {
  it('takes the token from the fragment, keeps it for the tab and clears the address bar', () => {
    window.history.replaceState(null, '', '/#session=abc_DEF-123');
    expect(takeSessionToken(window.location, window.sessionStorage, window.history)).toBe(
      'abc_DEF-123',
    );
    expect(window.location.hash).toBe('#/');
    expect(takeSessionToken(window.location, window.sessionStorage, window.history)).toBe(
      'abc_DEF-123',
    );
  });

  it('has no token in a fresh tab without one', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/#/tickets');
    expect(takeSessionToken(window.location, window.sessionStorage, window.history)).toBeNull();
  });
});

describe('the live channel', () => {
  it('passes on events that match the contract and drops anything else', () => {
    let deliver: (event: unknown) => void = () => undefined;
    const client = createClient(
      bridgeAnswering(() => ({ ok: true, value: null })),
      {
        subscribe(listener) {
          deliver = listener;
          return () => undefined;
        },
      },
    );
    const heard: unknown[] = [];
    client.subscribe((event) => heard.push(event));
    const event = { type: 'ticket.created', ticketId: 4, at: '2026-03-02T08:00:00.000Z' };
    deliver(event);
    deliver({ type: 'ticket.exploded', ticketId: 4 });
    deliver('<script>');
    expect(heard).toEqual([event]);
  });
});
