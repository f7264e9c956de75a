import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyFileSecretBox } from './secret-box';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deskside-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('key-file secret box', () => {
  it('seals so the secret is not in the sealed text, and opens it again', () => {
    const box = createKeyFileSecretBox(dir);
    const sealed = box.seal('my-console-token-1234567890');
    expect(sealed).not.toContain('my-console-token');
    expect(box.open(sealed)).toBe('my-console-token-1234567890');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('keeps its key in a file only the user can read, reused by the next start', async () => {
    const sealed = createKeyFileSecretBox(dir).seal('persisted');
    const info = await stat(path.join(dir, 'secrets.key'));
    expect(info.mode & 0o077).toBe(0);
    expect(createKeyFileSecretBox(dir).open(sealed)).toBe('persisted');
  });

  it('refuses tampered text and text sealed with another key', async () => {
    const box = createKeyFileSecretBox(dir);
    const sealed = box.seal('secret');
    const raw = Buffer.from(sealed.slice(4), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => box.open(`kf1:${raw.toString('base64')}`)).toThrow();
    const otherDir = await mkdtemp(path.join(os.tmpdir(), 'deskside-secrets-'));
    try {
      expect(() => createKeyFileSecretBox(otherDir).open(sealed)).toThrow();
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
    expect(() => box.open('ss1:abc')).toThrow(/another method/);
  });
});
