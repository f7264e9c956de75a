import { describe, expect, it } from 'vitest';
import { EARLY_READ_MAX_AGE_MS, startEarlyReads, takeEarlyRead } from './early-reads';

const answering = (answer: unknown) => () => Promise.resolve(answer);

describe('early reads', () => {
  it('go to the first call with the same method and input, whatever the order of its keys, once', async () => {
    startEarlyReads(answering('first page'), [
      { method: 'tickets.queue', input: { limit: 100, offset: 0, status: ['new'] } },
    ]);
    expect(takeEarlyRead('tickets.queue', { offset: 1, limit: 100, status: ['new'] })).toBe(
      undefined,
    );
    expect(takeEarlyRead('tickets.get', { limit: 100, offset: 0, status: ['new'] })).toBe(
      undefined,
    );
    const early = takeEarlyRead('tickets.queue', { status: ['new'], offset: 0, limit: 100 });
    expect(await early).toBe('first page');
    expect(takeEarlyRead('tickets.queue', { limit: 100, offset: 0, status: ['new'] })).toBe(
      undefined,
    );
  });

  it('are not used once they are older than the limit: the call asks the console again', () => {
    let now = 1_000;
    startEarlyReads(answering('settings'), [{ method: 'settings.get', input: {} }], () => now);
    now += EARLY_READ_MAX_AGE_MS + 1;
    expect(takeEarlyRead('settings.get', {}, () => now)).toBe(undefined);
    // Nor later: a stale answer is dropped, not kept for another call.
    expect(takeEarlyRead('settings.get', {}, () => 1_000)).toBe(undefined);
  });

  it('hand a failure to the call that takes it, and none to anyone otherwise', async () => {
    const refused = () => Promise.reject(new Error('console gone'));
    startEarlyReads(refused, [
      { method: 'profile.get', input: {} },
      { method: 'workflow.config', input: {} },
    ]);
    await expect(takeEarlyRead('profile.get', {})).rejects.toThrow('console gone');
    // workflow.config is never taken: its failure must not surface as an unhandled rejection
    // (Vitest fails the run on one).
    await new Promise((resolve) => setTimeout(resolve, 10));
  });

  it('leave a call whose input JSON cannot state exactly (a form’s NaN) to the console', () => {
    startEarlyReads(answering('config'), [{ method: 'workflow.config', input: {} }]);
    expect(takeEarlyRead('workflow.config', { minutes: Number.NaN })).toBe(undefined);
    expect(takeEarlyRead('workflow.configure', { minutes: Number.NaN })).toBe(undefined);
    expect(takeEarlyRead('workflow.config', {})).toBeDefined();
  });
});
