import type { Machine, SshAuth, SshTarget } from '@deskside/core';

/**
 * What the SSH forms hold while the analyst fills them in: text as typed, turned into the
 * contract's input when sent. Secrets stay in these drafts; nothing shows them back.
 */
export interface AuthDraft {
  kind: SshAuth['kind'];
  privateKey: string;
  /** The name of the key file chosen, when the key came from a file. */
  keyFile: string | null;
  passphrase: string;
  socket: string;
  password: string;
}

export const emptyAuth = (): AuthDraft => ({
  kind: 'key',
  privateKey: '',
  keyFile: null,
  passphrase: '',
  socket: '',
  password: '',
});

/** The login as the contract takes it: only what the chosen way needs. */
export function authOf(draft: AuthDraft): SshAuth {
  switch (draft.kind) {
    case 'key':
      return {
        kind: 'key',
        privateKey: draft.privateKey,
        ...(draft.passphrase ? { passphrase: draft.passphrase } : {}),
      };
    case 'agent':
      return { kind: 'agent', ...(draft.socket.trim() ? { socket: draft.socket.trim() } : {}) };
    case 'password':
      return { kind: 'password', password: draft.password };
  }
}

export interface TargetDraft {
  host: string;
  port: string;
  username: string;
}

export const emptyTarget = (): TargetDraft => ({ host: '', port: '22', username: '' });

export function targetOf(draft: TargetDraft): SshTarget {
  return { host: draft.host.trim(), port: Number(draft.port), username: draft.username.trim() };
}

/** `SHA256:` and the base64 as OpenSSH prints it, however it was typed or pasted. */
export function sameFingerprint(typed: string, presented: string): boolean {
  const bare = (text: string) =>
    text
      .trim()
      .replace(/^SHA256:/i, '')
      .replace(/=+$/, '');
  return bare(typed) !== '' && bare(typed) === bare(presented);
}

/**
 * Which server's key changed: the console's refusal names the key that was confirmed, which is
 * the jump host's when the jump host is the one presenting another key.
 */
export function changedHop(
  ssh: NonNullable<Machine['ssh']>,
  detail: string | null,
): 'machine' | 'jump' {
  const confirmed = /not the confirmed (SHA256:[A-Za-z0-9+/]+)/.exec(detail ?? '')?.[1];
  return ssh.jump && confirmed === ssh.jump.hostKey && confirmed !== ssh.hostKey
    ? 'jump'
    : 'machine';
}
