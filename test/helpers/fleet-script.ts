/** `npm run fleet -- ...` run in-process: what it printed and its exit code. */
import { runFleet } from '../../scripts/fleet';

export async function fleetScript(
  argv: string[],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFleet(
    argv,
    (line) => out.push(line),
    (line) => err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
