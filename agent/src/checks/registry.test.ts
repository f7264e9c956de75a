import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '@deskside/core';
import { spyOnSystemInformation } from '../collect/system-information-spy';
import { CheckRunner } from './runner';

/** The checks whose facts come from systeminformation or the inventory's collectors. */
const CHECKS_ON_COLLECTORS = [
  { checkId: 'network.interfaces' },
  { checkId: 'network.gateway', params: { waitMs: 500 } },
  { checkId: 'processes.top' },
  { checkId: 'printers.queues' },
  { checkId: 'battery.health' },
  { checkId: 'os.updates' },
  { checkId: 'program.installed', params: { name: 'node' } },
];

describe('the catalog run through the real collectors on this machine', () => {
  let library: ReturnType<typeof spyOnSystemInformation>;
  let results: CheckResult[];

  beforeAll(async () => {
    library = spyOnSystemInformation();
    results = await new CheckRunner({ maxConcurrentPerBatch: 8 }).run(CHECKS_ON_COLLECTORS);
  }, 90_000);
  afterAll(() => {
    library.restore();
  });

  it('never calls si.getAllData() or si.versions()', () => {
    expect(library.called()).not.toContain('getAllData');
    expect(library.called()).not.toContain('versions');
    // The probes did go through the library, loaded when the first check needed it.
    expect(library.called()).toEqual(expect.arrayContaining(['networkInterfaces', 'processes']));
  });

  it('ends every check with a result of its own, none broken', () => {
    expect(results.map((result) => result.checkId)).toEqual(
      CHECKS_ON_COLLECTORS.map((check) => check.checkId),
    );
    for (const result of results) expect(result.code).not.toBe('check.failed');
    expect(results.find((r) => r.checkId === 'network.interfaces')?.status).toBe('pass');
    expect(results.find((r) => r.checkId === 'program.installed')?.status).toBe('pass');
  });
});
