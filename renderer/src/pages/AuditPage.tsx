import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AuditActionSchema } from '@deskside/core';
import { useAddressParams } from '../app/use-address-params';
import { ErrorMessage } from '../components/ErrorMessage';
import { AuditEntries } from '../features/audit/AuditEntries';
import {
  auditQuery,
  filtersFromParams,
  paramsOfFilters,
  type AuditFilters,
} from '../features/audit/audit-query';
import { ExportAuditCsv } from '../features/audit/ExportAuditCsv';
import { useAuditLog } from '../features/audit/useAuditLog';
import { useDebounced } from '../features/kb/use-debounced';
import { formatNumber } from '../i18n/format';

const TYPING_PAUSE_MS = 300;

/** The audit log: who did what, when and from which PC, filtered, page by page, as CSV. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useAddressParams();
  const filters = filtersFromParams(params);
  // The field keeps what is typed itself: the address follows, a step behind a fast typist.
  const [typed, setTyped] = useState(filters.analyst);
  const analyst = useDebounced(typed, TYPING_PAUSE_MS);
  const { from, to, action } = filters;
  const query = useMemo(
    () => auditQuery({ analyst, action, from, to }),
    [analyst, action, from, to],
  );
  const log = useAuditLog(query);
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];
  const change = (next: Partial<AuditFilters>) => {
    setParams(paramsOfFilters({ ...filters, analyst: typed, ...next }));
  };
  const filtered = Object.keys(query).length > 0;

  return (
    <main>
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <ExportAuditCsv query={query} />
      </header>
      <p className="muted">{t('audit.intro')}</p>
      <form
        className="panel form inline"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <label>
          {t('audit.analyst')}
          <input
            value={typed}
            maxLength={120}
            spellCheck={false}
            placeholder={t('audit.analystHint')}
            onChange={(event) => {
              setTyped(event.target.value);
              change({ analyst: event.target.value });
            }}
          />
        </label>
        <label>
          {t('audit.action')}
          <select
            value={action}
            onChange={(event) => {
              const chosen = AuditActionSchema.safeParse(event.target.value);
              change({ action: chosen.success ? chosen.data : '' });
            }}
          >
            <option value="">{t('audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((id) => (
              <option key={id} value={id}>
                {t(`audit.actions.${id}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.from')}
          <input
            type="date"
            value={from}
            max={to || undefined}
            onChange={(event) => {
              change({ from: event.target.value });
            }}
          />
        </label>
        <label>
          {t('audit.to')}
          <input
            type="date"
            value={to}
            min={from || undefined}
            onChange={(event) => {
              change({ to: event.target.value });
            }}
          />
        </label>
        {(filtered || typed) && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setTyped('');
              setParams([]);
            }}
          >
            {t('audit.clear')}
          </button>
        )}
      </form>
      {log.error && (
        <ErrorMessage
          error={log.error}
          onRetry={log.error.code === 'forbidden' ? undefined : () => void log.refetch()}
        />
      )}
      {log.isPending && <p className="muted">{t('app.loading')}</p>}
      {log.data && (
        <p className="muted" role="status">
          {entries.length === 0
            ? t(filtered ? 'audit.noMatches' : 'audit.empty')
            : t(log.hasNextPage ? 'audit.shownMore' : 'audit.shown', {
                number: formatNumber(entries.length, i18n.language),
              })}
        </p>
      )}
      {entries.length > 0 && <AuditEntries entries={entries} />}
      {log.hasNextPage && (
        <p>
          <button
            type="button"
            className="secondary"
            disabled={log.isFetchingNextPage}
            onClick={() => void log.fetchNextPage()}
          >
            {t('audit.more')}
          </button>
        </p>
      )}
    </main>
  );
}
