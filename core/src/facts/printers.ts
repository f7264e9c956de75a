import { z } from 'zod';
import {
  BooleanSchema,
  NonEmptyTextSchema,
  NullableBooleanSchema,
  NullableBytesSchema,
  NullableDateTimeSchema,
  TextSchema,
} from './common';

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
  id: TextSchema,
  owner: TextSchema,
  sizeBytes: NullableBytesSchema,
  submittedAt: NullableDateTimeSchema,
  /** As the spooler says it ("Printing", "Error | Paused"...); "" when it does not. */
  status: TextSchema,
});
export type PrintJob = z.infer<typeof PrintJobSchema>;

export const PrinterSchema = z.object({
  name: NonEmptyTextSchema,
  isDefault: BooleanSchema,
  status: PrinterStatusSchema,
  /** The spooler's own words about the state ("Paused", "media-empty"...); "" when none. */
  statusMessage: TextSchema,
  description: TextSchema,
  location: TextSchema,
  /** Device URI (CUPS) or port name (Windows). */
  uri: TextSchema,
  driver: TextSchema,
  shared: NullableBooleanSchema,
  jobs: z.array(PrintJobSchema),
});
export type Printer = z.infer<typeof PrinterSchema>;

export const PrintersSchema = z.object({
  spooler: z.enum(['cups', 'windows']),
  /** Whether the print service answers; when it does not, `printers` is empty. */
  spoolerRunning: BooleanSchema,
  printers: z.array(PrinterSchema),
});
export type Printers = z.infer<typeof PrintersSchema>;
