import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '@deskside/core';
import { useApi } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { saveBlob } from '../../components/save-file';
import { formatNumber } from '../../i18n/format';
import { auditCsv, auditCsvFileName, readAllEntries } from './audit-csv';

type ExportView =
  | { step: 'idle' }
  | { step: 'reading'; count: number }
  | { step: 'saved'; count: number; fileName: string }
  | { step: 'failed'; error: unknown };

/** Downloads every entry the filters match (not only the pages shown) as a CSV file. */
export function ExportAuditCsv({ query }: { query: Omit<AuditQuery, 'limit' | 'offset'> }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [view, setView] = useState<ExportView>({ step: 'idle' });
  const start = async () => {
    setView({ step: 'reading', count: 0 });
    try {
      const entries = await readAllEntries(
        (page) => api.call('audit.list', page),
        query,
        (count) => {
          setView({ step: 'reading', count });
        },
      );
      const csv = auditCsv(entries, {
        at: t('audit.columns.at'),
        analyst: t('audit.columns.analyst'),
        pc: t('audit.columns.pc'),
        action: t('audit.columns.action'),
        subject: t('audit.columns.subject'),
        details: t('audit.columns.details'),
      });
      const fileName = auditCsvFileName(new Date());
      // The byte-order mark lets spreadsheets read the file as UTF-8 (names in Greek, say).
      saveBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), fileName);
      setView({ step: 'saved', count: entries.length, fileName });
    } catch (error) {
      setView({ step: 'failed', error });
    }
  };
  const count = (n: number) => formatNumber(n, i18n.language);
  return (
    <div className="audit-export">
      <button
        type="button"
        className="secondary"
        disabled={view.step === 'reading'}
        onClick={() => void start()}
      >
        {t('audit.export')}
      </button>
      <span role="status">
        {view.step === 'reading' && t('audit.exporting', { number: count(view.count) })}
        {view.step === 'saved' &&
          t('audit.exported', { number: count(view.count), file: view.fileName })}
      </span>
      {view.step === 'failed' && <ErrorMessage error={view.error} />}
    </div>
  );
}
