import { execFileSync } from 'node:child_process';

/**
 * Integration tests start the real agent process, so build it once before they run: the
 * bundle for Node.js and the self-contained executable (agent/dist/sea, a few seconds).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['agent/build.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['agent/build-sea.mjs'], { stdio: 'inherit' });
}
