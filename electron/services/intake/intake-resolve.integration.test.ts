import { afterEach, describe, expect, it } from 'vitest';
import type { IntakeState } from '@deskside/core';
import { callError, type TestConsole } from '#test/helpers/console';
import { openConsoleOn, STORE_KINDS } from '#test/helpers/stores';
import { serviceDownScript, t } from '#test/helpers/intake-scripts';

// A call resolved on the line, on both stores: the path followed goes into the resolution
// notes, and the caller's confirmation closes the ticket.
const consoles: TestConsole[] = [];
afterEach(async () => {
  await Promise.all(consoles.splice(0).map((desk) => desk.dispose()));
});

const quickFix = serviceDownScript('other', [
  { kind: 'end', id: 'other', outcome: 'escalate', summary: t('Not fine.') },
]);

const startCall = (desk: TestConsole, requesterId: number) =>
  desk.call('intake.start', {
    scriptId: 'service-down',
    requesterId,
    summary: 'The invoicing service does not open',
    language: 'en',
  });

describe.each(STORE_KINDS)('a call resolved on the line on %s', (kind) => {
  it('resolves the call with its path as notes, and closes it when the caller confirms', async () => {
    const desk = await openConsoleOn(kind, { intakeScripts: [quickFix] });
    consoles.push(desk);
    const person = await desk.call('people.create', { name: 'Eleni Papadopoulou' });
    const calls = [await startCall(desk, person.id), await startCall(desk, person.id)];
    const ended = [];
    for (const { ticket } of calls) {
      ended.push(
        await desk.call('intake.answer', {
          ticketId: ticket.id,
          stepId: 'reach',
          choiceId: 'yes',
          language: 'en',
        }),
      );
    }
    const [confirmedCall, openCall] = ended as [IntakeState, IntakeState];
    expect(confirmedCall.session).toMatchObject({ current: null, outcome: 'resolved' });

    const closed = await desk.call('intake.resolve', {
      ticketId: confirmedCall.ticket.id,
      expectedVersion: confirmedCall.ticket.version,
      resolutionCode: 'advice-given',
      note: 'Cleared the browser cache.',
      confirmed: true,
      language: 'fr',
    });
    expect(closed.ticket).toMatchObject({
      status: 'closed',
      verification: 'confirmed',
      resolutionCode: 'advice-given',
      resolutionNotes: [
        'Cleared the browser cache.',
        '',
        'Parcours suivi pendant l’appel (Service down (fr)):',
        '1. Does the service open? (fr) → Yes (fr)',
      ].join('\n'),
    });
    const entries = (await desk.call('tickets.get', { id: closed.ticket.id })).timeline;
    expect(entries.slice(-2).map((entry) => [entry.kind, entry.body])).toEqual([
      ['resolution', closed.ticket.resolutionNotes],
      ['verification', 'L’appelant a confirmé pendant l’appel que tout fonctionne à nouveau'],
    ]);

    // Not confirmed yet: resolved, waiting for the caller's word; a stale version changes nothing.
    const stale = await callError(
      desk.call('intake.resolve', {
        ticketId: openCall.ticket.id,
        expectedVersion: openCall.ticket.version + 1,
        language: 'en',
      }),
    );
    expect(stale.code).toBe('stale_version');
    const resolved = await desk.call('intake.resolve', {
      ticketId: openCall.ticket.id,
      expectedVersion: openCall.ticket.version,
      language: 'en',
    });
    expect(resolved.ticket).toMatchObject({
      status: 'resolved',
      verification: 'pending',
      resolutionCode: 'fixed',
    });
    const twice = await callError(
      desk.call('intake.resolve', {
        ticketId: openCall.ticket.id,
        expectedVersion: resolved.ticket.version,
        language: 'en',
      }),
    );
    expect(twice.code).toBe('invalid_transition');
  });
});
