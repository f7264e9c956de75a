import { z } from 'zod';
import { ImportResultSchema } from './data-exchange';
import { WireErrorSchema } from './errors';

/**
 * Long work (an export, an import) runs as a job: started by one call, followed through
 * progress events on the live channel, cancellable until it ends. Its data moves in chunks
 * of at most TRANSFER_CHUNK_BYTES, so no single call carries a whole database.
 */
export const TRANSFER_CHUNK_BYTES = 512 * 1024;
/** The largest file an import accepts. */
export const MAX_TRANSFER_BYTES = 4 * 1024 ** 3;

export const JobIdSchema = z.uuid();
export const DataFormatSchema = z.enum(['json', 'tickets-csv']);
export type DataFormat = z.infer<typeof DataFormatSchema>;

export const JobStateSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type JobState = z.infer<typeof JobStateSchema>;

/**
 * receiving: the file is being uploaded; checking: every record is validated, nothing is
 * written yet; writing: records go into the database in one transaction; indexing: the
 * search index is built, still in that transaction; exporting: the export file is written;
 * ready: the export file can be read.
 */
export const JobPhaseSchema = z.enum([
  'receiving',
  'checking',
  'writing',
  'indexing',
  'exporting',
  'ready',
]);
export type JobPhase = z.infer<typeof JobPhaseSchema>;

export const JobSchema = z.object({
  id: JobIdSchema,
  kind: z.enum(['export', 'import']),
  format: DataFormatSchema,
  state: JobStateSchema,
  phase: JobPhaseSchema,
  /** Progress within the phase, in `unit`s; total 0 when it is not known. */
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  unit: z.enum(['bytes', 'records']),
  /** An export's file size once it is ready; an import's upload size. */
  size: z.number().int().min(0),
  result: ImportResultSchema.nullable(),
  error: WireErrorSchema.nullable(),
  startedAt: z.iso.datetime(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobRefSchema = z.object({ id: JobIdSchema }).strict();

export const StartExportInputSchema = z.object({ format: DataFormatSchema }).strict();

export const BeginImportInputSchema = z
  .object({ format: DataFormatSchema, size: z.number().int().min(1).max(MAX_TRANSFER_BYTES) })
  .strict();

const base64Chunk = z
  .string()
  .max(Math.ceil(TRANSFER_CHUNK_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'A chunk is base64');

/** One piece of an upload, at the offset where the previous one ended. */
export const ImportChunkInputSchema = z
  .object({
    id: JobIdSchema,
    offset: z.number().int().min(0).max(MAX_TRANSFER_BYTES),
    data: base64Chunk.min(4),
  })
  .strict();

export const ReadExportInputSchema = z
  .object({ id: JobIdSchema, offset: z.number().int().min(0).max(MAX_TRANSFER_BYTES) })
  .strict();

export const ExportChunkSchema = z.object({
  data: base64Chunk,
  offset: z.number().int().min(0),
  size: z.number().int().min(0),
});
export type ExportChunk = z.infer<typeof ExportChunkSchema>;
