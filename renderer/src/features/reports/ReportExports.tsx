import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportToCsv, type ReportDocument } from '@deskside/core';
import { useApi } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveBlob } from '../../components/save-file';
import { localDate } from './report-params';

/** `deskside-recurring-2026-12-02.pdf`: the report and the day it was taken. */
export function reportFileName(kind: string, now: Date, extension: 'csv' | 'pdf'): string {
  return `deskside-${kind}-${localDate(now)}.${extension}`;
}

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let at = 0; at < text.length; at += 1) bytes[at] = text.charCodeAt(at);
  return bytes;
}

/** Downloads the report shown, as CSV (made here) or as PDF (laid out by the console). */
export function ReportExports({ kind, document }: { kind: string; document: ReportDocument }) {
  const { t } = useTranslation();
  const api = useApi();
  const [state, setState] = useState<{ step: 'idle' | 'pdf' } | { step: 'failed'; error: unknown }>(
    {
      step: 'idle',
    },
  );
  const pdf = async () => {
    setState({ step: 'pdf' });
    try {
      const made = await api.call('reports.pdf', document);
      saveBlob(
        new Blob([base64Bytes(made.base64)], { type: 'application/pdf' }),
        reportFileName(kind, new Date(), 'pdf'),
      );
      setState({ step: 'idle' });
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };
  return (
    <div className="report-exports">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          saveBlob(
            new Blob([reportToCsv(document)], { type: 'text/csv;charset=utf-8' }),
            reportFileName(kind, new Date(), 'csv'),
          );
        }}
      >
        {t('reports.export.csv')}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={state.step === 'pdf'}
        onClick={() => void pdf()}
      >
        {t('reports.export.pdf')}
      </button>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          window.print();
        }}
      >
        {t('reports.export.print')}
      </button>
      <span role="status">{state.step === 'pdf' && t('reports.export.making')}</span>
      {state.step === 'failed' && <ErrorMessage error={state.error} />}
    </div>
  );
}
