import { TRANSFER_CHUNK_BYTES, type DataFormat, type ImportResult, type Job } from '@deskside/core';
import type { TestConsole } from './console';

/** Resolves with the job once it has ended, as its progress events tell. */
export function jobEnd(desk: TestConsole, id: string): Promise<Job> {
  return new Promise((resolve, reject) => {
    const stop = desk.events.subscribe((event) => {
      if (event.type === 'job.progress' && event.job.id === id && event.job.state !== 'running') {
        stop();
        resolve(event.job);
      }
    });
    // It may have ended before anyone listened.
    desk.call('jobs.get', { id }).then((job) => {
      if (job.state !== 'running') {
        stop();
        resolve(job);
      }
    }, reject);
  });
}

/** A failed job as `callError` gives a failed call: its wire error. */
const failed = (job: Job) =>
  Object.assign(new Error(job.error?.message ?? job.state), {
    wire: job.error ?? { code: 'internal', message: job.state },
  });

/** Exports through the chunked calls the console page uses, and returns the file's text. */
export async function exportData(desk: TestConsole, format: DataFormat): Promise<string> {
  const started = await desk.call('data.startExport', { format });
  const job = await jobEnd(desk, started.id);
  if (job.state !== 'done') throw failed(job);
  const chunks: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await desk.call('data.readExport', { id: job.id, offset });
    const bytes = Buffer.from(chunk.data, 'base64');
    chunks.push(bytes);
    offset += bytes.length;
    if (offset >= chunk.size) break;
  }
  await desk.call('jobs.dismiss', { id: job.id });
  return Buffer.concat(chunks).toString('utf8');
}

/** Uploads `text` in chunks of `chunkBytes`; the job waits to be run. */
export async function uploadData(
  desk: TestConsole,
  format: DataFormat,
  text: string,
  chunkBytes = TRANSFER_CHUNK_BYTES,
): Promise<Job> {
  const bytes = Buffer.from(text, 'utf8');
  let job = await desk.call('data.beginImport', { format, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    const data = bytes.subarray(offset, offset + chunkBytes).toString('base64');
    job = await desk.call('data.importChunk', { id: job.id, offset, data });
  }
  return job;
}

/** Imports `text` as the console page does; throws the job's error as a failed call would. */
export async function importData(
  desk: TestConsole,
  format: DataFormat,
  text: string,
): Promise<ImportResult> {
  const uploaded = await uploadData(desk, format, text);
  await desk.call('data.runImport', { id: uploaded.id });
  const job = await jobEnd(desk, uploaded.id);
  await desk.call('jobs.dismiss', { id: job.id });
  if (job.state !== 'done' || !job.result) throw failed(job);
  return job.result;
}
