import { DesksideError, type DataFormat, type ExportChunk, type Job } from '@deskside/core';
import type { JobRegistry } from '../jobs/job-registry';
import type { WorkflowDeps } from '../tickets/ticket-writer';
import { importJsonFile } from './json-import';
import { writeJsonExport } from './json-export';
import { importTicketsCsvFile, writeTicketsCsv } from './tickets-csv';
import type { TransferFiles } from './transfer-files';

/**
 * Export and import of the desk's data (everything as JSON, tickets as CSV) as jobs: an
 * export is written to a file and read back in chunks; an import is uploaded in chunks,
 * then checked and written. Progress goes out as job events; any job can be cancelled.
 */
export class DataService {
  constructor(
    private readonly deps: WorkflowDeps,
    private readonly jobs: JobRegistry,
    private readonly files: TransferFiles,
  ) {}

  async startExport(format: DataFormat): Promise<Job> {
    const job = this.jobs.create(
      { kind: 'export', format, phase: 'exporting', unit: 'records', total: 0, size: 0 },
      () => this.files.remove(file),
    );
    const file = this.files.file(job.id, format);
    await this.files.create(file);
    return this.jobs.run(job.id, async (reporter) => {
      if (format === 'json') await writeJsonExport(this.deps, file, reporter);
      else await writeTicketsCsv(this.deps, file, reporter);
      const size = await this.files.size(file);
      return { phase: 'ready', done: 0, total: size, unit: 'bytes', size };
    });
  }

  async readExport(id: string, offset: number): Promise<ExportChunk> {
    const job = this.jobs.get(id);
    if (job.kind !== 'export') throw new DesksideError('not_found', `No export ${id}`);
    if (job.state !== 'done') {
      throw new DesksideError('conflict', `This export is not ready to read (${job.state})`);
    }
    const { bytes, size } = await this.files.read(this.files.file(id, job.format), offset);
    this.jobs.progress(id, {});
    return { data: bytes.toString('base64'), offset, size };
  }

  async beginImport(format: DataFormat, size: number): Promise<Job> {
    const job = this.jobs.create(
      { kind: 'import', format, phase: 'receiving', unit: 'bytes', total: size, size },
      () => this.files.remove(file),
    );
    const file = this.files.file(job.id, format);
    await this.files.create(file);
    return job;
  }

  async importChunk(id: string, offset: number, data: string): Promise<Job> {
    const job = this.jobs.idle(id, 'import');
    if (job.phase !== 'receiving') {
      throw new DesksideError('conflict', 'This import has all its data already');
    }
    const bytes = Buffer.from(data, 'base64');
    if (offset + bytes.length > job.size) {
      throw new DesksideError(
        'validation',
        `This chunk ends at byte ${offset + bytes.length}, past the ${job.size} bytes announced`,
      );
    }
    const received = await this.files.append(this.files.file(id, job.format), offset, bytes);
    return this.jobs.progress(id, { done: received });
  }

  runImport(id: string, actor: string): Job {
    const job = this.jobs.idle(id, 'import');
    if (job.phase !== 'receiving' || job.done !== job.size) {
      throw new DesksideError(
        'conflict',
        `This import has ${job.done} of its ${job.size} bytes; send the rest first`,
      );
    }
    const file = this.files.file(id, job.format);
    return this.jobs.run(id, async (reporter) => {
      const result =
        job.format === 'json'
          ? await importJsonFile(this.deps, file, job.size, reporter)
          : await importTicketsCsvFile(this.deps, file, job.size, actor, reporter);
      return { result };
    });
  }
}
