import { act, fireEvent, render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../i18n';
import en from '../i18n/en.json';
import fr from '../i18n/fr.json';
import { CrashBoundary, RouteCrash } from './CrashBoundary';

function BrokenPage(): never {
  throw new TypeError('ticket.person is undefined');
}

/** jsdom has no clipboard: a stand-in that records what is written, or refuses. */
function standInClipboard(refuse = false) {
  const writeText = vi.fn((text: string) =>
    refuse ? Promise.reject(new Error('denied')) : Promise.resolve(text).then(() => undefined),
  );
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  return writeText;
}

function renderBroken() {
  render(
    <CrashBoundary>
      <BrokenPage />
    </CrashBoundary>,
  );
}

async function clickCopy() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: en.crash.copy }));
    await Promise.resolve();
  });
}

const report = () => screen.getByLabelText<HTMLTextAreaElement>(en.crash.report).value;

beforeAll(async () => {
  await setupI18n('en');
});
beforeEach(() => {
  // React reports the caught error on the console; the test reads it from the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('a page that fails to render (stand-in clipboard)', () => {
  it('shows what happened and a report with the error, its stack and the component', () => {
    renderBroken();
    expect(screen.getByRole('alert', { name: en.crash.title })).toBeTruthy();
    expect(screen.getByText(en.crash.explain)).toBeTruthy();
    expect(report()).toMatch(/^Deskside error report\n/);
    expect(report()).toContain('TypeError: ticket.person is undefined\n    at BrokenPage');
    expect(report()).toMatch(/Component stack:\n\s*at BrokenPage/);
  });

  it('copies the report to the clipboard, and says so', async () => {
    const writeText = standInClipboard();
    renderBroken();
    await clickCopy();
    expect(writeText).toHaveBeenCalledWith(report());
    expect(screen.getByRole('status').textContent).toBe(en.crash.copied);
  });

  it('says to copy it by hand where the clipboard refuses', async () => {
    standInClipboard(true);
    renderBroken();
    await clickCopy();
    expect(screen.getByRole('status').textContent).toBe(en.crash.copyFailed);
  });

  it('shows the same report for a page that fails inside the router', () => {
    const router = createMemoryRouter([
      {
        path: '/',
        errorElement: <RouteCrash />,
        children: [{ index: true, element: <BrokenPage /> }],
      },
    ]);
    render(<RouterProvider router={router} />);
    expect(screen.getByRole('alert', { name: en.crash.title })).toBeTruthy();
    expect(report()).toContain('TypeError: ticket.person is undefined');
  });

  it('speaks the analyst’s language', async () => {
    await setupI18n('fr');
    try {
      renderBroken();
      expect(screen.getByRole('button', { name: fr.crash.copy })).toBeTruthy();
      expect(screen.getByText(fr.crash.explain)).toBeTruthy();
    } finally {
      await setupI18n('en');
    }
  });
});
