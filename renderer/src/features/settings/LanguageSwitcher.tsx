import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LanguageSchema } from '@deskside/core';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { applyLanguage } from '../../i18n';
import { resolveLanguage } from '../../i18n/catalogs';

const SYSTEM = 'system';

/** Chooses the UI language; the choice is kept in this console's settings. */
export function LanguageSwitcher({
  label,
  className = 'language',
}: {
  label?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const settings = useApiQuery('settings.get', {});
  const update = useApiMutation('settings.update', {
    onSuccess: (saved) => applyLanguage(resolveLanguage(saved.language, navigator.languages)),
  });

  return (
    <div className={className}>
      <label htmlFor={id}>{label ?? t('app.language')}</label>
      <select
        id={id}
        value={settings.data?.language ?? SYSTEM}
        disabled={!settings.data || update.isPending}
        onChange={(event) => {
          const value = event.target.value;
          update.mutate({ language: value === SYSTEM ? null : LanguageSchema.parse(value) });
        }}
      >
        <option value={SYSTEM}>{t('app.systemLanguage')}</option>
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
