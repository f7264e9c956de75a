import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// English messages: zod/mini, which builds the schemas read while the agent idles (README,
// "Keeping the idle agent small"), sets no language of its own. And schemas built from here
// on (those of the API, which read what comes over the network) check input without
// generating code at run time: no eval in the agent.
z.config({ jitless: true, ...en() });
