// Copies the README's screenshots from the last end-to-end run (test/e2e/languages.spec.ts
// writes every page in every language to test-results/screenshots, reports.spec.ts the
// reports with figures in them) into docs/screenshots. Run `npx playwright test
// test/e2e/languages.spec.ts test/e2e/reports.spec.ts` first, then `npm run screenshots`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const FROM = 'test-results/screenshots';
const TO = 'docs/screenshots';
/** The main pages, each in a different language, as README.md shows them. */
export const README_SCREENSHOTS = [
  'en-tickets',
  'fr-ticket',
  'el-machine',
  'nl-settings-sla',
  'fr-settings-agents',
  'en-settings-data',
  'nl-kb-article',
  'el-kb',
  'nl-intake-call',
  'en-intake',
  'nl-machines-add-ssh',
  'en-machine-ssh',
  'fr-settings-mail',
  'en-reports-recurring',
];

const missing = README_SCREENSHOTS.filter((name) => !existsSync(path.join(FROM, `${name}.png`)));
if (missing.length > 0) {
  console.error(
    `Not in ${FROM}: ${missing.join(', ')}. Run the languages and reports end-to-end tests first.`,
  );
  process.exit(1);
}
mkdirSync(TO, { recursive: true });
for (const name of README_SCREENSHOTS) {
  copyFileSync(path.join(FROM, `${name}.png`), path.join(TO, `${name}.png`));
}
console.log(`Copied ${README_SCREENSHOTS.length} screenshots to ${TO}`);
