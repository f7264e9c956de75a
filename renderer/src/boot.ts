/**
 * The page's entry. Before the console's code is evaluated (the page preloads it meanwhile,
 * see vite.config.ts), it asks the console for what the first page shows and fetches the
 * system language's strings, so both arrive while that code runs; then it starts the console.
 */
import { startEarlyReads } from './api/early-reads';
import { callRaw, findTransport } from './api/transport';
import { openingReads } from './opening-reads';
import { loadCatalog, resolveLanguage } from './i18n/catalogs';
import './styles.css';

// Takes the session token out of the address first, so the reads are for the page it shows.
const transport = findTransport();
if (transport) {
  startEarlyReads(
    (method, input) => callRaw(transport, method, input),
    openingReads(window.location.hash),
  );
}
// The language most analysts keep; another one chosen in the settings loads in main.tsx.
void loadCatalog(resolveLanguage(null, navigator.languages)).catch(() => undefined);

await import('./main');
