import { z } from 'zod';
import { BytesSchema } from './common';

export const PrinterStatusSchema = z.enum([
  'idle',
  'printing',
  'stopped',
  'offline',
  'error',
  'unknown',
]);
export type PrinterStatus = z.infer<typeof PrinterStatusSchema>;

/** A job waiting in (or being printed from) a printer's queue. Document names are not kept. */
export const PrintJobSchema = z.object({
  id: z.string(),
  owner: z.string(),
  sizeBytes: BytesSchema.nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** As the spooler says it ("Printing", "Error | Paused"...); "" when it does not. */
  status: z.string(),
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const PrinterSchema = z.object({
  name: z.string().min(1),
  isDefault: z.boolean(),
  status: PrinterStatusSchema,
  /** The spooler's own words about the state ("Paused", "media-empty"...); "" when none. */
  statusMessage: z.string(),
  description: z.string(),
  location: z.string(),
  /** Device URI (CUPS) or port name (Windows). */
  uri: z.string(),
  driver: z.string(),
  shared: z.boolean().nullable(),
  jobs: z.array(PrintJobSchema),
});
export type Printer = z.infer<typeof PrinterSchema>;

export const PrintersSchema = z.object({
  spooler: z.enum(['cups', 'windows']),
  /** Whether the print service answers; when it does not, `printers` is empty. */
  spoolerRunning: z.boolean(),
  printers: z.array(PrinterSchema),
});
export type Printers = z.infer<typeof PrintersSchema>;
