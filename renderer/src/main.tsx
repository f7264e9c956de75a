import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App, openConsole } from './app/App';
import { loadCatalog, resolveLanguage, setupI18n } from './i18n';
import './styles.css';

const client = connect();
// Once connect() has taken the session token out of the address, and before anything is
// awaited: the first page's code and data then load alongside the settings and the language.
const session = client ? openConsole(client) : null;
// The language is settled before the first paint, so the page never flashes in English. The
// system's language is what most analysts keep: its strings load while the settings are asked.
const systemLanguage = resolveLanguage(null, navigator.languages);
void loadCatalog(systemLanguage).catch(() => undefined);
const settings = await client?.call('settings.get', {}).catch(() => null);
await setupI18n(resolveLanguage(settings?.language ?? null, navigator.languages));

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App session={session} />
  </StrictMode>,
);
