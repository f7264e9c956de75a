import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENT_PORT } from '@deskside/core';
import { ServeOptionsSchema, defaultDataDir, describeIssues } from './config';

function issuesFor(options: Record<string, unknown>): string {
  const result = ServeOptionsSchema.safeParse(options);
  expect(result.success).toBe(false);
  return result.success ? '' : describeIssues(result.error);
}

describe('ServeOptionsSchema', () => {
  it('fills in loopback, the default port and the default data folder', () => {
    expect(ServeOptionsSchema.parse({})).toEqual({
      address: '127.0.0.1',
      port: DEFAULT_AGENT_PORT,
      dataDir: defaultDataDir(),
    });
  });

  it('takes the port as the string the command line gives', () => {
    expect(ServeOptionsSchema.parse({ port: '8443' }).port).toBe(8443);
    expect(ServeOptionsSchema.parse({ port: '0' }).port).toBe(0);
    expect(ServeOptionsSchema.parse({ port: '65535' }).port).toBe(65535);
  });

  it('keeps the given options', () => {
    expect(
      ServeOptionsSchema.parse({
        address: ' 0.0.0.0 ',
        port: 7444,
        dataDir: '/var/lib/deskside-agent',
        tokenFile: '/etc/deskside/token',
      }),
    ).toEqual({
      address: '0.0.0.0',
      port: 7444,
      dataDir: '/var/lib/deskside-agent',
      tokenFile: '/etc/deskside/token',
    });
  });

  it.each(['65536', '99999', '-1', '1.5', 'abc', '', ' ', '0x1F90', '1e3'])(
    'refuses port "%s", naming --port',
    (port) => {
      expect(issuesFor({ port })).toMatch(/^--port: /);
    },
  );

  it('names options by their command-line spelling', () => {
    expect(issuesFor({ dataDir: '' })).toMatch(/^--data-dir: /);
    expect(issuesFor({ tokenFile: '' })).toMatch(/^--token-file: /);
    expect(issuesFor({ address: 'bad address!' })).toBe(
      '--address: address must be a host name or an IP address',
    );
  });

  it('lists every problem, one per line', () => {
    const lines = issuesFor({ port: 'abc', dataDir: '' }).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => line.startsWith('--port: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('--data-dir: '))).toBe(true);
  });
});
