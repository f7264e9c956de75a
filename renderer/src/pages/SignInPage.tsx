import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, SignInProblem } from '@deskside/core';
import type { ApiClient } from '../api/client';
import { SignInForm } from '../features/desk/SignInForm';
import { LanguageSelect } from '../features/settings/LanguageSelect';
import { applyLanguage } from '../i18n';
import { resolveLanguage } from '../i18n/catalogs';

/**
 * The console of a shared desk before an analyst has signed in: which desk, the sign-in form,
 * and the language (kept in this console's settings, like the sidebar's choice).
 */
export function SignInPage({
  client,
  desk,
  reason,
  language,
  onSignedIn,
}: {
  client: ApiClient;
  /** host/database */
  desk: string;
  reason: SignInProblem | null;
  /** The console's choice; undefined when its settings could not be read. */
  language: Language | null | undefined;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(language);
  const [saving, setSaving] = useState(false);
  const choose = async (next: Language | null) => {
    setSaving(true);
    try {
      const saved = await client.call('settings.update', { language: next });
      setChosen(saved.language);
      await applyLanguage(resolveLanguage(saved.language, navigator.languages));
    } catch {
      // Not saved: the list goes on showing the language the page is in.
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="sign-in">
      <p className="sign-in-brand">{t('app.name')}</p>
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.desk', { desk })}</p>
      <SignInForm client={client} reason={reason} onSignedIn={onSignedIn} />
      <LanguageSelect
        value={chosen}
        disabled={saving}
        onChange={(next) => void choose(next)}
        className="language-field"
      />
    </main>
  );
}
