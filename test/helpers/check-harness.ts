/**
 * Runs one catalog check the way the agent does (through the runner: parameters validated,
 * timeout, result shape), optionally as another OS would see it: commands answered from
 * recorded outputs, systeminformation probes replaced by recorded facts.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import {
  checkCatalog,
  commonCheckFacts,
  COMMON_CHECK_CODES,
  CheckResultSchema,
  isCatalogCheckId,
  isCommonCheckCode,
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
  /** Or a pattern the arguments match (PowerShell: the decoded script). */
  match?: RegExp;
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
        : recording.match
          ? { match: recording.match }
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
 * Fails unless a catalog check's facts are what its schema declares (the runner's schema for
 * the runner's codes), naming the facts that differ.
 */
export function expectDeclaredFacts(result: CheckResult): void {
  expect(isCatalogCheckId(result.checkId), `${result.checkId} is a catalog check`).toBe(true);
  expect(result.code, `${result.checkId} answered facts outside its schema`).not.toBe(
    'check.invalid_facts',
  );
  const schema = isCommonCheckCode(result.code)
    ? commonCheckFacts[result.code]
    : checkCatalog[result.checkId as CatalogCheckId].facts;
  expect(schema.safeParse(result.facts).error?.issues ?? [], `facts of ${result.code}`).toEqual([]);
}

/**
 * Runs `checkId` and returns its result, checked against the result schema, the codes the
 * catalog declares for it and its facts schema: a check that invents a code or a fact fails
 * here.
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
  expect(failures, 'the check threw, or answered facts outside its schema').toEqual([]);
  expect(CheckResultSchema.parse(result)).toEqual(result);
  const codes: readonly string[] = [...checkCatalog[checkId].codes, ...COMMON_CHECK_CODES];
  expect(codes, `${checkId} does not declare ${result!.code}`).toContain(result!.code);
  expectDeclaredFacts(result!);
  return result!;
}
