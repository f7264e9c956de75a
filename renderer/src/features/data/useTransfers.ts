import { useRef, useState } from 'react';
import type { DataFormat, Job } from '@deskside/core';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { saveBlob } from '../../components/save-file';
import { exportFileName, readExport, uploadFile, waitForJob } from './transfer';

/** Where an export or import stands, as the page shows it. */
export type TransferView =
  | { step: 'idle' }
  | { step: 'sending'; done: number; total: number }
  | { step: 'working'; job: Job }
  | { step: 'saving'; done: number; total: number }
  | { step: 'saved'; fileName: string }
  | { step: 'imported'; job: Job }
  | { step: 'failed'; error: unknown }
  | { step: 'cancelled' };

/** How a job that did not finish is shown: cancelled, or its error as a failed call's. */
const ended = (job: Job): TransferView =>
  job.state === 'cancelled'
    ? { step: 'cancelled' }
    : {
        step: 'failed',
        error: new ApiError(
          job.error?.code ?? 'internal',
          job.error?.message ?? job.state,
          job.error?.issues,
        ),
      };

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

interface Run {
  controller: AbortController;
  jobId: string | null;
}

/**
 * One export or import at a time: its view, and a cancel that stops what runs now (the
 * transfer of chunks here, the job in the console).
 */
function useTransfer(work: (run: Run, show: (view: TransferView) => void) => Promise<void>) {
  const api = useApi();
  const [view, setView] = useState<TransferView>({ step: 'idle' });
  const current = useRef<Run | null>(null);
  return {
    view,
    start: () => {
      const run: Run = { controller: new AbortController(), jobId: null };
      current.current = run;
      work(run, setView)
        .catch((error: unknown) => {
          setView(isAbort(error) ? { step: 'cancelled' } : { step: 'failed', error });
        })
        .finally(() => {
          if (run.jobId) void api.call('jobs.dismiss', { id: run.jobId }).catch(() => undefined);
        });
    },
    cancel: () => {
      const run = current.current;
      if (!run) return;
      run.controller.abort();
      if (run.jobId) void api.call('jobs.cancel', { id: run.jobId }).catch(() => undefined);
    },
  };
}

/** Export: the console writes the file (a job), then this page reads it in chunks and saves it. */
export function useExport(format: DataFormat) {
  const api = useApi();
  return useTransfer(async (run, show) => {
    const started = await api.call('data.startExport', { format });
    run.jobId = started.id;
    show({ step: 'working', job: started });
    const job = await waitForJob(api, started.id, (progress) => {
      show({ step: 'working', job: progress });
    });
    if (job.state !== 'done') {
      show(ended(job));
      return;
    }
    const onSaved = (done: number, total: number) => {
      show({ step: 'saving', done, total });
    };
    const blob = await readExport(api, job, onSaved, run.controller.signal);
    const fileName = exportFileName(job.format, new Date());
    saveBlob(blob, fileName);
    show({ step: 'saved', fileName });
  });
}

/** Import: this page sends the file in chunks, then the console checks and writes it (a job). */
export function useImport(file: File | null, format: DataFormat) {
  const api = useApi();
  return useTransfer(async (run, show) => {
    if (!file) return;
    show({ step: 'sending', done: 0, total: file.size });
    const uploaded = await uploadFile(
      api,
      file,
      format,
      (created) => {
        run.jobId = created.id;
      },
      (progress) => {
        show({ step: 'sending', done: progress.done, total: progress.size });
      },
      run.controller.signal,
    );
    run.controller.signal.throwIfAborted();
    show({ step: 'working', job: await api.call('data.runImport', { id: uploaded.id }) });
    const job = await waitForJob(api, uploaded.id, (progress) => {
      show({ step: 'working', job: progress });
    });
    show(job.state === 'done' ? { step: 'imported', job } : ended(job));
  });
}
