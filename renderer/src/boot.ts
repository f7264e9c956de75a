/**
 * The page's entry. Before the console's code is evaluated (the page preloads it meanwhile,
 * see vite.config.ts), it fetches the system language's strings and asks the console for what
 * the first page shows, so both arrive while that code runs; then it starts the console, or
 * the sign-in screen where the console is signed out of its desk.
 */
import { dropEarlyReads, startEarlyReads } from './api/early-reads';
import { callRaw, findTransport } from './api/transport';
import { openingReads } from './opening-reads';
import { loadCatalog, resolveLanguage } from './i18n/catalogs';
import { isSignedOut, loadConsoleCode, showConsole, showSignIn } from './screens';
import './styles.css';

// The language most analysts keep (another one chosen in the settings loads in main.tsx),
// asked for first: the host sends a file at once, while the queue's answer takes a query.
const language = resolveLanguage(null, navigator.languages);
void loadCatalog(language).catch(() => undefined);
// The queue's rows format times and numbers; the first formatter of a kind loads its locale's
// data. Made while the page waits for its scripts and answers, so the first render need not.
requestIdleCallback(() => {
  new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-1, 'day');
  new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(1);
});
// Takes the session token out of the address first, so the reads are for the page it shows.
const transport = findTransport();
// Asked alongside the first page's reads, not before them: a signed-in console waits for none.
const signInState = transport
  ? callRaw(transport, 'desk.signInState', {}).catch(() => null)
  : Promise.resolve(null);
if (transport) {
  startEarlyReads(
    (method, input) => callRaw(transport, method, input),
    openingReads(window.location.hash),
  );
}
// The console's code is evaluated while the answers travel, not after the sign-in state has
// come back: its scripts are preloaded anyway, and evaluating them (core's schemas) is the
// longest stretch before the first paint. A signed-out console evaluates it for nothing.
void loadConsoleCode().catch(() => undefined);

if (isSignedOut(await signInState)) {
  // Their answers are refusals; the console asks again once the analyst has signed in.
  dropEarlyReads();
  await showSignIn();
} else {
  await showConsole();
}
