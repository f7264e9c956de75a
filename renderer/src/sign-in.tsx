import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { CrashBoundary } from './components/CrashBoundary';
import { setupI18n } from './i18n';
import { resolveLanguage } from './i18n/catalogs';
import { SignInPage } from './pages/SignInPage';
import { showConsole, type Screen } from './screens';

/**
 * The sign-in screen of a console that is signed out of its desk: the form alone, none of the
 * console's pages, router or query cache. Signing in gives way to the console.
 */
export async function openSignInScreen(): Promise<Screen> {
  const client = connect();
  if (!client) throw new Error('The sign-in screen has no console to sign in to');
  const [state, settings] = await Promise.all([
    client.call('desk.signInState', {}),
    client.call('settings.get', {}).catch(() => null),
  ]);
  await setupI18n(resolveLanguage(settings?.language ?? null, navigator.languages));
  const signedIn = () => {
    void showConsole();
  };
  if (state.state === 'signed-in') {
    // Signed in meanwhile (another window of this console): straight on to the console.
    return {
      render() {
        signedIn();
        return () => undefined;
      },
    };
  }
  return {
    render(element) {
      const root = createRoot(element);
      root.render(
        <StrictMode>
          <CrashBoundary>
            <SignInPage
              client={client}
              desk={state.desk}
              reason={state.reason}
              language={settings?.language}
              onSignedIn={signedIn}
            />
          </CrashBoundary>
        </StrictMode>,
      );
      return () => {
        root.unmount();
      };
    },
  };
}
