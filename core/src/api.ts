import { z } from 'zod';
import { CheckCatalogListingSchema } from './checks';
import { WireErrorSchema } from './errors';
import {
  AddMachineInputSchema,
  InventorySnapshotSchema,
  MachineIdSchema,
  MachineSchema,
  PairMachineInputSchema,
  ProbeMachineInputSchema,
  ProbeResultSchema,
} from './machine';
import { MachineCheckRunSchema, RunMachineChecksInputSchema } from './machine-checks';
import {
  AttachInventoryInputSchema,
  CreateTicketInputSchema,
  EvidenceSchema,
  TicketDetailSchema,
  TicketIdSchema,
  TicketSchema,
} from './ticket';

const NoInput = z.object({}).strict();

export const AppInfoSchema = z.object({
  version: z.string(),
  analyst: z.string(),
  host: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

/**
 * The console's API: method name -> input and output schema. Electron's IPC, the
 * browser-mode host and the renderer's client are all derived from this one map.
 */
export const apiContract = {
  'app.info': { input: NoInput, output: AppInfoSchema },

  'machines.list': { input: NoInput, output: z.array(MachineSchema) },
  'machines.get': { input: z.object({ id: MachineIdSchema }), output: MachineSchema },
  'machines.probe': { input: ProbeMachineInputSchema, output: ProbeResultSchema },
  'machines.add': { input: AddMachineInputSchema, output: MachineSchema },
  'machines.pair': { input: PairMachineInputSchema, output: MachineSchema },
  'machines.inventory': {
    input: z.object({ id: MachineIdSchema }),
    output: InventorySnapshotSchema,
  },
  'machines.runChecks': { input: RunMachineChecksInputSchema, output: MachineCheckRunSchema },

  'checks.catalog': { input: NoInput, output: CheckCatalogListingSchema },

  'tickets.list': { input: NoInput, output: z.array(TicketSchema) },
  'tickets.get': { input: z.object({ id: TicketIdSchema }), output: TicketDetailSchema },
  'tickets.create': { input: CreateTicketInputSchema, output: TicketSchema },
  'tickets.attachInventory': { input: AttachInventoryInputSchema, output: EvidenceSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type ApiContract = typeof apiContract;
export type ApiMethod = keyof ApiContract;
/** What a caller sends (before defaults and transforms). */
export type ApiInput<M extends ApiMethod> = z.input<ApiContract[M]['input']>;
/** What a handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethod> = z.output<ApiContract[M]['input']>;
export type ApiOutput<M extends ApiMethod> = z.output<ApiContract[M]['output']>;

export const apiMethods = Object.keys(apiContract) as ApiMethod[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(apiContract, name);
}

/** What crosses IPC or HTTP for every call: a value or an error, never a thrown stack. */
export const WireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type WireResult = z.infer<typeof WireResultSchema>;

/** The shape every transport of the contract implements: one function per method. */
export type ApiBridge = { [M in ApiMethod]: (input: unknown) => Promise<WireResult> };
