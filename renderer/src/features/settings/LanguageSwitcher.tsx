import { useApiMutation, useApiQuery } from '../../api/hooks';
import { applyLanguage } from '../../i18n';
import { resolveLanguage } from '../../i18n/catalogs';
import { LanguageSelect } from './LanguageSelect';

/** Chooses the UI language; the choice is kept in this console's settings. */
export function LanguageSwitcher({ label, className }: { label?: string; className?: string }) {
  const settings = useApiQuery('settings.get', {});
  const update = useApiMutation('settings.update', {
    onSuccess: (saved) => applyLanguage(resolveLanguage(saved.language, navigator.languages)),
  });
  return (
    <LanguageSelect
      value={settings.data?.language}
      disabled={update.isPending}
      onChange={(language) => {
        update.mutate({ language });
      }}
      label={label}
      className={className}
    />
  );
}
