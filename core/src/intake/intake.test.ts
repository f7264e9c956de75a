import { describe, expect, it } from 'vitest';
import { DesksideError } from '../errors';
import {
  answerStep,
  describePath,
  IntakeScriptSchema,
  recordChecks,
  startIntake,
  starterIntakeScripts,
  type IntakeScript,
  type IntakeScriptInput,
} from './index';
import { text } from './text';

const at = '2026-11-23T10:00:00.000Z';
const script = (id: string): IntakeScript => {
  const found = starterIntakeScripts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no script ${id}`);
  return found;
};

const label = text('x', 'x', 'x', 'x');
const tiny = (steps: IntakeScriptInput['steps'], start = 'a'): IntakeScriptInput => ({
  id: 'tiny',
  version: 1,
  category: 'test',
  title: label,
  description: label,
  start,
  steps,
});
const end = (id: string) => ({
  kind: 'end' as const,
  id,
  outcome: 'resolved' as const,
  summary: label,
});
const ask = (id: string, ...next: string[]) => ({
  kind: 'question' as const,
  id,
  prompt: label,
  choices: next.map((n, i) => ({ id: `c${i}`, label, next: n })),
});

describe('starter intake scripts', () => {
  it('cover the common calls', () => {
    expect(starterIntakeScripts.map((s) => s.id).sort()).toEqual([
      'cannot-log-in',
      'display-problems',
      'email-not-syncing',
      'no-internet',
      'no-sound',
      'printer-not-printing',
      'slow-computer',
      'vpn-will-not-connect',
    ]);
  });

  it('each offer a way to resolve during the call and a way to hand over', () => {
    for (const s of starterIntakeScripts) {
      const outcomes = new Set(
        s.steps.flatMap((step) => (step.kind === 'end' ? [step.outcome] : [])),
      );
      expect(outcomes.has('resolved'), s.id).toBe(true);
      expect(outcomes.has('escalate') || outcomes.has('investigate'), s.id).toBe(true);
    }
  });
});

describe('the intake script schema', () => {
  it('refuses a step that leads nowhere, a step defined twice, a cycle, and an unreachable step', () => {
    const problems = (input: IntakeScriptInput) => {
      const result = IntakeScriptSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    expect(problems(tiny([ask('a', 'b', 'missing'), end('b')]))).toEqual([
      'Step a leads to missing step missing',
    ]);
    expect(problems(tiny([ask('a', 'b', 'b'), end('b'), end('b')]))).toEqual([
      'Step b is defined twice',
    ]);
    expect(problems(tiny([ask('a', 'b', 'z'), ask('b', 'a', 'z'), end('z')]))).toContain(
      'Step a is part of a cycle',
    );
    expect(problems(tiny([ask('a', 'z', 'z'), end('z'), end('orphan')]))).toEqual([
      'Step orphan cannot be reached from the start',
    ]);
  });

  it('refuses a script missing a translation', () => {
    const input = tiny([ask('a', 'z', 'z'), end('z')]);
    const result = IntakeScriptSchema.safeParse({
      ...input,
      title: { en: 'x', nl: 'x', fr: 'x', el: '' },
    });
    expect(result.success).toBe(false);
  });
});

describe('an intake session', () => {
  const noInternet = script('no-internet');

  it('follows the answers and the check results to an outcome, recording the path', () => {
    let session = startIntake(noInternet);
    expect(session.current).toBe('scope');
    session = answerStep(noInternet, session, 'only-this', at);
    expect(session.current).toBe('network-checks');
    session = recordChecks(
      noInternet,
      session,
      [
        { checkId: 'network.interfaces', status: 'pass', code: 'network.interfaces.up' },
        { checkId: 'network.gateway', status: 'pass', code: 'network.gateway.reachable' },
        { checkId: 'dns.resolve', status: 'fail', code: 'dns.resolve.not_found' },
      ],
      at,
    );
    // DNS failing while the network is up leads to the DNS escalation.
    expect(session.current).toBeNull();
    expect(session.outcome).toBe('escalate');
    expect(session.path.map((record) => record.stepId)).toEqual(['scope', 'network-checks']);
    const dutch = describePath(noInternet, session, 'nl');
    expect(dutch[0]).toBe(
      'Is het alleen deze computer, of hebben collega’s in de buurt het ook? → Alleen deze computer',
    );
    expect(dutch[1]).toContain('dns.resolve: fail (dns.resolve.not_found)');
  });

  it('takes the first matching branch, and the default when nothing matches', () => {
    const checking = answerStep(noInternet, startIntake(noInternet), 'only-this', at);
    const interfaceDown = recordChecks(
      noInternet,
      checking,
      [
        { checkId: 'network.interfaces', status: 'fail', code: 'network.interfaces.down' },
        { checkId: 'dns.resolve', status: 'fail', code: 'dns.resolve.timeout' },
      ],
      at,
    );
    expect(interfaceDown.current).toBe('cable');
    const allFine = recordChecks(
      noInternet,
      checking,
      [{ checkId: 'network.interfaces', status: 'pass', code: 'network.interfaces.up' }],
      at,
    );
    expect(allFine.current).toBe('some-sites');
    // Checks that could not run: the path says so instead of leaving the answer blank.
    const skipped = recordChecks(noInternet, checking, [], at);
    expect(describePath(noInternet, skipped, 'fr')[1]).toMatch(
      /^Vérifiez le .+ → aucune vérification effectuée$/,
    );
  });

  it('refuses input that does not fit the step, and anything after the end', () => {
    const session = startIntake(noInternet);
    expect(() => answerStep(noInternet, session, 'maybe', at)).toThrow(DesksideError);
    expect(() => recordChecks(noInternet, session, [], at)).toThrow(/waits for an answer/);
    const checking = answerStep(noInternet, session, 'only-this', at);
    expect(() => answerStep(noInternet, checking, 'yes', at)).toThrow(/waits for check results/);
    expect(() =>
      recordChecks(
        noInternet,
        checking,
        [{ checkId: 'cpu.load', status: 'pass', code: 'cpu.load.ok' }],
        at,
      ),
    ).toThrow(/did not ask for check cpu.load/);
    const ended = answerStep(noInternet, session, 'others-too', at);
    expect(ended.outcome).toBe('escalate');
    expect(() => answerStep(noInternet, ended, 'only-this', at)).toThrow(/already ended/);
    expect(() => answerStep(script('no-sound'), session, 'fixed', at)).toThrow(/another version/);
  });
});
