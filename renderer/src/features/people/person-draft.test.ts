import { describe, expect, it } from 'vitest';
import type { Person } from '@deskside/core';
import { ApiError } from '../../api/client';
import {
  EMPTY_DRAFT,
  PERSON_FIELDS,
  changedFields,
  draftOf,
  inputOf,
  personProblems,
  problemsFromError,
  rebase,
} from './person-draft';

const jan: Person = {
  id: 7,
  version: 3,
  name: 'Jan de Vries',
  department: 'Finance',
  location: 'Ghent',
  phone: '+32 9 123 45 67',
  email: 'jan@example.org',
  language: 'nl',
  machines: [
    { name: 'FIN-LT-12', machineId: 'local' },
    { name: 'Scanner', machineId: null },
  ],
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
};

describe('a person in the form', () => {
  it('goes to the console as the contract’s input, "no record" as null', () => {
    const fields = Object.fromEntries(PERSON_FIELDS.map((field) => [field, jan[field]]));
    expect(inputOf(draftOf(jan))).toEqual(fields);
    expect(draftOf(jan).machines[1]).toEqual({ name: 'Scanner', machineId: '' });
  });

  it('is checked by core’s schema, each refused field with its own message', () => {
    expect(
      personProblems({
        ...EMPTY_DRAFT,
        email: 'jan(at)example',
        phone: 'call me',
        machines: [{ name: ' ', machineId: '' }],
      }),
    ).toEqual({
      name: { kind: 'required', values: {} },
      email: { kind: 'email', values: {} },
      phone: { kind: 'phone', values: {} },
      'machines.0.name': { kind: 'required', values: {} },
    });
    expect(personProblems(draftOf(jan))).toEqual({});
  });

  it('shows the console’s refusal of a field the same way', () => {
    const refused = new ApiError('validation', 'Invalid person: email', [
      { path: 'email', message: 'Enter a valid e-mail address' },
      { path: 'department', message: 'Too long' },
    ]);
    expect(problemsFromError(refused)).toEqual({
      email: { kind: 'email', values: {} },
      department: { kind: 'invalid', values: {} },
    });
    expect(problemsFromError(new ApiError('stale_version', 'Changed'))).toEqual({});
  });
});

describe('an edit refused because someone else saved first', () => {
  const opened = draftOf(jan);
  const theirs = { ...opened, location: 'Piraeus', phone: '+30 21 0123 4567' };
  const mine = { ...opened, phone: '+32 470 12 34 56', email: 'j.devries@example.org' };

  it('says which fields the other analyst changed', () => {
    expect(changedFields(opened, theirs)).toEqual(['location', 'phone']);
  });

  it('carries on from their version with only the analyst’s own changes on top', () => {
    expect(rebase(opened, mine, theirs)).toEqual({
      ...opened,
      location: 'Piraeus',
      phone: '+32 470 12 34 56',
      email: 'j.devries@example.org',
    });
    const machinesOnly = { ...opened, machines: [] };
    expect(rebase(opened, machinesOnly, theirs).machines).toEqual([]);
    expect(rebase(opened, opened, theirs)).toEqual(theirs);
  });
});
