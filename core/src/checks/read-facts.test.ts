import { describe, expect, it } from 'vitest';
import { LOW_DISK_FACTS } from '#test/helpers/check-results';
import { factsOf } from './read-facts';
import type { CheckResult } from './result';

const diskFacts = LOW_DISK_FACTS;

describe('reading a result’s facts', () => {
  it('types them by the check’s own schema, narrowing on the check id', () => {
    const read = factsOf({ checkId: 'disk.free', code: 'disk.free.low', facts: diskFacts });
    expect(read).toEqual({ kind: 'check', checkId: 'disk.free', facts: diskFacts });
    if (read.kind !== 'check' || read.checkId !== 'disk.free') throw new Error('not read');
    // Compiles only because `facts` is typed by disk.free's schema.
    const freeBytes: number | undefined = 'freeBytes' in read.facts ? read.facts.freeBytes : 0;
    expect(freeBytes).toBe(5 * 1024 ** 3);
  });

  it('reads the runner’s codes with the runner’s facts, whatever the check', () => {
    expect(
      factsOf({ checkId: 'disk.free', code: 'check.timeout', facts: { timeoutMs: 5000 } }),
    ).toEqual({ kind: 'common', code: 'check.timeout', facts: { timeoutMs: 5000 } });
    expect(factsOf({ checkId: 'gpu.temp', code: 'check.cancelled', facts: {} }).kind).toBe(
      'common',
    );
  });

  it('leaves unread, unchanged and without throwing, what no schema here reads', () => {
    const cases: Pick<CheckResult, 'checkId' | 'code' | 'facts'>[] = [
      // An older agent's facts: a field of another type, or one since renamed.
      { checkId: 'disk.free', code: 'disk.free.low', facts: { ...diskFacts, freeBytes: '5 GB' } },
      { checkId: 'tcp.port', code: 'tcp.port.open', facts: { host: 'intranet', port: 443 } },
      // A newer agent's: a fact or a check this console does not know yet.
      { checkId: 'disk.free', code: 'disk.free.ok', facts: { ...diskFacts, inodesFree: 9 } },
      { checkId: 'gpu.temp', code: 'gpu.temp.hot', facts: { celsius: 97 } },
      { checkId: 'disk.free', code: 'check.timeout', facts: { timeoutMs: 'soon' } },
    ];
    for (const result of cases) {
      expect(factsOf(result), result.code).toEqual({ kind: 'unread', facts: result.facts });
    }
  });
});
