import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App, startConsole } from './app/App';
import { setupI18n } from './i18n';
import { resolveLanguage } from './i18n/catalogs';

// Started by boot.ts, the page's entry, which has asked for the first page's reads already.
const client = connect();
// Before anything is awaited: the first page's code and data then load alongside the
// settings and the language.
const session = client ? startConsole(client) : null;
// The language is settled before the first paint, so the page never flashes in English.
const settings = await client?.call('settings.get', {}).catch(() => null);
await setupI18n(resolveLanguage(settings?.language ?? null, navigator.languages));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
