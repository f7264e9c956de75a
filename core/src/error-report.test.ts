import { describe, expect, it } from 'vitest';
import { buildErrorReport, describeError } from './error-report';

const base = {
  what: 'The page stopped (crashed, exit code 139)',
  time: new Date('2026-12-02T14:20:00.000Z'),
  version: '0.1.0',
  system: 'Linux 6.1.0 (linux x64)',
  runtime: { Electron: '45.5.0', Node: '22.20.0', Chrome: undefined },
};

describe('the error report', () => {
  it('says what happened, the versions and system, the error with its stack, and the log', () => {
    const error = new TypeError('tickets is undefined');
    const report = buildErrorReport({
      ...base,
      error,
      sections: [
        { title: 'Component stack', lines: [] },
        { title: 'Last log lines', lines: ['{"msg":"one"}', '{"msg":"two"}'] },
      ],
    });
    expect(report.split('\n').slice(0, 9)).toEqual([
      'Deskside error report',
      'Time: 2026-12-02T14:20:00.000Z',
      'What happened: The page stopped (crashed, exit code 139)',
      'Version: 0.1.0',
      'System: Linux 6.1.0 (linux x64)',
      'Runtime: Electron 45.5.0, Node 22.20.0',
      '',
      'Error:',
      'TypeError: tickets is undefined',
    ]);
    expect(report).toContain(error.stack?.split('\n')[1] ?? 'no stack');
    expect(report.endsWith('\n\nLast log lines:\n{"msg":"one"}\n{"msg":"two"}\n')).toBe(true);
    expect(report).not.toContain('Component stack');
  });

  it('leaves out the sections where there are none, and says what it does not know', () => {
    const report = buildErrorReport({ ...base, version: null, runtime: {}, error: 'boom' });
    expect(report).toContain('Version: unknown\n');
    expect(report).toContain('Runtime: unknown\n');
    expect(report).toContain('Error:\nboom\n');
    expect(report).not.toContain('Last log lines');
  });
});

describe('an error described for the report', () => {
  it('follows its causes', () => {
    const error = new Error('Could not open the store', { cause: new RangeError('bad port') });
    const text = describeError(error);
    expect(text).toMatch(/^Error: Could not open the store\n\s+at /);
    expect(text).toContain('\nCaused by:\nRangeError: bad port');
  });

  it('writes what was thrown when it is no Error, even one JSON cannot write', () => {
    expect(describeError({ code: 'EPIPE' })).toBe('{"code":"EPIPE"}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(describeError(cyclic)).toBe('[object Object]');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('keeps an error whose stack does not repeat its message', () => {
    const error = new Error('changed later');
    error.stack = 'Error: original\n    at somewhere';
    expect(describeError(error)).toBe('Error: changed later\nError: original\n    at somewhere');
  });
});
