import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App, startConsole } from './app/App';
import { CrashBoundary } from './components/CrashBoundary';
import { setupI18n } from './i18n';
import { resolveLanguage } from './i18n/catalogs';
import { showSignIn, type Screen } from './screens';

/**
 * The console, opened by boot.ts (which has asked for the first page's reads already) or
 * after the analyst signed in. A console that answers `signed_out` (signed out, or refused
 * by the desk) gives way to the sign-in screen.
 */
export async function openConsoleScreen(): Promise<Screen> {
  const client = connect({
    onSignedOut: () => {
      void showSignIn();
    },
  });
  // Before anything is awaited: the first page's code and data then load alongside the
  // settings and the language.
  const session = client ? startConsole(client) : null;
  // The language is settled before the first paint, so the page never flashes in English.
  const settings = await client?.call('settings.get', {}).catch(() => null);
  await setupI18n(resolveLanguage(settings?.language ?? null, navigator.languages));
  return {
    render(element) {
      const root = createRoot(element);
      root.render(
        <StrictMode>
          <CrashBoundary>
            <App session={session} />
          </CrashBoundary>
        </StrictMode>,
      );
      return () => {
        root.unmount();
        session?.router.dispose();
        session?.queryClient.clear();
      };
    },
  };
}
