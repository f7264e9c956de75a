import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '@deskside/core';

/** One option per language Deskside speaks, each named in the UI language. */
export function LanguageOptions() {
  const { t } = useTranslation();
  return LANGUAGES.map((language) => (
    <option key={language} value={language} lang={language}>
      {t(`languages.${language}`)}
    </option>
  ));
}
