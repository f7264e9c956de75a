/**
 * What the page shows: the console, or on a desk whose analysts sign in at the console, the
 * sign-in screen. Each is a module of its own, loaded when it is first shown, so the sign-in
 * screen runs none of the console's pages; signing in or out swaps one for the other. Holds
 * no React and no schemas: the page's entry (boot.ts) uses it.
 */

/** A screen whose code and strings are in hand: rendering it is all that is left. */
export interface Screen {
  /** Renders into the page's root; returns what takes it away again. */
  render(root: HTMLElement): () => void;
}

type ScreenName = 'console' | 'sign-in';

let removeShown: (() => void) | undefined;
let showing: Promise<void> = Promise.resolve();
/** The screen shown, or on its way: asked for again (every read refused at once), it is one. */
let wanted: { name: ScreenName; shown: Promise<void> } | undefined;

function pageRoot(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  return root;
}

/** The next screen replaces the shown one once it is ready: the page never goes blank. */
function show(name: ScreenName, open: () => Promise<Screen>): Promise<void> {
  if (wanted?.name === name) return wanted.shown;
  const next = showing.then(async () => {
    const screen = await open();
    removeShown?.();
    removeShown = screen.render(pageRoot());
  });
  // A screen that failed to open leaves the next one free to try.
  showing = next.catch(() => undefined);
  wanted = { name, shown: next };
  return next;
}

/** The console's code (main.tsx and its imports), evaluated once however often asked for. */
export function loadConsoleCode() {
  return import('./main');
}

export function showConsole(): Promise<void> {
  return show('console', async () => (await loadConsoleCode()).openConsoleScreen());
}

export function showSignIn(): Promise<void> {
  return show('sign-in', async () => (await import('./sign-in')).openSignInScreen());
}

/**
 * Whether the console's answer to `desk.signInState` says it is signed out. Read without
 * core's schemas, which the entry does not wait for; anything else is taken for signed in,
 * and the console's own pages show what went wrong.
 */
export function isSignedOut(answer: unknown): boolean {
  if (typeof answer !== 'object' || answer === null || !('ok' in answer)) return false;
  if (answer.ok !== true || !('value' in answer)) return false;
  const { value } = answer;
  return typeof value === 'object' && value !== null && 'state' in value
    ? value.state === 'signed-out'
    : false;
}
