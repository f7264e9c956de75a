import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretProtection as Protection } from '@deskside/core';
import { useApiQuery } from '../../api/hooks';
import { ErrorMessage } from '../../components/ErrorMessage';

/** What seals this console's secrets: the OS keychain by name, or the key file and why. */
export function SecretProtection() {
  const { t } = useTranslation();
  const heading = useId();
  const info = useApiQuery('app.info', {});
  const sentence = (protection: Protection) =>
    protection.kind === 'os-keychain'
      ? t(`settings.secrets.keychain.${protection.keychain}`)
      : t(`settings.secrets.keyFile.${protection.reason}`);
  return (
    <section className="panel" aria-labelledby={heading}>
      <h2 id={heading}>{t('settings.secrets.title')}</h2>
      {info.error ? (
        <ErrorMessage error={info.error} onRetry={() => void info.refetch()} />
      ) : (
        <p>{info.data ? sentence(info.data.secrets) : t('app.loading')}</p>
      )}
    </section>
  );
}
