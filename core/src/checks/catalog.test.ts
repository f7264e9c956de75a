import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  catalogCheckIds,
  checkCatalog,
  CheckCatalogListingSchema,
  describeCheckCatalog,
  isCatalogCheckId,
} from './catalog';
import { runsOver, SSH_CHECK_OS } from './definition';
import { MAX_CHECKS_PER_REQUEST, RunChecksRequestSchema } from './protocol';
import { CheckCodeSchema, COMMON_CHECK_CODES, thresholdStatus, worstStatus } from './result';

const issues = (body: unknown) =>
  RunChecksRequestSchema.safeParse(body).error?.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));

describe('the check catalog', () => {
  it('has at least 15 checks, each with a timeout, transports, OSes and its own codes', () => {
    expect(catalogCheckIds.length).toBeGreaterThanOrEqual(15);
    for (const id of catalogCheckIds) {
      const check = checkCatalog[id];
      expect(check.timeoutMs, id).toBeGreaterThan(0);
      expect(check.transports, id).toContain('agent-https');
      expect(check.os.length, id).toBeGreaterThan(0);
      for (const code of check.codes) {
        expect(code.startsWith(`${id}.`), `${code} belongs to ${id}`).toBe(true);
        expect(CheckCodeSchema.safeParse(code).success, code).toBe(true);
      }
    }
  });

  it('offers over SSH only read-only checks the console can run on a Linux host', () => {
    const overSsh = catalogCheckIds.filter((id) => runsOver(checkCatalog[id], 'ssh'));
    expect(overSsh).toEqual(expect.arrayContaining(['disk.free', 'service.running', 'tcp.port']));
    for (const id of overSsh) expect(checkCatalog[id].os, id).toContain(SSH_CHECK_OS);
    // Writes a file; sends a request or a packet from the console's own code.
    for (const id of ['fs.writable', 'http.reach', 'clock.offset'] as const) {
      expect(runsOver(checkCatalog[id], 'ssh'), id).toBe(false);
    }
  });

  it('knows only its own ids, not inherited object keys', () => {
    expect(isCatalogCheckId('disk.free')).toBe(true);
    for (const id of ['toString', '__proto__', 'constructor', 'disk.free.ok']) {
      expect(isCatalogCheckId(id)).toBe(false);
    }
  });

  it('lists itself in a form the console can build forms from', () => {
    const listing = CheckCatalogListingSchema.parse(describeCheckCatalog());
    expect(listing.checks.map((check) => check.id)).toEqual(catalogCheckIds);
    const tcp = listing.checks.find((check) => check.id === 'tcp.port')!;
    expect(tcp.needsParams).toBe(true);
    expect(tcp.params).toMatchObject({ type: 'object', required: ['host', 'port'] });
    expect(tcp.codes).toEqual(expect.arrayContaining([...COMMON_CHECK_CODES, 'tcp.port.open']));
    const disk = listing.checks.find((check) => check.id === 'disk.free')!;
    expect(disk.needsParams).toBe(false);
    expect(disk.params).toMatchObject({ properties: { warnBelowPercent: { default: 15 } } });
    // Plain JSON: it crosses HTTP and IPC unchanged.
    expect(JSON.parse(JSON.stringify(listing))).toEqual(listing);
  });
});

describe('a request to run checks', () => {
  it('fills in defaults, check by check', () => {
    const parsed = RunChecksRequestSchema.parse({
      checks: [
        { checkId: 'disk.free' },
        { checkId: 'tcp.port', params: { host: 'intranet', port: 443 } },
      ],
    });
    expect(parsed.checks[0]).toEqual({
      checkId: 'disk.free',
      params: { warnBelowPercent: 15, failBelowPercent: 5 },
    });
    expect(parsed.checks[1]).toEqual({
      checkId: 'tcp.port',
      params: { host: 'intranet', port: 443, waitMs: 3000 },
    });
  });

  it('refuses an unknown check, naming where it is', () => {
    expect(issues({ checks: [{ checkId: 'disk.free' }, { checkId: 'shell.exec' }] })).toEqual([
      { path: 'checks.1.checkId', message: 'Unknown check id (the catalog lists them)' },
    ]);
  });

  it('refuses a bad parameter with its path, and an unknown one', () => {
    expect(
      issues({ checks: [{ checkId: 'tcp.port', params: { host: '$(touch X)', port: 22 } }] })?.[0]
        ?.path,
    ).toBe('checks.0.params.host');
    expect(
      issues({ checks: [{ checkId: 'disk.free', params: { command: 'rm -rf /' } }] })?.[0],
    ).toMatchObject({
      path: 'checks.0.params',
      message: expect.stringContaining('command') as string,
    });
  });

  it('refuses thresholds in the wrong order, naming the fail threshold', () => {
    expect(
      issues({
        checks: [
          { checkId: 'memory.pressure', params: { warnAbovePercent: 90, failAbovePercent: 80 } },
        ],
      }),
    ).toEqual([
      {
        path: 'checks.0.params.failAbovePercent',
        message: 'failAbovePercent must be at least warnAbovePercent',
      },
    ]);
  });

  it('takes between one and the maximum number of checks, and nothing else', () => {
    expect(issues({ checks: [] })?.[0]?.path).toBe('checks');
    const many = Array.from({ length: MAX_CHECKS_PER_REQUEST + 1 }, () => ({
      checkId: 'disk.free',
    }));
    expect(issues({ checks: many })?.[0]?.path).toBe('checks');
    expect(issues({ checks: [{ checkId: 'disk.free' }], run: 'sh' })?.[0]?.message).toMatch(/run/);
  });

  it('describes its body in JSON Schema (for the OpenAPI document)', () => {
    expect(() => z.toJSONSchema(RunChecksRequestSchema, { io: 'input' })).not.toThrow();
  });
});

describe('evaluating results', () => {
  it('grades against thresholds strictly, in either direction', () => {
    const limits = { warn: 80, fail: 95 };
    expect(thresholdStatus(80, limits, 'above')).toBe('pass');
    expect(thresholdStatus(80.1, limits, 'above')).toBe('warn');
    expect(thresholdStatus(96, limits, 'above')).toBe('fail');
    expect(thresholdStatus(15, { warn: 15, fail: 5 }, 'below')).toBe('pass');
    expect(thresholdStatus(14, { warn: 15, fail: 5 }, 'below')).toBe('warn');
    expect(thresholdStatus(4.9, { warn: 15, fail: 5 }, 'below')).toBe('fail');
  });

  it('takes the worst status, error above fail', () => {
    expect(worstStatus([])).toBe('pass');
    expect(worstStatus(['pass', 'warn'])).toBe('warn');
    expect(worstStatus(['fail', 'error', 'warn'])).toBe('error');
  });
});
