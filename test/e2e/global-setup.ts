import { execFileSync } from 'node:child_process';

/** End-to-end tests drive what `npm start` runs: build it first. */
export default function globalSetup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
