import { Component, useId, useState, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';
import { buildErrorReport } from '@deskside/core';

/** The report an analyst copies from a page that failed: the error, where, and the browser. */
export function pageReport(error: unknown, componentStack: string | null, time: Date): string {
  return buildErrorReport({
    what: 'The console page failed to show',
    error,
    time,
    version: null,
    system: navigator.userAgent,
    runtime: {},
    sections: [
      { title: 'Address', lines: [location.href] },
      {
        title: 'Component stack',
        lines: (componentStack ?? '').split('\n').filter((line) => line.trim() !== ''),
      },
    ],
  });
}

/** What replaces a page that failed: what happened, the report, and a button to copy it. */
export function CrashReport({
  error,
  componentStack = null,
}: {
  error: unknown;
  componentStack?: string | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [report] = useState(() => pageReport(error, componentStack, new Date()));
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(report).then(
      () => {
        setCopied(true);
      },
      () => {
        setCopied(false);
      },
    );
  };
  return (
    <main className="crash" role="alert" aria-labelledby={`${id}title`}>
      <h1 id={`${id}title`}>{t('crash.title')}</h1>
      <p>{t('crash.explain')}</p>
      <p>
        <button type="button" className="primary" onClick={copy}>
          {t('crash.copy')}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            location.reload();
          }}
        >
          {t('crash.reload')}
        </button>
      </p>
      <p role="status">
        {copied === true && t('crash.copied')}
        {copied === false && t('crash.copyFailed')}
      </p>
      <label htmlFor={`${id}report`}>{t('crash.report')}</label>
      <textarea id={`${id}report`} readOnly rows={16} value={report} />
    </main>
  );
}

interface BoundaryState {
  error: { value: unknown; componentStack: string | null } | null;
}

/** The top of the page: an error while rendering shows CrashReport, not a blank window. */
export class CrashBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: { value: error, componentStack: null } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ error: { value: error, componentStack: info.componentStack ?? null } });
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <CrashReport
        key={error.componentStack ?? ''}
        error={error.value}
        componentStack={error.componentStack}
      />
    );
  }
}

/** The router's error element: a page that failed inside the router shows the same report. */
export function RouteCrash() {
  return <CrashReport error={useRouteError()} />;
}
