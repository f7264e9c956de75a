import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ReopenInputSchema, ResolveInputSchema, ScheduleVisitInputSchema } from '@deskside/core';
import el from './el.json';
import en from './en.json';
import { PROBLEM_KINDS, fieldProblems } from './field-problems';
import fr from './fr.json';
import nl from './nl.json';

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
      resolutionCode: { kind: 'invalid', values: {} },
      resolutionNotes: { kind: 'tooShort', values: { minimum: 5 } },
    });
    expect(
      fieldProblems(ScheduleVisitInputSchema, {
        ticketId: 1,
        technician: '',
        scheduledAt: '2026-03-03T14:00:00+01:00',
        checklist: [],
      }),
    ).toEqual({
      technician: { kind: 'required', values: {} },
      checklist: { kind: 'required', values: {} },
    });
    expect(
      fieldProblems(ReopenInputSchema, { id: 1, expectedVersion: 1, reason: 'x'.repeat(2001) }),
    ).toEqual({ reason: { kind: 'tooLong', values: { maximum: 2000 } } });
  });

  it('says a field left out is required, whatever its type', () => {
    expect(fieldProblems(ReopenInputSchema, { id: 1, expectedVersion: 1 })).toEqual({
      reason: { kind: 'required', values: {} },
    });
  });

  const form = z.object({
    kind: z.literal('probe'),
    params: z.object({
      host: z.string().min(1),
      ports: z.array(z.number().int().max(65535)),
      nested: z.object({ label: z.string().max(3) }),
    }),
  });

  it('reads fields below a prefix and leaves out problems outside it', () => {
    expect(
      fieldProblems(
        form,
        { kind: 'other', params: { ports: [], nested: { label: 'long' } } },
        { under: ['params'] },
      ),
    ).toEqual({
      host: { kind: 'required', values: {} },
      'nested.label': { kind: 'tooLong', values: { maximum: 3 } },
    });
  });

  it('gives a problem deeper than a field to its field, first problem first', () => {
    expect(
      fieldProblems(
        form,
        { kind: 'probe', params: { host: 'pc', ports: [80, 70000, 90000], nested: {} } },
        { under: ['params'], depth: 1 },
      ),
    ).toEqual({
      ports: { kind: 'invalid', values: {} },
      nested: { kind: 'invalid', values: {} },
    });
  });

  it.each([
    ['en', en],
    ['nl', nl],
    ['fr', fr],
    ['el', el],
  ])('has a ticket form message for every kind of problem in %s', (_, catalog) => {
    const messages: Record<string, unknown> = catalog.ticket.form;
    expect(PROBLEM_KINDS.filter((kind) => typeof messages[kind] !== 'string')).toEqual([]);
  });
});
