import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { LEVEL_VALUES, lazyPino } from './log';

/** A destination that keeps each line pino writes, parsed. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    write(text: string) {
      for (const line of text.split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
    },
  };
}

describe('the lazily loaded logger', () => {
  it('writes lines logged while pino loads, in order, with their child bindings', async () => {
    const out = capture();
    const log = lazyPino({ level: 'info', base: { service: 'test' } }, out);
    const request = log.logger.child({ requestId: 'r-1' });
    log.logger.warn({ step: 1 }, 'first');
    request.info({ step: 2 }, 'second');
    request.child({ checkId: 'disk.free' }).error({ step: 3 }, 'third');
    expect(out.lines).toEqual([]);
    await log.settled();
    expect(out.lines.map((line) => line.msg)).toEqual(['first', 'second', 'third']);
    expect(out.lines[0]).toMatchObject({ level: 40, service: 'test', step: 1 });
    expect(out.lines[0]).not.toHaveProperty('requestId');
    expect(out.lines[1]).toMatchObject({ level: 30, requestId: 'r-1', step: 2 });
    expect(out.lines[2]).toMatchObject({ level: 50, requestId: 'r-1', checkId: 'disk.free' });
    // Once loaded, a line is written at once.
    request.info({ step: 4 }, 'fourth');
    expect(out.lines.at(-1)).toMatchObject({ msg: 'fourth', requestId: 'r-1' });
  });

  it('keeps the configured level, and loads nothing for lines below it', async () => {
    const out = capture();
    const log = lazyPino({ level: 'warn' }, out);
    log.logger.info({}, 'not written');
    log.logger.debug({}, 'not written either');
    await log.settled();
    expect(out.lines).toEqual([]);
    log.logger.error({ err: new Error('disk gone') }, 'written');
    await log.settled();
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).toMatchObject({ msg: 'written', err: { message: 'disk gone' } });
  });

  it('knows the levels by pino’s own numbers', () => {
    expect(LEVEL_VALUES).toEqual(pino.levels.values);
  });

  it('writes nothing at level silent', async () => {
    const out = capture();
    const log = lazyPino({ level: 'silent' }, out);
    log.logger.error({}, 'dropped');
    await log.settled();
    expect(out.lines).toEqual([]);
  });

  it('redacts as configured', async () => {
    const out = capture();
    const log = lazyPino({ level: 'info', redact: ['req.headers.authorization'] }, out);
    log.logger.info({ req: { headers: { authorization: 'Bearer abc' } } }, 'request');
    await log.settled();
    expect(JSON.stringify(out.lines)).not.toContain('Bearer abc');
  });
});
