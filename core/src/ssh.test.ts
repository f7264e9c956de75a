import { describe, expect, it } from 'vitest';
import { SshFingerprintSchema, SshMachineSchema, SshTargetSchema } from './ssh';

const FINGERPRINT = 'SHA256:C12MOINBvrprTn8almEnv91EXXguZM2nRK1Lqd4ZFmI';

describe('SSH machines in the contract', () => {
  it('takes a host, a port (22 unless given) and a user', () => {
    expect(SshTargetSchema.parse({ host: 'pc-7.example.org', username: 'ops' })).toEqual({
      host: 'pc-7.example.org',
      port: 22,
      username: 'ops',
    });
    expect(SshTargetSchema.parse({ host: 'fd00::2', port: 2222, username: 'a.b' }).port).toBe(2222);
  });

  it.each([
    { host: 'pc; id', username: 'ops' },
    { host: '-oProxyCommand=id', username: 'ops' },
    { host: '-pc', username: 'ops' },
    { host: 'pc', username: '-l' },
    { host: 'pc', username: 'ops', port: 0 },
    { host: 'pc', username: '$(id)' },
  ])('refuses %j', (target) => {
    expect(SshTargetSchema.safeParse(target).success).toBe(false);
  });

  it('stores a host key as OpenSSH prints it, however it was typed', () => {
    expect(SshFingerprintSchema.parse(FINGERPRINT.slice(7))).toBe(FINGERPRINT);
    expect(SshFingerprintSchema.safeParse('SHA256:tooshort').success).toBe(false);
    const machine = SshMachineSchema.parse({
      target: { host: 'pc-7', username: 'ops' },
      auth: { kind: 'agent' },
      hostKey: `${FINGERPRINT}=`,
      jump: {
        target: { host: 'bastion', username: 'ops' },
        auth: { kind: 'password', password: 'x' },
        hostKey: null,
      },
    });
    expect(machine.hostKey).toBe(FINGERPRINT);
    expect(machine.jump?.hostKey).toBeNull();
  });
});
