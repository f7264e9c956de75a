import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiContract, apiMethods, apiResultSchema, isApiMethod, WireResultSchema } from './api';
import { UNANNOUNCED_CHANGES, announcedChanges, apiChanges } from './api-changes';
import { canonicalJson } from './canonical-json';
import { DesksideError, validationError } from './errors';

describe('the API contract', () => {
  it('names methods as domain.action', () => {
    for (const method of apiMethods) expect(method).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('knows only its own methods, not inherited object keys', () => {
    expect(isApiMethod('tickets.list')).toBe(true);
    for (const name of [
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'tickets.delete',
    ]) {
      expect(isApiMethod(name)).toBe(false);
    }
  });

  it('describes outputs that survive a trip through JSON unchanged', () => {
    // Dates, Maps and undefined would not cross IPC or HTTP intact; outputs must be plain JSON.
    for (const method of apiMethods) {
      const schema = z.toJSONSchema(apiContract[method].output, {
        unrepresentable: 'throw',
        io: 'output',
      });
      expect(schema, method).toBeTypeOf('object');
    }
  });

  it('carries errors as data in one result shape', () => {
    const error = new DesksideError('not_found', 'Ticket 3 does not exist');
    expect(WireResultSchema.parse({ ok: false, error: error.toWire() })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Ticket 3 does not exist' },
    });
    expect(
      WireResultSchema.safeParse({ ok: false, error: { code: 'boom', message: '' } }).success,
    ).toBe(false);
  });
});

describe('a method’s result schema', () => {
  it('holds the value to the method’s output schema and the error to the wire error', () => {
    const schema = apiResultSchema('people.tickets');
    expect(schema.safeParse({ ok: true, value: [] }).success).toBe(true);
    expect(schema.safeParse({ ok: true, value: [{ id: 'one' }] }).success).toBe(false);
    expect(
      schema.safeParse({ ok: false, error: { code: 'not_found', message: 'x' } }).success,
    ).toBe(true);
    expect(apiResultSchema('people.tickets')).toBe(schema);
  });
});

describe('what each method changes', () => {
  it('is said for every method; changes no event carries are told apart', () => {
    expect(Object.keys(apiChanges).sort()).toEqual([...apiMethods].sort());
    expect(announcedChanges('tickets.create')).toEqual(['ticket.created']);
    expect(announcedChanges('workflow.configure')).toEqual([]);
    expect(apiChanges['workflow.configure']).toEqual(['workflow.changed']);
    expect(UNANNOUNCED_CHANGES).not.toContain('ticket.changed');
  });
});

describe('validationError', () => {
  it('names the first bad field in its message and lists every issue', () => {
    const parsed = apiContract['tickets.create'].input.safeParse({
      requester: '',
      channel: 'fax',
      summary: 'S',
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const error = validationError(parsed.error, 'ticket');
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/^Invalid ticket: requester: /);
    expect(error.issues?.map((i) => i.path)).toEqual(['requester', 'channel']);
  });
});

describe('canonicalJson', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [3, { e: 2, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(undefined)).toThrow();
  });
});
