import { describe, expect, it } from 'vitest';
import { ReasonSchema } from '../workflow/assignment';
import {
  answerStep,
  describeIntakeStart,
  intakeEndStep,
  intakeEscalationReason,
  recordChecks,
  replayIntake,
  startIntake,
  starterIntakeScripts,
  type IntakeSession,
} from './index';

const at = '2026-11-23T10:00:00.000Z';
const noInternet = starterIntakeScripts.find((script) => script.id === 'no-internet')!;

function toDns(): IntakeSession {
  const asked = answerStep(noInternet, startIntake(noInternet), 'only-this', at);
  return recordChecks(
    noInternet,
    asked,
    [{ checkId: 'dns.resolve', status: 'fail', code: 'dns.resolve.not_found' }],
    at,
  );
}

describe('replaying a call', () => {
  it('rebuilds the session the steps led to', () => {
    const session = toDns();
    expect(replayIntake(noInternet, session.path)).toEqual(session);
    expect(replayIntake(noInternet, [])).toEqual(startIntake(noInternet));
  });

  it('knows the end step a call stopped at', () => {
    expect(intakeEndStep(noInternet, toDns())?.id).toBe('dns');
    const outage = answerStep(noInternet, startIntake(noInternet), 'others-too', at);
    expect(intakeEndStep(noInternet, outage)).toMatchObject({ id: 'outage', outcome: 'escalate' });
    expect(intakeEndStep(noInternet, startIntake(noInternet))).toBeNull();
  });

  it('refuses records that no longer fit the script', () => {
    expect(() => replayIntake(noInternet, [{ stepId: 'scope', at, choiceId: 'perhaps' }])).toThrow(
      /has no answer perhaps/,
    );
  });
});

describe('the texts of a call', () => {
  it('name the script in the analyst’s language', () => {
    expect(describeIntakeStart(noInternet, 'fr')).toBe(
      'Prise d’appel commencée avec le script “Pas d’internet”',
    );
  });

  it('give an escalation the note, then the numbered path', () => {
    expect(intakeEscalationReason(noInternet, toDns(), 'en', 'Whole floor?').split('\n')).toEqual([
      'Whole floor?',
      '',
      'Path followed during the call (No internet):',
      '1. Is it only this computer, or are colleagues nearby affected too? → Only this computer',
      '2. Check the network on the caller’s computer. → dns.resolve: fail (dns.resolve.not_found)',
    ]);
  });

  it('keep the latest steps of a path too long for a reason, within its limit', () => {
    const session = toDns();
    const long: IntakeSession = { ...session, path: Array(60).fill(session.path).flat() };
    const reason = intakeEscalationReason(noInternet, long, 'el', 'x'.repeat(900));
    expect(ReasonSchema.safeParse(reason).success).toBe(true);
    const lines = reason.split('\n');
    expect(lines[3]).toBe('…');
    expect(lines.at(-1)).toMatch(/^120\. /);
  });
});
