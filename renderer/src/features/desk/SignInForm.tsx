import { useId, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInProblem } from '@deskside/core';
import type { ApiClient } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { refusalOf, refusalOfError, type SignInRefusal } from './sign-in-problems';

/**
 * An analyst's sign-in name and password, sent to the console, which opens the desk with
 * them. The password stays in this form's state only until the console answers.
 */
export function SignInForm({
  client,
  reason,
  onSignedIn,
}: {
  client: ApiClient;
  /** Why the console is signed out, said before anyone has tried. */
  reason: SignInProblem | null;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  const base = useId();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [refusal, setRefusal] = useState<SignInRefusal | null>(reason && refusalOf(reason));
  const [failure, setFailure] = useState<unknown>(null);
  const passwordField = useRef<HTMLInputElement>(null);
  const problemId = `${base}problem`;
  const invalid = (field: SignInRefusal['field']) =>
    refusal && refusal.field === field
      ? { 'aria-invalid': true, 'aria-describedby': problemId }
      : {};

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setPending(true);
    setRefusal(null);
    setFailure(null);
    try {
      const state = await client.call('desk.signIn', { login: login.trim(), password });
      if (state.state === 'signed-in') {
        // The form stays busy until the console takes its place.
        onSignedIn();
        return;
      }
      setRefusal(state.reason && refusalOf(state.reason));
    } catch (error) {
      const refused = refusalOfError(error);
      setRefusal(refused);
      if (!refused) setFailure(error);
    }
    setPassword('');
    setPending(false);
    passwordField.current?.focus();
  };

  return (
    <form
      className="form"
      aria-label={t('signIn.title')}
      aria-busy={pending}
      onSubmit={(event) => void submit(event)}
    >
      {refusal && (
        <p id={problemId} role="alert" className="error">
          {t(refusal.message)}
        </p>
      )}
      {failure !== null && <ErrorMessage error={failure} />}
      <label>
        {t('signIn.login')}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={40}
          value={login}
          onChange={(event) => {
            setLogin(event.target.value);
          }}
          {...invalid('login')}
        />
      </label>
      <label>
        {t('signIn.password')}
        <input
          ref={passwordField}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          maxLength={200}
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          {...invalid('password')}
        />
      </label>
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? t('signIn.signingIn') : t('signIn.submit')}
        </button>
        {/* The button says it; the status tells a screen reader too. */}
        <span role="status" className="visually-hidden">
          {pending ? t('signIn.signingIn') : ''}
        </span>
      </div>
    </form>
  );
}
