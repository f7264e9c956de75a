/**
 * Runs one catalog check the way the agent does (through the runner: parameters validated,
 * timeout, result shape), optionally as another OS would see it: commands answered from
 * recorded outputs, systeminformation probes replaced by recorded facts.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  checkCatalog,
  COMMON_CHECK_CODES,
  CheckResultSchema,
  type CatalogCheckId,
  type CheckParamsInput,
  type CheckResult,
} from '@deskside/core';
import type { Exec } from '../../agent/src/checks/context';
import { replay } from '../../agent/src/collect/testing';
import { CheckRunner, type SystemProbes } from '../../agent/src/checks';
import { systemProbes } from '../../agent/src/checks/probes';

const FIXTURES = new URL('../../agent/src/checks/fixtures/', import.meta.url);

/** A recorded output: agent/src/checks/fixtures/<os>/<name>. */
export function fixture(os: 'linux' | 'win32' | 'darwin', name: string): string {
  return readFileSync(new URL(`${os}/${name}`, FIXTURES), 'utf8');
}

export interface Recording {
  /** The program, by full path or by its last path segment. */
  file: string;
  /** The exact arguments, when the test cares. */
  args?: string[];
  /** Not installed: the exec throws as the real one does for ENOENT. */
  missing?: boolean;
  exitCode?: number;
  stdout?: string;
  stderr?: string;
}

export interface RecordedExec extends Exec {
  /** Every command run, as [program, ...args]. */
  calls: string[][];
  /** A program is installed when it has a recording that is not `missing`. */
  isInstalled: (file: string) => Promise<boolean>;
}

const lastSegment = (file: string) => file.split(/[\\/]/).at(-1)!;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An `Exec` that answers from recordings (the collectors' replay, matching programs by
 * name wherever they are installed) and fails the test on any other command.
 */
export function recordedExec(recordings: Recording[]): RecordedExec {
  const { run, calls } = replay(
    recordings.map((recording) => ({
      file: recording.file,
      ...(recording.args
        ? { match: new RegExp(`^${escapeRegExp(recording.args.join(' '))}$`) }
        : {}),
      ...(recording.missing ? { failure: 'missing' as const } : {}),
      ...(recording.exitCode === undefined ? {} : { exitCode: recording.exitCode }),
      ...(recording.stdout === undefined ? {} : { stdout: recording.stdout }),
      ...(recording.stderr === undefined ? {} : { stderr: recording.stderr }),
    })),
  );
  const recorded = new Set(recordings.map((recording) => recording.file));
  const named = (file: string) => (recorded.has(file) ? file : lastSegment(file));
  const exec: Exec = (file, args, options) => run(named(file), args, options);
  const isInstalled = (file: string) =>
    Promise.resolve(
      recordings.some((recording) => recording.file === named(file) && !recording.missing),
    );
  return Object.assign(exec, { calls, isInstalled });
}

export interface RunCheckOptions {
  platform?: NodeJS.Platform;
  /** Recorded outputs; with the collectors' `replay`, every program counts as installed. */
  exec?: Exec | RecordedExec;
  probes?: Partial<SystemProbes>;
}

/**
 * Runs `checkId` and returns its result, checked against the result schema and the codes
 * the catalog declares for it: a check that invents a code fails here.
 */
export async function runCheck<K extends CatalogCheckId>(
  checkId: K,
  params: CheckParamsInput<K>,
  options: RunCheckOptions = {},
): Promise<CheckResult> {
  const failures: unknown[] = [];
  const runner = new CheckRunner({
    platform: options.platform ?? process.platform,
    probes: { ...systemProbes, ...options.probes },
    ...(options.exec
      ? {
          createExec: () => options.exec!,
          isInstalled:
            'isInstalled' in options.exec ? options.exec.isInstalled : () => Promise.resolve(true),
        }
      : {}),
    onCheckFailure: (_id, error) => failures.push(error),
  });
  const [result] = await runner.run([{ checkId, params }]);
  expect(failures, 'the check threw').toEqual([]);
  expect(CheckResultSchema.parse(result)).toEqual(result);
  const codes: readonly string[] = [...checkCatalog[checkId].codes, ...COMMON_CHECK_CODES];
  expect(codes, `${checkId} does not declare ${result!.code}`).toContain(result!.code);
  return result!;
}
