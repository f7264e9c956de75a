import type { z } from 'zod';
import { PersonInputSchema, type Person } from '@deskside/core';
import { ApiError } from '../../api/client';
import { fieldProblems, type FieldProblem, type ProblemKind } from '../../i18n/field-problems';

/** A person as the form holds it: every field a string, '' for "no console machine". */
export interface PersonDraft {
  name: string;
  department: string;
  location: string;
  phone: string;
  email: string;
  /** '' for the desk's default language. */
  language: string;
  machines: { name: string; machineId: string }[];
}

export const PERSON_FIELDS = [
  'name',
  'department',
  'location',
  'phone',
  'email',
  'language',
  'machines',
] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const EMPTY_DRAFT: PersonDraft = {
  name: '',
  department: '',
  location: '',
  phone: '',
  email: '',
  language: '',
  machines: [],
};

export function draftOf(person: Person): PersonDraft {
  const { name, department, location, phone, email, language } = person;
  const machines = person.machines.map((m) => ({ name: m.name, machineId: m.machineId ?? '' }));
  return { name, department, location, phone, email, language, machines };
}

/** What the console is sent: the contract's input for a person. */
export function inputOf(draft: PersonDraft): z.input<typeof PersonInputSchema> {
  return {
    ...draft,
    language: draft.language as z.input<typeof PersonInputSchema>['language'],
    machines: draft.machines.map((m) => ({ name: m.name, machineId: m.machineId || null })),
  };
}

export type PersonProblems = Record<string, FieldProblem>;

/** Fields for which there is more to say than "not valid": what a valid value looks like. */
const PRECISE: Partial<Record<string, ProblemKind>> = { email: 'email', phone: 'phone' };

function precise(path: string, problem: FieldProblem): FieldProblem {
  const kind = PRECISE[path];
  return kind && problem.kind === 'invalid' ? { kind, values: {} } : problem;
}

/** What is wrong per field (path "machines.0.name" for a machine's row), by core's schema. */
export function personProblems(draft: PersonDraft): PersonProblems {
  const found = fieldProblems(PersonInputSchema, inputOf(draft));
  return Object.fromEntries(
    Object.entries(found).map(([path, problem]) => [path, precise(path, problem)]),
  );
}

/** The fields a refusal from the console names, said the same way as the form's own checks. */
export function problemsFromError(error: unknown): PersonProblems {
  if (!(error instanceof ApiError) || error.code !== 'validation') return {};
  const problems: PersonProblems = {};
  for (const { path } of error.issues ?? []) {
    problems[path] ??= precise(path, { kind: 'invalid', values: {} });
  }
  return problems;
}

const same = (a: PersonDraft, b: PersonDraft, field: PersonField) =>
  JSON.stringify(a[field]) === JSON.stringify(b[field]);

/** The fields that differ between two versions of a person. */
export const changedFields = (from: PersonDraft, to: PersonDraft): PersonField[] =>
  PERSON_FIELDS.filter((field) => !same(from, to, field));

/**
 * After someone else saved the person meanwhile: their record, with the analyst's own
 * changes (to the record as it was opened) put back on top. Nothing of theirs is lost
 * unseen: the form shows which fields they changed before it is sent again.
 */
export function rebase(opened: PersonDraft, draft: PersonDraft, current: PersonDraft): PersonDraft {
  const mine = new Set(changedFields(opened, draft));
  const pick = <F extends PersonField>(field: F): PersonDraft[F] =>
    mine.has(field) ? draft[field] : current[field];
  return {
    name: pick('name'),
    department: pick('department'),
    location: pick('location'),
    phone: pick('phone'),
    email: pick('email'),
    language: pick('language'),
    machines: pick('machines'),
  };
}
