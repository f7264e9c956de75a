import { useId, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataFormatSchema, type DataFormat } from '@deskside/core';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TransferProgress } from './TransferProgress';
import { useExport, useImport, type TransferView } from './useTransfers';

const busy = (view: TransferView) =>
  view.step === 'sending' || view.step === 'working' || view.step === 'saving';

function FormatSelect({
  value,
  onChange,
}: {
  value: DataFormat;
  onChange: (f: DataFormat) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <label htmlFor={id}>
      {t('settings.data.format')}
      <select
        id={id}
        value={value}
        onChange={(e) => {
          onChange(DataFormatSchema.parse(e.target.value));
        }}
      >
        {DataFormatSchema.options.map((format) => (
          <option key={format} value={format}>
            {t(`settings.data.formats.${format}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Outcome({ view }: { view: TransferView }) {
  const { t, i18n } = useTranslation();
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  switch (view.step) {
    case 'saved':
      return <p role="status">{t('settings.data.saved', { file: view.fileName })}</p>;
    case 'imported':
      return (
        <p role="status">
          {t('settings.data.imported', {
            tickets: number(view.job.result?.tickets ?? 0),
            people: number(view.job.result?.people ?? 0),
          })}
        </p>
      );
    case 'cancelled':
      return <p role="status">{t('settings.data.cancelled')}</p>;
    case 'failed':
      return <ErrorMessage error={view.error} />;
    default:
      return null;
  }
}

/** Export and import of the desk's data, with progress and a cancel button while they run. */
export function DataTransfers() {
  const { t } = useTranslation();
  const [exportFormat, setExportFormat] = useState<DataFormat>('json');
  const [importFormat, setImportFormat] = useState<DataFormat>('json');
  const [file, setFile] = useState<File | null>(null);
  const exporting = useExport(exportFormat);
  const importing = useImport(file, importFormat);
  const fileId = useId();

  const startImport = (event: SubmitEvent) => {
    event.preventDefault();
    importing.start();
  };

  return (
    <>
      <section className="panel form" aria-labelledby={`${fileId}export`}>
        <h2 id={`${fileId}export`}>{t('settings.data.exportTitle')}</h2>
        <p className="muted">{t('settings.data.exportIntro')}</p>
        <div className="inline-field">
          <FormatSelect value={exportFormat} onChange={setExportFormat} />
          <button type="button" disabled={busy(exporting.view)} onClick={exporting.start}>
            {t('settings.data.export')}
          </button>
        </div>
        <TransferProgress
          view={exporting.view}
          onCancel={exporting.cancel}
          label={t('settings.data.exportTitle')}
        />
        <Outcome view={exporting.view} />
      </section>
      <form className="panel form" onSubmit={startImport} aria-labelledby={`${fileId}import`}>
        <h2 id={`${fileId}import`}>{t('settings.data.importTitle')}</h2>
        <p className="muted">{t('settings.data.importIntro')}</p>
        <div className="inline-field">
          <FormatSelect value={importFormat} onChange={setImportFormat} />
          <label htmlFor={fileId}>
            {t('settings.data.file')}
            <input
              id={fileId}
              type="file"
              accept={importFormat === 'json' ? '.json,application/json' : '.csv,text/csv'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
              }}
            />
          </label>
          <button type="submit" disabled={!file || busy(importing.view)}>
            {t('settings.data.import')}
          </button>
        </div>
        <TransferProgress
          view={importing.view}
          onCancel={importing.cancel}
          label={t('settings.data.importTitle')}
        />
        <Outcome view={importing.view} />
      </form>
    </>
  );
}
