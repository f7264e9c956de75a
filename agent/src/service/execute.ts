import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ServicePlan, ServicePlatform, ServiceStep } from './plan';
import { shellArgument } from './quoting';
import { windowsCommandLine } from './windows';

const execFileAsync = promisify(execFile);

export const commandLine = (platform: ServicePlatform, argv: string[]): string =>
  platform === 'win32' ? windowsCommandLine(argv) : argv.map(shellArgument).join(' ');

function describeStep(platform: ServicePlatform, step: ServiceStep): string {
  switch (step.kind) {
    case 'write': {
      const when = step.onlyIfMissing ? ', unless it exists' : '';
      const mode = step.mode.toString(8);
      return `--- write ${step.path} (mode ${mode}${when})\n${step.content.trimEnd()}\n---`;
    }
    case 'remove':
      return `--- remove ${step.path}`;
    case 'mkdir':
      return `--- create the folder ${step.path}`;
    case 'require':
      return `--- needs ${step.path}: ${step.why}`;
    case 'run': {
      const unless = step.unless
        ? ` (unless \`${commandLine(platform, step.unless)}\` succeeds)`
        : '';
      return `--- run${unless}\n${commandLine(platform, step.argv)}`;
    }
  }
}

/** What the plan would do, for `--dry-run`: every file in full and every command. */
export function describePlan(platform: ServicePlatform, plan: ServicePlan): string {
  return [...plan.steps.map((step) => describeStep(platform, step)), ...plan.notes].join('\n');
}

/** How steps touch the system; tests give one that records instead. */
export interface ServiceIo {
  run(argv: string[]): Promise<void>;
  succeeds(argv: string[]): Promise<boolean>;
  exists(file: string): boolean;
  writeFile(file: string, content: string, mode: number): Promise<void>;
  remove(file: string): Promise<void>;
  mkdir(dir: string): Promise<void>;
}

export const systemIo: ServiceIo = {
  async run(argv) {
    const [file, ...args] = argv;
    if (!file) return;
    try {
      await execFileAsync(file, args, { windowsHide: true });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(
        `\`${argv.join(' ')}\` failed: ${stderr?.trim() || (error as Error).message}`,
        { cause: error },
      );
    }
  },
  async succeeds(argv) {
    const [file, ...args] = argv;
    if (!file) return false;
    return execFileAsync(file, args, { windowsHide: true }).then(
      () => true,
      () => false,
    );
  },
  exists: existsSync,
  async writeFile(file, content, mode) {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o755 });
    await writeFile(file, content, { mode });
  },
  remove: (file) => rm(file, { force: true }),
  mkdir: async (dir) => {
    await mkdir(dir, { recursive: true });
  },
};

/** Runs the plan's steps in order, stopping at the first that fails; returns what was done. */
export async function executePlan(
  platform: ServicePlatform,
  plan: ServicePlan,
  io: ServiceIo,
): Promise<string[]> {
  const done: string[] = [];
  for (const step of plan.steps) {
    switch (step.kind) {
      case 'require':
        if (!io.exists(step.path))
          throw new Error(`${step.path} is missing: it must be ${step.why}`);
        break;
      case 'write':
        if (step.onlyIfMissing && io.exists(step.path)) {
          done.push(`kept ${step.path}`);
          break;
        }
        await io.writeFile(step.path, step.content, step.mode);
        done.push(`wrote ${step.path}`);
        break;
      case 'remove':
        await io.remove(step.path);
        done.push(`removed ${step.path}`);
        break;
      case 'mkdir':
        await io.mkdir(step.path);
        done.push(`created ${step.path}`);
        break;
      case 'run':
        if (step.unless && (await io.succeeds(step.unless))) break;
        try {
          await io.run(step.argv);
        } catch (error) {
          if (!step.mayFail) throw error;
          done.push(`${(error as Error).message} (going on)`);
          break;
        }
        done.push(`ran ${commandLine(platform, step.argv)}`);
        break;
    }
  }
  return done;
}
