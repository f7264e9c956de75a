import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { selfArguments, selfCommand } from './self-command';

describe('the command that starts this agent again', () => {
  it('is node and the bundle when the agent runs as a script', () => {
    const self = selfCommand(['/usr/bin/node', 'dist/deskside-agent.mjs'], '/usr/bin/node', false);
    expect(self).toEqual({
      executable: '/usr/bin/node',
      script: path.resolve('dist/deskside-agent.mjs'),
    });
    expect(selfArguments(self, ['inventory', '--static'])).toEqual([
      '/usr/bin/node',
      path.resolve('dist/deskside-agent.mjs'),
      'inventory',
      '--static',
    ]);
  });

  it('is the executable alone when the agent is self-contained (argv[1] repeats argv[0])', () => {
    const exe = '/usr/bin/deskside-agent';
    const self = selfCommand([exe, exe], exe, true);
    expect(self).toEqual({ executable: exe, script: null });
    expect(selfArguments(self, ['inventory', '--static'])).toEqual([exe, 'inventory', '--static']);
  });

  it('knows it is not the self-contained executable under vitest', () => {
    expect(selfCommand().script).not.toBeNull();
  });
});
