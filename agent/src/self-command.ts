import path from 'node:path';
import { isSea } from 'node:sea';

/**
 * How this agent was started, so it can start itself again (the inventory refresh child) or
 * be written into a service definition: the Node.js executable and the bundle's path, or,
 * for the self-contained executable (a Node.js single executable application, whose
 * `process.execPath` is the agent itself and whose `process.argv[1]` repeats it), the
 * executable alone.
 */
export interface SelfCommand {
  /** The program to run: node, or the agent's own executable. */
  executable: string;
  /** The bundle node runs; null for the self-contained executable. */
  script: string | null;
}

export function selfCommand(
  argv: readonly string[] = process.argv,
  execPath: string = process.execPath,
  selfContained: boolean = isSea(),
): SelfCommand {
  if (selfContained) return { executable: execPath, script: null };
  const script = argv[1];
  if (!script) throw new Error('The agent cannot tell which script it runs from');
  return { executable: execPath, script: path.resolve(script) };
}

/** The command line that runs the agent with `args`: [program, ...arguments]. */
export const selfArguments = (self: SelfCommand, args: readonly string[]): string[] => [
  self.executable,
  ...(self.script === null ? [] : [self.script]),
  ...args,
];
