import { execFileSync } from 'node:child_process';

/** Integration tests start the real agent process, so build it once before they run. */
export default function setup(): void {
  execFileSync(process.execPath, ['agent/build.mjs'], { stdio: 'inherit' });
}
