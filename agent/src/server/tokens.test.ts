import { writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryFolders } from '#test/helpers/temp-folders';
import {
  PROVISIONED_CONSOLE_ID,
  TokenVerifier,
  consoleAuthenticator,
  loadConsoleToken,
} from './tokens';

const TOKEN = 'k3Y-for-the-tests_0123456789abcdefXYZ';

const folders = temporaryFolders('deskside-tokens-');
const tempDir = folders.make;
afterEach(folders.removeAll);

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
  it('refuses an empty DESKSIDE_AGENT_TOKEN instead of quietly going without', async () => {
    await expect(
      loadConsoleToken({ env: { DESKSIDE_AGENT_TOKEN: '' }, tokenFile: undefined }),
    ).rejects.toThrow(/DESKSIDE_AGENT_TOKEN/);
  });

  it('gives no token when neither the environment nor a file names one (pairing only)', async () => {
    expect(await loadConsoleToken({ env: {}, tokenFile: undefined })).toBeNull();
  });

  it('prefers DESKSIDE_AGENT_TOKEN to a token file', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${'f'.repeat(40)}\n`);
    const loaded = await loadConsoleToken({ env: { DESKSIDE_AGENT_TOKEN: TOKEN }, tokenFile });
    expect(loaded).toEqual({
      token: TOKEN,
      source: { kind: 'environment', name: 'DESKSIDE_AGENT_TOKEN' },
    });
  });

  it('reads a token file, ignoring the line break at its end', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${TOKEN}\n`);
    const loaded = await loadConsoleToken({ env: {}, tokenFile });
    expect(loaded).toEqual({ token: TOKEN, source: { kind: 'file', file: tokenFile } });
  });

  it('names DESKSIDE_AGENT_TOKEN when the token there is not valid', async () => {
    await expect(
      loadConsoleToken({ env: { DESKSIDE_AGENT_TOKEN: 'too-short' }, tokenFile: undefined }),
    ).rejects.toThrow(/DESKSIDE_AGENT_TOKEN.*not valid.*at least 24/);
  });

  it('names the token file when the token in it is not valid', async () => {
    const dir = await tempDir();
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, 'has spaces in it, so it is not a token\n');
    const error: unknown = await loadConsoleToken({ env: {}, tokenFile }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(tokenFile);
    expect((error as Error).message).toContain('printable ASCII without spaces');
  });
});

describe('consoleAuthenticator', () => {
  // Only the headers of a request matter to an authenticator.
  const request = (authorization?: string): IncomingMessage =>
    Object.assign(Object.create(null) as IncomingMessage, {
      headers: authorization === undefined ? {} : { authorization },
    });
  const paired = {
    authenticate: (credential: string) =>
      Promise.resolve(credential === PAIRED ? { consoleId: 'k7m2p9q4' } : null),
    findKey: () => Promise.resolve(null),
  };
  const PAIRED = 'paired-console-credential-0123456789';

  it('knows the pre-provisioned token and paired consoles apart', async () => {
    const authenticator = consoleAuthenticator({
      provisioned: new TokenVerifier(TOKEN),
      paired,
      agentFingerprint: 'AB:CD',
    });
    expect(await authenticator.authenticate(request(`Bearer ${TOKEN}`))).toEqual({
      consoleId: PROVISIONED_CONSOLE_ID,
    });
    expect(await authenticator.authenticate(request(`Bearer ${PAIRED}`))).toEqual({
      consoleId: 'k7m2p9q4',
    });
    expect(await authenticator.authenticate(request(`Bearer ${PAIRED}x`))).toBeNull();
    expect(await authenticator.authenticate(request())).toBeNull();
  });

  it('admits only paired consoles when there is no pre-provisioned token', async () => {
    const authenticator = consoleAuthenticator({
      provisioned: null,
      paired,
      agentFingerprint: 'AB:CD',
    });
    expect(await authenticator.authenticate(request(`Bearer ${TOKEN}`))).toBeNull();
    expect(await authenticator.authenticate(request(`Bearer ${PAIRED}`))).not.toBeNull();
  });
});
