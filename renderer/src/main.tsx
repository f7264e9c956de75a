import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/client';
import { App } from './app/App';
import { applyLanguage, resolveLanguage, setupI18n } from './i18n';
import './styles.css';

const client = connect();
// The language is settled before the first paint, so the page never flashes in English.
const settings = await client?.call('settings.get', {}).catch(() => null);
const language = resolveLanguage(settings?.language ?? null, navigator.languages);
setupI18n(language);
await applyLanguage(language);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
