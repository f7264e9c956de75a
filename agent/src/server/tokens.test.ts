import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenVerifier, loadConsoleToken } from './tokens';

const TOKEN = 'k3Y-for-the-tests_0123456789abcdefXYZ';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-tokens-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('TokenVerifier', () => {
  const verifier = new TokenVerifier(TOKEN);

  it('accepts the configured token as a Bearer credential', () => {
    expect(verifier.verifyAuthorizationHeader(`Bearer ${TOKEN}`)).toBe(true);
  });

  it('reads the scheme name in any case, as HTTP defines it, but never the token', () => {
    expect(verifier.verifyAuthorizationHeader(`bearer ${TOKEN}`)).toBe(true);
    expect(verifier.verifyAuthorizationHeader(`BEARER ${TOKEN}`)).toBe(true);
    expect(verifier.verifyAuthorizationHeader(`Bearer ${TOKEN.toUpperCase()}`)).toBe(false);
  });

  it.each<[string, string | undefined]>([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['a wrong token', `Bearer ${TOKEN.replace('k3Y', 'k3y')}`],
    ['a prefix of the token', `Bearer ${TOKEN.slice(0, -1)}`],
    ['the token with more after it', `Bearer ${TOKEN}0`],
    ['the token without a scheme', TOKEN],
    ['"Bearer" alone', 'Bearer'],
    ['"Bearer " with nothing after it', 'Bearer '],
    ['two spaces after "Bearer"', `Bearer  ${TOKEN}`],
    ['a trailing space', `Bearer ${TOKEN} `],
    ['a leading space', ` Bearer ${TOKEN}`],
    ['"Bearer" twice', `Bearer Bearer ${TOKEN}`],
    ['a newline after the token', `Bearer ${TOKEN}\n`],
    ['the token twice', `Bearer ${TOKEN} ${TOKEN}`],
    ['the Basic scheme', `Basic ${TOKEN}`],
    ['another scheme', `Token ${TOKEN}`],
    ['a non-ASCII character', `Bearer ${TOKEN}é`],
    ['an overlong credential', `Bearer ${'x'.repeat(513)}`],
  ])('refuses %s', (_what, header) => {
    expect(verifier.verifyAuthorizationHeader(header)).toBe(false);
  });

  it('refuses to be configured with a token that is too short or has spaces', () => {
    expect(() => new TokenVerifier('short')).toThrow();
    expect(() => new TokenVerifier('with spaces but long enough to pass')).toThrow();
  });
});

describe('loadConsoleToken', () => {
  it('refuses an empty DESKSIDE_AGENT_TOKEN instead of quietly using another token', async () => {
    const dir = await tempDir();
    await expect(
      loadConsoleToken({ env: { DESKSIDE_AGENT_TOKEN: '' }, tokenFile: undefined, dataDir: dir }),
    ).rejects.toThrow(/DESKSIDE_AGENT_TOKEN/);
  });

  it('gives two agents generating a token in the same folder at once the same token', async () => {
    const dir = await tempDir();
    const load = () => loadConsoleToken({ env: {}, tokenFile: undefined, dataDir: dir });
    const [first, second, third] = await Promise.all([load(), load(), load()]);
    expect(second.token).toBe(first.token);
    expect(third.token).toBe(first.token);
    expect((await readFile(path.join(dir, 'console-token'), 'utf8')).trim()).toBe(first.token);
  });

  it('prefers DESKSIDE_AGENT_TOKEN to a token file', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${'f'.repeat(40)}\n`);
    const loaded = await loadConsoleToken({
      env: { DESKSIDE_AGENT_TOKEN: TOKEN },
      tokenFile,
      dataDir: dir,
    });
    expect(loaded).toEqual({
      token: TOKEN,
      source: { kind: 'environment', name: 'DESKSIDE_AGENT_TOKEN' },
    });
  });

  it('reads a token file, ignoring the line break at its end', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${TOKEN}\n`);
    const loaded = await loadConsoleToken({ env: {}, tokenFile, dataDir: dir });
    expect(loaded).toEqual({ token: TOKEN, source: { kind: 'file', file: tokenFile } });
  });

  it('names DESKSIDE_AGENT_TOKEN when the token there is not valid', async () => {
    const dir = await tempDir();
    await expect(
      loadConsoleToken({
        env: { DESKSIDE_AGENT_TOKEN: 'too-short' },
        tokenFile: undefined,
        dataDir: dir,
      }),
    ).rejects.toThrow(/DESKSIDE_AGENT_TOKEN.*not valid.*at least 24/);
  });

  it('names the token file when the token in it is not valid', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, 'has spaces in it, so it is not a token\n');
    const error: unknown = await loadConsoleToken({ env: {}, tokenFile, dataDir: dir }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(tokenFile);
    expect((error as Error).message).toContain('printable ASCII without spaces');
  });

  it('generates a token once, in a file only its owner can read, and reuses it', async () => {
    const dataDir = path.join(await tempDir(), 'not-yet-created');
    const first = await loadConsoleToken({ env: {}, tokenFile: undefined, dataDir });
    const file = path.join(dataDir, 'console-token');
    expect(first.source).toEqual({ kind: 'generated', file });
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await readFile(file, 'utf8')).trim()).toBe(first.token);
    if (process.platform !== 'win32') {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    }

    const second = await loadConsoleToken({ env: {}, tokenFile: undefined, dataDir });
    expect(second).toEqual(first);

    const elsewhere = await loadConsoleToken({
      env: {},
      tokenFile: undefined,
      dataDir: await tempDir(),
    });
    expect(elsewhere.token).not.toBe(first.token);
  });
});
