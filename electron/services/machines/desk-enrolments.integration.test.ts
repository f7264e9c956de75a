/**
 * Enrolment files on a shared desk (PostgreSQL with roles, a real agent, two consoles signed
 * in as two analysts): only an administrator issues and revokes files; any analyst adds an
 * enrolled machine, which every analyst then reaches; no analyst reads a file's secret or
 * its claims' seed, and the database itself refuses a proof made for another certificate.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NewAnalyst } from '@deskside/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enrolmentProof } from '../../../agent/src/security/enrolment-crypto';
import { runAgentCli } from '#test/helpers/agent-cli';
import { startAgent, type RunningAgent } from '#test/helpers/agent-process';
import { callError, openTestConsole, type TestConsole } from '#test/helpers/console';
import { deskAnalyst, deskWithAnalysts, queryAs, signedInAs, tryAs } from '#test/helpers/desk';
import type { Db } from '../database/open';

let agent: RunningAgent;
let files: string;
let run = 0;

beforeAll(async () => {
  agent = await startAgent({ token: null });
  files = await mkdtemp(path.join(os.tmpdir(), 'deskside-enrolment-files-'));
});
afterAll(async () => {
  await agent.stop();
  await rm(files, { recursive: true, force: true });
});

describe('enrolment files on a desk with analysts', () => {
  let ownerUrl: string;
  let owner: Db;
  let ada: NewAnalyst;
  let bram: NewAnalyst;
  const consoles: TestConsole[] = [];

  beforeEach(async () => {
    run += 1;
    const tag = `${process.pid}_${run}`;
    ada = deskAnalyst(`ada_${tag}`, 'admin');
    bram = deskAnalyst(`bram_${tag}`, 'analyst');
    ({ ownerUrl, owner } = await deskWithAnalysts(ada, [bram]));
  });
  afterEach(async () => {
    for (const desk of consoles.splice(0)) await desk.dispose();
    await owner.destroy();
  });

  async function consoleOf(who: NewAnalyst): Promise<TestConsole> {
    const desk = await openTestConsole({ databaseUrl: signedInAs(ownerUrl, who) });
    consoles.push(desk);
    return desk;
  }

  /** The file installed on the running agent with `deskside-agent enrol`. */
  async function install(fileText: string): Promise<void> {
    const file = path.join(files, `enrolment-${run}.json`);
    await writeFile(file, fileText);
    const result = await runAgentCli(['enrol', '--file', file, '--data-dir', agent.dataDir], {
      DESKSIDE_AGENT_CONFIG: path.join(agent.dataDir, 'test-config.json'),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }

  it('lets only an administrator issue and revoke, and any analyst add an enrolled machine', async () => {
    const adasConsole = await consoleOf(ada);
    const bramsConsole = await consoleOf(bram);

    const refused = await callError(
      bramsConsole.call('machines.issueEnrolment', { label: 'Finance laptops' }),
    );
    expect(refused.code).toBe('forbidden');
    expect(await bramsConsole.call('machines.enrolments', {})).toEqual([]);

    const { enrolment, fileText } = await adasConsole.call('machines.issueEnrolment', {
      label: 'Finance laptops',
      maxMachines: 2,
    });
    expect(enrolment).toMatchObject({ issuedBy: ada.login, usedMachines: 0, revokedAt: null });
    expect(JSON.parse(fileText)).toMatchObject({
      desk: { name: new URL(ownerUrl).pathname.slice(1) },
    });
    await install(fileText);

    // Another analyst's console, with a data folder of its own, adds it: the desk holds the secrets.
    const machine = await bramsConsole.call('machines.addEnrolled', {
      address: '127.0.0.1',
      port: agent.port,
    });
    expect(machine.fingerprint).toBe(agent.fingerprint);
    expect((await adasConsole.call('machines.inventory', { id: machine.id })).machineId).toBe(
      machine.id,
    );
    expect((await bramsConsole.call('machines.enrolments', {}))[0]?.usedMachines).toBe(1);

    for (const who of [ada, bram]) {
      expect(
        await tryAs(signedInAs(ownerUrl, who), 'SELECT secret, seed FROM enrolment_secrets'),
      ).toMatch(/permission denied/);
      expect(
        await tryAs(signedInAs(ownerUrl, who), 'UPDATE enrolments SET used_machines = 0'),
      ).toMatch(/permission denied/);
    }

    const notAllowed = await callError(
      bramsConsole.call('machines.revokeEnrolment', { id: enrolment.id }),
    );
    expect(notAllowed.code).toBe('forbidden');
    const revoked = await adasConsole.call('machines.revokeEnrolment', { id: enrolment.id });
    expect(revoked).toMatchObject({ revokedBy: ada.login });
    expect(revoked.revokedAt).not.toBeNull();

    const audited = await owner
      .selectFrom('auditLog')
      .select(['analyst', 'action', 'subject'])
      .where('action', 'in', ['enrolment.issued', 'machine.enrolled', 'enrolment.revoked'])
      .orderBy('id')
      .execute();
    expect(audited).toEqual([
      { analyst: ada.login, action: 'enrolment.issued', subject: enrolment.id },
      { analyst: bram.login, action: 'machine.enrolled', subject: machine.id },
      { analyst: ada.login, action: 'enrolment.revoked', subject: enrolment.id },
    ]);
  });

  it('spends no claim for a proof made for another certificate', async () => {
    const adasConsole = await consoleOf(ada);
    const { enrolment, fileText } = await adasConsole.call('machines.issueEnrolment', {
      label: 'Lab PCs',
    });
    const { secret } = JSON.parse(fileText) as { secret: string };
    const challenge = randomBytes(32).toString('hex');
    const otherCertificate = 'AB:'.repeat(31) + 'AB';
    const proof = enrolmentProof(secret, {
      enrolmentId: enrolment.id,
      fingerprint: otherCertificate,
      challenge,
    });
    const claim = (fingerprint: string) =>
      queryAs(
        signedInAs(ownerUrl, bram),
        'SELECT deskside_enrolment_claim($1, $2, $3, $4) AS claim',
        [enrolment.id, fingerprint, challenge, proof],
      );
    expect(await claim(agent.fingerprint)).toEqual({
      error: expect.stringMatching(/did not prove it holds enrolment file/) as unknown,
    });
    expect((await adasConsole.call('machines.enrolments', {}))[0]?.usedMachines).toBe(0);
    // The same proof for the certificate it was made for is a claim.
    expect(await claim(otherCertificate)).toEqual({
      row: { claim: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown },
    });
  });
});
