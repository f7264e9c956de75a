import { z } from 'zod';
import { LANGUAGES } from './languages';
import { MachineIdSchema } from './machine';

export const PersonIdSchema = z.number().int().positive();
export const VersionSchema = z.number().int().positive();

const optionalText = (max: number) => z.string().trim().max(max).default('');

export const PersonMachineSchema = z.object({
  /** What the person calls it, or its asset tag / host name. */
  name: z.string().trim().min(1).max(120),
  /** The console's machine record, when the machine has been added. */
  machineId: MachineIdSchema.nullable().default(null),
});

export const PersonInputSchema = z.object({
  name: z.string().trim().min(1, 'Enter the person’s name').max(200),
  department: optionalText(120),
  location: optionalText(200),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^[0-9+()./ -]*$/, 'A phone number has digits, spaces and + ( ) . / - only')
    .default(''),
  email: z.union([z.literal(''), z.email('Enter a valid e-mail address').max(254)]).default(''),
  /** The language the desk writes to the person in; '' for the desk's default (English). */
  language: z.union([z.literal(''), z.enum(LANGUAGES)]).default(''),
  machines: z.array(PersonMachineSchema).max(50).default([]),
});
export type PersonInput = z.input<typeof PersonInputSchema>;

export const PersonSchema = z.object({
  id: PersonIdSchema,
  version: VersionSchema,
  name: z.string(),
  department: z.string(),
  location: z.string(),
  phone: z.string(),
  email: z.string(),
  language: z.string().default(''),
  machines: z.array(z.object({ name: z.string(), machineId: MachineIdSchema.nullable() })),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Person = z.infer<typeof PersonSchema>;

export const UpdatePersonInputSchema = PersonInputSchema.extend({
  id: PersonIdSchema,
  expectedVersion: VersionSchema,
});

export const PeopleQuerySchema = z.object({
  search: z.string().trim().max(200).default(''),
});
