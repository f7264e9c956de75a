import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  CheckResultSchema,
  CheckRunEventSchema,
  defineCheck,
  type CheckOutcome,
  type CheckRunEvent,
} from '@deskside/core';
import type { CheckImplementation } from './context';
import { catalogChecks, type RunnableCheck } from './registry';
import {
  CheckRunner,
  InvalidCheckRequest,
  UndeclaredFacts,
  type CheckRunnerOptions,
} from './runner';

// Test-only checks, registered only here: gates the test opens, one that hangs past its
// timeout, one that throws. They make ordering observable without measuring any time.

const passed: CheckOutcome = { status: 'pass', code: 'test.gate.ok', facts: {} };

class Gates {
  private readonly waiting = new Map<string, () => void>();
  readonly started: string[] = [];
  private listeners: (() => void)[] = [];

  readonly check: CheckImplementation<{ name: string }> = ({ name }, ctx) =>
    new Promise((resolve, reject) => {
      this.started.push(name);
      this.waiting.set(name, () => {
        resolve(passed);
      });
      ctx.signal.addEventListener('abort', () => {
        reject(new Error('aborted'));
      });
      for (const listener of this.listeners) listener();
    });

  open(name: string): void {
    const release = this.waiting.get(name);
    if (!release) throw new Error(`gate ${name} is not waiting`);
    this.waiting.delete(name);
    release();
  }

  /** Resolves once `count` gates have been entered in total. */
  entered(count: number): Promise<void> {
    return new Promise((resolve) => {
      const test = () => {
        if (this.started.length >= count) resolve();
      };
      this.listeners.push(test);
      test();
    });
  }
}

const testDefinition = (
  timeoutMs: number,
  os: ('linux' | 'win32' | 'darwin')[] = ['linux', 'win32', 'darwin'],
) =>
  defineCheck({
    summary: 'test fixture',
    description: 'test fixture',
    params: z.object({ name: z.string().default('x') }).strict(),
    timeoutMs,
    transports: ['agent-https'],
    os,
    codes: [],
    facts: z.strictObject({ name: z.string().optional() }),
  });

function runnerWith(gates: Gates, options: CheckRunnerOptions = {}) {
  const checks = new Map<string, RunnableCheck>(catalogChecks());
  checks.set('test.gate', {
    definition: testDefinition(60_000),
    run: gates.check,
  });
  checks.set('test.hang', {
    definition: testDefinition(50),
    run: () => new Promise<CheckOutcome>(() => undefined),
  });
  checks.set('test.fast', {
    definition: testDefinition(60_000),
    run: () => Promise.resolve(passed),
  });
  checks.set('test.throws', {
    definition: testDefinition(60_000),
    run: () => Promise.reject(new Error('EACCES: /secret/path at line 3')),
  });
  checks.set('test.windows', {
    definition: testDefinition(60_000, ['win32']),
    run: () => Promise.resolve(passed),
  });
  checks.set('test.wrong_type', {
    definition: testDefinition(60_000),
    run: () => Promise.resolve({ ...passed, facts: { name: 42 } }),
  });
  checks.set('test.undeclared', {
    definition: testDefinition(60_000),
    run: () => Promise.resolve({ ...passed, facts: { name: 'x', secret: '/etc/shadow' } }),
  });
  return new CheckRunner({ checks, platform: 'linux', ...options });
}

const gate = (name: string) => ({ checkId: 'test.gate', params: { name } });

describe('the check runner', () => {
  it('answers one valid result per check, in request order', async () => {
    const runner = runnerWith(new Gates());
    const results = await runner.run([
      { checkId: 'test.fast' },
      { checkId: 'disk.free' },
      { checkId: 'test.fast' },
    ]);
    expect(results.map((result) => result.checkId)).toEqual([
      'test.fast',
      'disk.free',
      'test.fast',
    ]);
    for (const result of results) expect(CheckResultSchema.parse(result)).toEqual(result);
  });

  it('runs at most maxConcurrentPerBatch checks of one batch at once', async () => {
    const gates = new Gates();
    const runner = runnerWith(gates, { maxConcurrentPerBatch: 2, maxConcurrent: 10 });
    const batch = runner.run(['a', 'b', 'c', 'd'].map(gate));
    await gates.entered(2);
    expect(gates.started).toEqual(['a', 'b']);
    expect(runner.running).toBe(2);
    gates.open('b');
    await gates.entered(3);
    expect(gates.started).toEqual(['a', 'b', 'c']);
    expect(runner.running).toBe(2);
    gates.open('a');
    gates.open('c');
    await gates.entered(4);
    gates.open('d');
    expect((await batch).map((result) => result.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(runner.running).toBe(0);
  });

  it('runs at most maxConcurrent checks across batches, and serves the queue in order', async () => {
    const gates = new Gates();
    const runner = runnerWith(gates, { maxConcurrentPerBatch: 3, maxConcurrent: 3 });
    const first = runner.run(['a1', 'a2', 'a3'].map(gate));
    await gates.entered(3);
    const second = runner.run(['b1', 'b2'].map(gate));
    // Give the second batch every chance to start: it must still be waiting for a slot.
    await new Promise((resolve) => setImmediate(resolve));
    expect(gates.started).toEqual(['a1', 'a2', 'a3']);
    expect(runner.running).toBe(3);
    gates.open('a2');
    await gates.entered(4);
    expect(gates.started.at(-1)).toBe('b1');
    expect(runner.running).toBe(3);
    for (const name of ['a1', 'a3']) gates.open(name);
    await gates.entered(5);
    for (const name of ['b1', 'b2']) gates.open(name);
    await Promise.all([first, second]);
    expect(runner.running).toBe(0);
  });

  it('ends a check that outlives its timeout with check.timeout, while the others finish first', async () => {
    const runner = runnerWith(new Gates(), { maxConcurrentPerBatch: 2 });
    const finished: string[] = [];
    const results = await runner.run(
      [
        { checkId: 'test.hang' },
        { checkId: 'test.fast' },
        { checkId: 'test.fast' },
        { checkId: 'test.fast' },
      ],
      {
        onEvent: (event) => {
          if (event.type === 'result') finished.push(`${event.index}`);
        },
      },
    );
    expect(results[0]).toMatchObject({
      status: 'error',
      code: 'check.timeout',
      facts: { timeoutMs: 50 },
    });
    expect(results.slice(1).map((result) => result.status)).toEqual(['pass', 'pass', 'pass']);
    // The hung check held one slot; the other three ran through the other and ended before it.
    expect(finished).toEqual(['1', '2', '3', '0']);
    expect(runner.running).toBe(0);
  });

  it('turns an unexpected exception into check.failed, telling the caller nothing of it', async () => {
    const onCheckFailure = vi.fn();
    const runner = runnerWith(new Gates(), { onCheckFailure });
    const [result] = await runner.run([{ checkId: 'test.throws' }]);
    expect(result).toMatchObject({ status: 'error', code: 'check.failed', facts: {} });
    expect(JSON.stringify(result)).not.toMatch(/EACCES|secret/);
    expect(onCheckFailure).toHaveBeenCalledWith('test.throws', expect.any(Error));
  });

  it('answers check.invalid_facts for facts outside the check’s schema, and logs where they differ', async () => {
    const onCheckFailure = vi.fn<(checkId: string, error: unknown) => void>();
    const results = await runnerWith(new Gates(), { onCheckFailure }).run([
      { checkId: 'test.wrong_type' },
      { checkId: 'test.undeclared' },
      { checkId: 'test.fast' },
    ]);
    expect(results.map(({ status, code, facts }) => ({ status, code, facts }))).toEqual([
      { status: 'error', code: 'check.invalid_facts', facts: {} },
      { status: 'error', code: 'check.invalid_facts', facts: {} },
      { status: 'pass', code: 'test.gate.ok', facts: {} },
    ]);
    expect(JSON.stringify(results)).not.toContain('shadow');
    const logged = onCheckFailure.mock.calls.map(([checkId, error]) => [
      checkId,
      (error as UndeclaredFacts).message,
    ]);
    expect(logged).toEqual([
      ['test.wrong_type', expect.stringMatching(/^the facts of test\.gate\.ok .*name: /)],
      ['test.undeclared', expect.stringContaining('secret')],
    ]);
    expect(onCheckFailure.mock.calls[0]?.[1]).toBeInstanceOf(UndeclaredFacts);
  });

  it('does not run a check on an OS it does not support', async () => {
    const [result] = await runnerWith(new Gates()).run([{ checkId: 'test.windows' }]);
    expect(result).toMatchObject({
      status: 'error',
      code: 'check.unsupported_os',
      facts: { platform: 'linux' },
    });
  });

  it('cancels running and queued checks when the caller goes away', async () => {
    const gates = new Gates();
    const runner = runnerWith(gates, { maxConcurrentPerBatch: 1 });
    const controller = new AbortController();
    const batch = runner.run(['a', 'b'].map(gate), { signal: controller.signal });
    await gates.entered(1);
    controller.abort();
    const results = await batch;
    expect(results.map((result) => result.code)).toEqual(['check.cancelled', 'check.cancelled']);
    expect(gates.started).toEqual(['a']);
    expect(runner.running).toBe(0);
  });

  it('validates every request before running any', async () => {
    const gates = new Gates();
    const runner = runnerWith(gates);
    const refused = (requests: { checkId: string; params?: unknown }[]) =>
      runner.run(requests).then(
        () => {
          throw new Error('should have been refused');
        },
        (error: unknown) => error as InvalidCheckRequest,
      );
    const unknown = await refused([gate('a'), { checkId: 'shell.exec' }]);
    expect(unknown).toBeInstanceOf(InvalidCheckRequest);
    expect(unknown).toMatchObject({ index: 1, checkId: 'shell.exec', param: null });
    const bad = await refused([
      gate('a'),
      { checkId: 'tcp.port', params: { host: '`touch X`', port: 1 } },
    ]);
    expect(bad).toMatchObject({ index: 1, param: 'host' });
    const extra = await refused([{ checkId: 'disk.free', params: { command: 'sh' } }]);
    expect(extra).toMatchObject({ param: 'command' });
    expect(gates.started).toEqual([]);
  });

  it('streams accepted, started and result events per check, then done', async () => {
    const runner = runnerWith(new Gates());
    const events: CheckRunEvent[] = [];
    for await (const event of runner.stream([
      { checkId: 'test.fast' },
      { checkId: 'test.throws' },
    ])) {
      events.push(CheckRunEventSchema.parse(event));
    }
    expect(events[0]).toEqual({
      type: 'accepted',
      checks: [
        { index: 0, checkId: 'test.fast' },
        { index: 1, checkId: 'test.throws' },
      ],
    });
    expect(events.filter((event) => event.type === 'started')).toHaveLength(2);
    expect(events.filter((event) => event.type === 'result')).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      counts: { pass: 1, error: 1, warn: 0, fail: 0 },
    });
    // Each check's result comes after its start.
    for (const index of [0, 1]) {
      const started = events.findIndex(
        (event) => event.type === 'started' && event.index === index,
      );
      const ended = events.findIndex((event) => event.type === 'result' && event.index === index);
      expect(started).toBeLessThan(ended);
    }
  });

  it('refuses a bad stream request before the first event', () => {
    expect(() => runnerWith(new Gates()).stream([{ checkId: 'nope' }])).toThrow(
      InvalidCheckRequest,
    );
  });
});
