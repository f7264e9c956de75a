import { describe, expect, it } from 'vitest';
import { ReopenInputSchema, ResolveInputSchema, ScheduleVisitInputSchema } from '@deskside/core';
import { fieldProblems } from './validation';

describe('fieldProblems', () => {
  it('finds nothing wrong with valid input', () => {
    expect(
      fieldProblems(ReopenInputSchema, { id: 1, expectedVersion: 2, reason: 'Fan again' }),
    ).toEqual({});
  });

  it('names each field with a problem the UI can translate', () => {
    expect(
      fieldProblems(ResolveInputSchema, {
        id: 1,
        expectedVersion: 1,
        resolutionCode: 'magic',
        resolutionNotes: 'ok',
      }),
    ).toEqual({
      resolutionCode: { key: 'ticket.form.invalid', values: {} },
      resolutionNotes: { key: 'ticket.form.tooShort', values: { minimum: 5 } },
    });
    expect(
      fieldProblems(ScheduleVisitInputSchema, {
        ticketId: 1,
        technician: '',
        scheduledAt: '2026-03-03T14:00:00+01:00',
        checklist: [],
      }),
    ).toEqual({
      technician: { key: 'ticket.form.required', values: {} },
      checklist: { key: 'ticket.form.required', values: {} },
    });
    expect(
      fieldProblems(ReopenInputSchema, { id: 1, expectedVersion: 1, reason: 'x'.repeat(2001) }),
    ).toEqual({ reason: { key: 'ticket.form.tooLong', values: { maximum: 2000 } } });
  });
});
