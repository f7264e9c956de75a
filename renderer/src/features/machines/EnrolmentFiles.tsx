import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Enrolment, IssuedEnrolment } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../i18n/format';

/** A link that saves the issued file as enrolment.json. */
function DownloadLink({ issued }: { issued: IssuedEnrolment }) {
  const { t } = useTranslation();
  const href = useMemo(
    () => `data:application/json;charset=utf-8,${encodeURIComponent(issued.fileText)}`,
    [issued.fileText],
  );
  return (
    <div role="status">
      <a href={href} download="enrolment.json" className="button">
        {t('enrolment.download')}
      </a>
      <p className="muted">{t('enrolment.downloadHint')}</p>
    </div>
  );
}

function state(enrolment: Enrolment, now: number): 'revoked' | 'expired' | 'usedUp' | 'active' {
  if (enrolment.revokedAt) return 'revoked';
  if (Date.parse(enrolment.expiresAt) <= now) return 'expired';
  if (enrolment.usedMachines >= enrolment.maxMachines) return 'usedUp';
  return 'active';
}

/** Issue an enrolment file, download it, and list and revoke the files issued so far. */
export function EnrolmentFiles() {
  const { t, i18n } = useTranslation();
  const [label, setLabel] = useState('');
  const [validDays, setValidDays] = useState('14');
  const [maxMachines, setMaxMachines] = useState('100');
  const [issued, setIssued] = useState<IssuedEnrolment | null>(null);
  const enrolments = useApiQuery('machines.enrolments', {});
  const issue = useApiMutation('machines.issueEnrolment', { onSuccess: setIssued });
  const revoke = useApiMutation('machines.revokeEnrolment');
  // When the list was read: what "expired" is measured against.
  const now = enrolments.dataUpdatedAt;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    setIssued(null);
    issue.mutate({
      label: label.trim(),
      validDays: Number(validDays),
      maxMachines: Number(maxMachines),
    });
  };

  return (
    <section className="panel form" aria-labelledby="enrolment-files">
      <h2 id="enrolment-files">{t('enrolment.title')}</h2>
      <p className="muted">{t('enrolment.intro')}</p>
      <form onSubmit={submit} aria-label={t('enrolment.issue')} className="inline">
        <label>
          {t('enrolment.label')}
          <input
            value={label}
            onChange={(e) => {
              setLabel(e.target.value);
            }}
            maxLength={100}
            required
          />
        </label>
        <label>
          {t('enrolment.validDays')}
          <input
            value={validDays}
            onChange={(e) => {
              setValidDays(e.target.value);
            }}
            inputMode="numeric"
            required
          />
        </label>
        <label>
          {t('enrolment.maxMachines')}
          <input
            value={maxMachines}
            onChange={(e) => {
              setMaxMachines(e.target.value);
            }}
            inputMode="numeric"
            required
          />
        </label>
        <button type="submit" disabled={issue.isPending}>
          {issue.isPending ? t('enrolment.issuing') : t('enrolment.issue')}
        </button>
      </form>
      {issue.error && <ErrorMessage error={issue.error} />}
      {issued && <DownloadLink issued={issued} />}
      {enrolments.error && (
        <ErrorMessage error={enrolments.error} onRetry={() => void enrolments.refetch()} />
      )}
      {revoke.error && <ErrorMessage error={revoke.error} />}
      {enrolments.data?.length === 0 && <p className="muted">{t('enrolment.none')}</p>}
      {enrolments.data && enrolments.data.length > 0 && (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('enrolment.label')}</th>
              <th scope="col">{t('enrolment.issued')}</th>
              <th scope="col">{t('enrolment.expiresAt')}</th>
              <th scope="col">{t('enrolment.machines')}</th>
              <th scope="col">{t('enrolment.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('enrolment.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {enrolments.data.map((enrolment) => {
              const current = state(enrolment, now);
              return (
                <tr key={enrolment.id}>
                  <td>{enrolment.label}</td>
                  <td>
                    {t('enrolment.issuedBy', {
                      who: enrolment.issuedBy,
                      when: formatDateTime(enrolment.issuedAt, i18n.language),
                    })}
                  </td>
                  <td>{formatDateTime(enrolment.expiresAt, i18n.language)}</td>
                  <td>
                    {t('enrolment.used', {
                      used: enrolment.usedMachines,
                      max: enrolment.maxMachines,
                    })}
                  </td>
                  <td>{t(`enrolment.state.${current}`)}</td>
                  <td>
                    {current !== 'revoked' && (
                      <button
                        type="button"
                        disabled={revoke.isPending}
                        onClick={() => {
                          revoke.mutate({ id: enrolment.id });
                        }}
                      >
                        {t('enrolment.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
