/**
 * baseline.react_page_paint_ms: the smallest React page that shows a list like the queue's
 * (React and ReactDOM's production builds, one render, no data to fetch). What the console
 * takes beyond it is the console's own.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { BASELINE_ROWS, rowLabel } from './rows';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const rows = Array.from({ length: BASELINE_ROWS }, (_, index) =>
  createElement('div', { role: 'option', key: index, 'aria-selected': false }, rowLabel(index)),
);
createRoot(root).render(createElement('div', { role: 'listbox', 'aria-label': 'Tickets' }, rows));
