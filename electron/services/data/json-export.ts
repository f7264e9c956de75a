/**
 * Writes everything the desk recorded as one JSON document (the format of core's
 * ExportDocumentSchema) to a file, a page of records at a time, from one consistent
 * snapshot of the database, reporting how many records are written.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EXPORT_FORMAT } from '@deskside/core';
import type { JobReporter } from '../jobs/job-registry';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { SECTION_NAMES, countRecords, sectionPages } from './sections';

export async function writeJsonExport(
  deps: WorkflowDeps,
  file: string,
  reporter: JobReporter,
): Promise<void> {
  await deps.store.snapshot(async (db) => {
    const total = await countRecords(db);
    const config = await deps.config.get(db);
    reporter.progress({ phase: 'exporting', unit: 'records', done: 0, total });
    let done = 0;
    async function* pieces(): AsyncGenerator<string> {
      const header = {
        format: EXPORT_FORMAT,
        formatVersion: 1,
        exportedAt: deps.now().toISOString(),
        config,
      };
      // The header object without its closing brace; the sections follow it.
      yield JSON.stringify(header).slice(0, -1);
      for (const name of SECTION_NAMES) {
        yield `,${JSON.stringify(name)}:[`;
        let first = true;
        for await (const records of sectionPages(db, name)) {
          reporter.signal.throwIfAborted();
          yield (first ? '' : ',') + records.map((record) => JSON.stringify(record)).join(',');
          first = false;
          done += records.length;
          reporter.progress({ done });
        }
        yield ']';
      }
      yield '}';
    }
    await pipeline(Readable.from(pieces()), createWriteStream(file), {
      signal: reporter.signal,
    });
  });
}
