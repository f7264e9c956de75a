/**
 * Moving an export or an import between the console and a file on this computer, one chunk
 * per call (core's TRANSFER_CHUNK_BYTES), so no call carries more than that.
 */
import { TRANSFER_CHUNK_BYTES, type DataFormat, type Job } from '@deskside/core';
import type { ApiClient } from '../../api/client';

/** Base64 of bytes, built in slices so a large chunk never overflows an argument list. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export const MEDIA_TYPES: Record<DataFormat, string> = {
  json: 'application/json',
  'tickets-csv': 'text/csv',
};

/** "deskside-export-2026-11-23.json", "deskside-tickets-2026-11-23.csv" */
export function exportFileName(format: DataFormat, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  return format === 'json' ? `deskside-export-${day}.json` : `deskside-tickets-${day}.csv`;
}

/** Reads a finished export chunk by chunk into a file-like Blob. */
export async function readExport(
  api: ApiClient,
  job: Job,
  onProgress: (done: number, size: number) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    signal.throwIfAborted();
    const chunk = await api.call('data.readExport', { id: job.id, offset });
    const bytes = fromBase64(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    onProgress(offset, chunk.size);
    if (offset >= chunk.size || bytes.length === 0) break;
  }
  return new Blob(parts, { type: MEDIA_TYPES[job.format] });
}

/** Sends a file chunk by chunk; the job then waits for `data.runImport`. */
export async function uploadFile(
  api: ApiClient,
  file: Blob,
  format: DataFormat,
  onStarted: (job: Job) => void,
  onProgress: (job: Job) => void,
  signal: AbortSignal,
): Promise<Job> {
  let job = await api.call('data.beginImport', { format, size: file.size });
  onStarted(job);
  for (let offset = 0; offset < file.size; offset += TRANSFER_CHUNK_BYTES) {
    signal.throwIfAborted();
    const slice = file.slice(offset, offset + TRANSFER_CHUNK_BYTES);
    const data = toBase64(new Uint8Array(await slice.arrayBuffer()));
    job = await api.call('data.importChunk', { id: job.id, offset, data });
    onProgress(job);
  }
  return job;
}

/**
 * A job's end may come before the live channel is listening (in browser mode each listener
 * opens its own stream): besides the events, ask now and then where the job is.
 */
const JOB_CHECK_MS = 1_000;

/** Follows a job through its progress events until it ends; resolves with how it ended. */
export function waitForJob(
  api: ApiClient,
  id: string,
  onProgress: (job: Job) => void,
): Promise<Job> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop();
      finish();
    };
    const stop = api.subscribe((event) => {
      if (event.type !== 'job.progress' || event.job.id !== id) return;
      if (event.job.state === 'running') onProgress(event.job);
      else
        settle(() => {
          resolve(event.job);
        });
    });
    const check = () => {
      api.call('jobs.get', { id }).then(
        (job) => {
          if (job.state !== 'running') {
            settle(() => {
              resolve(job);
            });
          } else if (!settled) timer = setTimeout(check, JOB_CHECK_MS);
        },
        (error: unknown) => {
          settle(() => {
            reject(error instanceof Error ? error : new Error(String(error)));
          });
        },
      );
    };
    check();
  });
}
