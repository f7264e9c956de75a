import { describe, expect, it } from 'vitest';
import { describePlan, executePlan, type ServiceIo } from './execute';
import type { ServicePlan } from './plan';

/** Records what a plan would do to the system: systemctl and friends cannot run here. */
function recordingIo(existing: string[] = [], failing: string[] = []) {
  const calls: string[] = [];
  const io: ServiceIo = {
    run: (argv) => {
      calls.push(`run ${argv.join(' ')}`);
      return failing.includes(argv[0]!)
        ? Promise.reject(new Error(`${argv[0]} failed`))
        : Promise.resolve();
    },
    succeeds: (argv) => {
      calls.push(`check ${argv.join(' ')}`);
      return Promise.resolve(argv.includes('exists'));
    },
    exists: (file) => existing.includes(file),
    writeFile: (file, _content, mode) => {
      calls.push(`write ${file} ${mode.toString(8)}`);
      return Promise.resolve();
    },
    remove: (file) => {
      calls.push(`remove ${file}`);
      return Promise.resolve();
    },
    mkdir: (dir) => {
      calls.push(`mkdir ${dir}`);
      return Promise.resolve();
    },
  };
  return { io, calls };
}

const plan: ServicePlan = {
  steps: [
    { kind: 'run', argv: ['useradd', 'x'], unless: ['id', 'exists'] },
    { kind: 'run', argv: ['useradd', 'y'], unless: ['id', 'missing'] },
    { kind: 'write', path: '/etc/a.json', content: '{}', mode: 0o644, onlyIfMissing: true },
    { kind: 'write', path: '/etc/unit', content: 'u', mode: 0o644, onlyIfMissing: false },
    { kind: 'run', argv: ['stop'], mayFail: true },
    { kind: 'mkdir', path: '/var/lib/x' },
    { kind: 'remove', path: '/etc/old' },
  ],
  notes: ['Kept: everything else.'],
};

describe('executePlan (with a recording stand-in for the system)', () => {
  it('runs the steps in order, skipping what is already there', async () => {
    const { io, calls } = recordingIo(['/etc/a.json'], ['stop']);
    const done = await executePlan('linux', plan, io);
    expect(calls).toEqual([
      'check id exists',
      'check id missing',
      'run useradd y',
      'write /etc/unit 644',
      'run stop',
      'mkdir /var/lib/x',
      'remove /etc/old',
    ]);
    expect(done).toContain('kept /etc/a.json');
    expect(done).toContain('stop failed (going on)');
  });

  it('stops at the first step that fails, and at a missing requirement', async () => {
    const { io, calls } = recordingIo([], ['useradd']);
    await expect(executePlan('linux', plan, io)).rejects.toThrow('useradd failed');
    expect(calls.some((call) => call.startsWith('write'))).toBe(false);
    const needs: ServicePlan = {
      steps: [
        { kind: 'require', path: 'C:\\svc\\winsw.exe', why: 'WinSW' },
        { kind: 'run', argv: ['x'] },
      ],
      notes: [],
    };
    const second = recordingIo();
    await expect(executePlan('win32', needs, second.io)).rejects.toThrow(
      'C:\\svc\\winsw.exe is missing: it must be WinSW',
    );
    expect(second.calls).toEqual([]);
  });

  it('describes a dry run with every file in full and commands as a shell reads them', () => {
    const text = describePlan('linux', {
      steps: [
        { kind: 'write', path: '/etc/u', content: 'A=1\nB=2\n', mode: 0o644, onlyIfMissing: false },
        { kind: 'run', argv: ['install', '-d', '/Library/Application Support/x'] },
      ],
      notes: ['note'],
    });
    expect(text).toBe(
      [
        '--- write /etc/u (mode 644)',
        'A=1',
        'B=2',
        '---',
        '--- run',
        "install -d '/Library/Application Support/x'",
        'note',
      ].join('\n'),
    );
  });
});
