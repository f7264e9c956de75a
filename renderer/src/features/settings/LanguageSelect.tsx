import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '@deskside/core/schema-free';

const SYSTEM = 'system';

const isLanguage = (value: string): value is Language =>
  (LANGUAGES as readonly string[]).includes(value);

/** The UI language's list: the system's, or one of Deskside's; null stands for the system's. */
export function LanguageSelect({
  value,
  disabled,
  onChange,
  label,
  className = 'language',
}: {
  /** undefined while the console's choice is not known yet. */
  value: Language | null | undefined;
  disabled: boolean;
  onChange: (language: Language | null) => void;
  label?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={className}>
      <label htmlFor={id}>{label ?? t('app.language')}</label>
      <select
        id={id}
        value={value ?? SYSTEM}
        disabled={disabled || value === undefined}
        onChange={(event) => {
          const chosen = event.target.value;
          onChange(isLanguage(chosen) ? chosen : null);
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
