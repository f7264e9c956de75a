import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catalogCheckIds,
  checkCatalog,
  CheckCatalogListingSchema,
  RunChecksResponseSchema,
} from '@deskside/core';
import { AGENT_BUNDLE } from './helpers/agent-process';

// The built agent's `checks` and `check` commands, as a technician runs them on site.

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function agentCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [AGENT_BUNDLE, ...args],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'deskside-cli-checks-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('deskside-agent checks', () => {
  it('prints the catalog as a table with each check’s parameters', async () => {
    const run = await agentCli('checks');
    expect(run.code).toBe(0);
    for (const id of catalogCheckIds) expect(run.stdout).toContain(id);
    expect(run.stdout).toMatch(/^tcp\.port\s+A TCP port is open\s+--host <value> --port <value>/m);
    expect(run.stdout).toMatch(/^disk\.free\s+.*\[--warn-below-percent 15\]/m);
  });

  it('prints the catalog as JSON with --json', async () => {
    const listing = CheckCatalogListingSchema.parse(
      JSON.parse((await agentCli('checks', '--json')).stdout),
    );
    expect(listing.checks).toHaveLength(catalogCheckIds.length);
  });
});

describe('deskside-agent check', () => {
  it('runs one check and prints a table, exit code 0 when it passes', async () => {
    const run = await agentCli('check', 'fs.writable', '--path', scratch);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^CHECK\s+STATUS\s+RESULT\s+TIME$/m);
    expect(run.stdout).toMatch(/^fs\.writable\s+PASS\s+fs\.writable\.ok\s+\d+ ms$/m);
    expect(run.stdout).toContain(`path          ${scratch}`);
    expect(run.stdout).toContain('1 check: 1 pass');
    expect(await readdir(scratch)).toEqual([]);
  });

  it('exits 1 on warn and 2 on fail, with sizes readable', async () => {
    const warn = await agentCli(
      'check',
      'disk.free',
      '--path',
      '/',
      '--warn-below-percent',
      '100',
      '--fail-below-percent',
      '0',
    );
    expect(warn.code).toBe(1);
    expect(warn.stdout).toMatch(/WARN\s+disk\.free\.low/);
    expect(warn.stdout).toMatch(/totalBytes\s+[\d,.]+ [kMGTP]B$/m);
    const fail = await agentCli(
      'check',
      'disk.free',
      '--path=/',
      '--warn-below-percent=100',
      '--fail-below-percent=100',
    );
    expect(fail.code).toBe(2);
    expect(fail.stdout).toMatch(/FAIL\s+disk\.free\.critical/);
  });

  it('prints the results as JSON with --json', async () => {
    const run = await agentCli(
      'check',
      'memory.pressure',
      '--json',
      '--warn-above-percent',
      '100',
      '--fail-above-percent',
      '100',
    );
    expect(run.code).toBe(0);
    const { results } = RunChecksResponseSchema.parse(JSON.parse(run.stdout));
    expect(results).toEqual([
      expect.objectContaining({ checkId: 'memory.pressure', status: 'pass' }),
    ]);
  });

  it('runs every check that needs no parameter with --all', async () => {
    const run = await agentCli('check', '--all', '--json');
    const { results } = RunChecksResponseSchema.parse(JSON.parse(run.stdout));
    const expected = catalogCheckIds.filter(
      (id) =>
        checkCatalog[id].params.safeParse({}).success &&
        (checkCatalog[id].os as string[]).includes(process.platform),
    );
    expect(results.map((result) => result.checkId)).toEqual(expected);
    expect([0, 1, 2, 3]).toContain(run.code);
  });

  it('refuses a bad parameter, naming it, and runs nothing', async () => {
    const marker = path.join(scratch, 'pwned');
    const cases: [string[], RegExp][] = [
      [
        ['tcp.port', '--host', `$(touch ${marker})`, '--port', '1'],
        /tcp\.port: --host: A host name/,
      ],
      [['disk.free', '--pth', '/'], /--pth is not a parameter of this check \(it takes --path, /],
      [['disk.free', '--path', '/tmp/../etc'], /disk\.free: --path: A path without \.\. segments/],
      [['disk.free', '--warn-below-percent', 'lots'], /--warn-below-percent: .*number/],
      [['tcp.port', '--host', 'intranet'], /tcp\.port: --port: /],
      [['service.running', '--name'], /--name needs a value/],
      [['shell.exec', '--command', 'id'], /no check "shell\.exec"/],
      [[], /name a check/],
    ];
    for (const [args, message] of cases) {
      const run = await agentCli('check', ...args);
      expect(run.code, args.join(' ')).toBe(64);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout, args.join(' ')).toBe('');
    }
    expect(existsSync(marker)).toBe(false);
  });
});
