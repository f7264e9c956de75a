import { render, screen, waitFor } from '@testing-library/react';
import { flushSync } from 'react-dom';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { useAddressParams } from './use-address-params';

/** Filters as a page keeps them: each change merges into the values of the last draw. */
function Filters() {
  const [params, setParams] = useAddressParams();
  const values = { q: params.get('q') ?? '', language: params.get('language') ?? '' };
  const update = (changes: Partial<typeof values>) => {
    setParams(Object.entries({ ...values, ...changes }).filter(([, value]) => value !== ''));
  };
  return (
    <>
      <input
        aria-label="Search"
        value={values.q}
        onChange={(event) => {
          update({ q: event.target.value });
        }}
      />
      <select
        aria-label="Language"
        value={values.language}
        onChange={(event) => {
          update({ language: event.target.value });
        }}
      >
        <option value="">Any</option>
        <option value="fr">French</option>
      </select>
    </>
  );
}

/** Lets the router finish a navigation (promises only), but gives no later task a chance. */
async function promisesSettle() {
  for (let round = 0; round < 50; round += 1) await Promise.resolve();
}

/**
 * What the browser does when the analyst changes a field. Not Testing Library's `fireEvent`:
 * that wraps the event in React's `act`, which draws every pending update before it returns
 * and so hides the deferred draw this test is about.
 */
function change(field: HTMLInputElement | HTMLSelectElement, value: string) {
  const prototype = Object.getPrototypeOf(field) as object;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(
    new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
  );
}

const reactActEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
afterEach(() => {
  reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
});

describe('the filters in a page’s address', () => {
  it('keeps two quick changes when the second comes before the browser draws again', async () => {
    const router = createMemoryRouter([{ path: '/', element: <Filters /> }], {
      initialEntries: ['/?q=deverrouille'],
    });
    // What react-router/dom's provider adds (the app's); that entry point itself loads a
    // second copy of the router in this test environment.
    const drawNow = (draw: () => unknown): undefined => {
      flushSync(draw);
      return undefined;
    };
    render(<RouterProvider router={router} flushSync={drawNow} />);
    const history = router.state.historyAction;
    reactActEnvironment.IS_REACT_ACT_ENVIRONMENT = false;

    change(screen.getByLabelText('Search'), '');
    await promisesSettle();
    change(screen.getByLabelText('Language'), 'fr');

    await waitFor(() => {
      expect(router.state.location.search).toBe('?language=fr');
    });
    expect(screen.getByLabelText<HTMLInputElement>('Search').value).toBe('');
    expect(screen.getByLabelText<HTMLSelectElement>('Language').value).toBe('fr');
    expect([history, router.state.historyAction]).toEqual(['POP', 'REPLACE']);
  });
});
