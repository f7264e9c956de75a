import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import type { RequestContext } from '../server/context';
import { auditEntry, openAuditLog, withoutSecrets, type AuditEntry } from './audit-log';

const folders = temporaryFolders('deskside-audit-');
const tempDir = folders.make;
afterEach(folders.removeAll);

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  const req = Object.assign(Object.create(null) as IncomingMessage, {
    method: 'POST',
    headers: { authorization: 'Bearer secret-token-value-0123456789' },
  });
  return {
    requestId: 'r-1',
    req,
    remoteAddress: '10.0.0.5',
    path: '/v1/checks',
    routeId: 'checks',
    caller: { consoleId: 'k7m2p9q4' },
    log: pino({ level: 'silent' }),
    signal: new AbortController().signal,
    audit: {},
    ...overrides,
  };
}

const outcome = { status: 200, errorCode: null, durationMs: 12.5 };
const TIME = new Date('2026-11-23T10:00:00.000Z');

describe('audit entries', () => {
  it('record who, from where, what, how it ended and the request’s own audit fields', () => {
    const ctx = context({
      audit: { checks: [{ checkId: 'disk.free', status: 'pass' }] },
    });
    expect(auditEntry(ctx, outcome, TIME)).toEqual({
      time: TIME.toISOString(),
      requestId: 'r-1',
      consoleId: 'k7m2p9q4',
      analyst: null,
      remoteAddress: '10.0.0.5',
      method: 'POST',
      route: 'checks',
      path: '/v1/checks',
      status: 200,
      errorCode: null,
      durationMs: 12.5,
      checks: [{ checkId: 'disk.free', status: 'pass' }],
    });
  });

  it('never carry a secret: not the Authorization header, nor fields named like one', () => {
    const ctx = context({
      audit: {
        params: { url: 'https://intranet', password: 'hunter2', nested: [{ apiToken: 'abc' }] },
        credential: 'xyz',
      },
    });
    const line = JSON.stringify(auditEntry(ctx, outcome, TIME));
    for (const secret of ['secret-token-value', 'hunter2', '"abc"', 'xyz']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('https://intranet');
    expect(withoutSecrets({ a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } })).toEqual({
      a: { b: { c: { d: { e: { f: { g: '[too deep]' } } } } } },
    });
  });

  it('cannot be made to lie about the request by audit fields of the same name', () => {
    const ctx = context({ audit: { status: 200, consoleId: 'someone-else', route: 'health' } });
    const entry = auditEntry(ctx, { ...outcome, status: 403 }, TIME);
    expect(entry).toMatchObject({ status: 403, consoleId: 'k7m2p9q4', route: 'checks' });
  });

  it('cut long paths and drop audit fields too large for one line', () => {
    const ctx = context({ path: `/${'x'.repeat(5_000)}`, audit: { blob: 'y'.repeat(50_000) } });
    const entry = auditEntry(ctx, outcome, TIME);
    expect(entry.path).toHaveLength(200);
    expect(entry.blob).toBeUndefined();
    expect(entry.auditFieldsDropped).toBe(true);
  });
});

describe('the audit log file', () => {
  const entry = (i: number): AuditEntry => ({
    ...auditEntry(context({ requestId: `r-${i}` }), outcome, TIME),
  });

  it('writes JSON lines, rotates by size and keeps the newest files only', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'logs', 'audit.log');
    const errors: Error[] = [];
    const log = openAuditLog({
      file,
      maxFileBytes: 2_000,
      keepFiles: 2,
      onError: (e) => errors.push(e),
    });
    for (let i = 0; i < 60; i++) log.write(entry(i));
    await log.close();
    expect(errors).toEqual([]);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    const ids: string[] = [];
    for (const name of [`${file}.2`, `${file}.1`, file]) {
      if (!existsSync(name)) continue;
      const lines = (await readFile(name, 'utf8')).split('\n').filter(Boolean);
      ids.push(...lines.map((line) => (JSON.parse(line) as AuditEntry).requestId));
      expect((await stat(name)).size).toBeLessThan(2_000 + 400);
    }
    // The newest entries survive, in order.
    expect(ids.at(-1)).toBe('r-59');
    const numbers = ids.map((id) => Number(id.slice(2)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reports a log that cannot be written, and the agent keeps going', async () => {
    const dir = await tempDir();
    // A folder where the file should be: opening it for writing fails.
    const file = path.join(dir, 'audit.log');
    await mkdir(file);
    let reported: (error: Error) => void = () => undefined;
    const failed = new Promise<Error>((resolve) => (reported = resolve));
    const log = openAuditLog({ file, maxFileBytes: 10_000, keepFiles: 1, onError: reported });
    log.write(entry(1));
    expect((await failed).message).toContain(file);
    expect(() => {
      log.write(entry(2));
    }).not.toThrow();
    await log.close();
  });
});
