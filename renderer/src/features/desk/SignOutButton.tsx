import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { showSignIn } from '../../screens';

/** Signs the analyst out of the desk, back to the sign-in screen; only where they signed in. */
export function SignOutButton() {
  const { t } = useTranslation();
  const state = useApiQuery('desk.signInState', {});
  const signOut = useApiMutation('desk.signOut', {
    onSuccess: () => showSignIn(),
  });
  if (state.data?.state !== 'signed-in' || state.data.byAddress) return null;
  return (
    <button
      type="button"
      className="secondary small"
      disabled={signOut.isPending}
      onClick={() => {
        signOut.mutate({});
      }}
    >
      {t('app.signOut')}
    </button>
  );
}
