import { XMLParser } from 'fast-xml-parser';
import plist from 'plist';
import { describe, expect, it } from 'vitest';
import { launchdInstallPlan, launchdPlist, launchdUninstallPlan } from './launchd';
import { defaultServiceOptions, serveArguments, type ServiceOptions } from './plan';
import { windowsArgument } from './quoting';
import { windowsInstallPlan, winswXml } from './windows';

const ODD = `it's <"odd"> & spaced é`;

describe('the launchd daemon', () => {
  const options: ServiceOptions = {
    platform: 'darwin',
    node: '/usr/local/bin/node',
    script: `/Applications/Deskside Agent/${ODD}/deskside-agent.mjs`,
    ...defaultServiceOptions('darwin'),
    address: '0.0.0.0',
    port: 7443,
  };
  const daemon = plist.parse(launchdPlist(options)) as Record<string, unknown>;

  it('passes the agent its arguments as a list, escaped as XML', () => {
    expect(daemon.ProgramArguments).toEqual(serveArguments(options));
    expect(daemon.ProgramArguments).toEqual([
      '/usr/local/bin/node',
      options.script,
      'serve',
      '--config',
      '/Library/Application Support/Deskside Agent/config.json',
    ]);
  });

  it('starts at boot, restarts after a failure only, and runs as the chosen account', () => {
    expect(daemon).toMatchObject({
      Label: 'com.deskside.agent',
      RunAtLoad: true,
      KeepAlive: { SuccessfulExit: false },
      ThrottleInterval: 10,
      UserName: 'root',
      Umask: 0o077,
      WorkingDirectory: '/Library/Application Support/Deskside Agent/data',
    });
    const dedicated = plist.parse(launchdPlist({ ...options, user: '_deskside' })) as Record<
      string,
      unknown
    >;
    expect(dedicated.UserName).toBe('_deskside');
  });

  it('is loaded with launchctl bootstrap and removed with bootout', () => {
    const install = launchdInstallPlan(options).steps;
    expect(install.at(-2)).toEqual({
      kind: 'run',
      argv: ['launchctl', 'bootstrap', 'system', '/Library/LaunchDaemons/com.deskside.agent.plist'],
    });
    expect(launchdUninstallPlan(options).steps[0]).toMatchObject({
      argv: ['launchctl', 'bootout', 'system/com.deskside.agent'],
      mayFail: true,
    });
  });
});

describe('the Windows service (WinSW)', () => {
  const options: ServiceOptions = {
    platform: 'win32',
    node: 'C:\\Program Files\\nodejs\\node.exe',
    script: `C:\\Program Files\\Deskside Agent\\${ODD}\\deskside-agent.mjs`,
    ...defaultServiceOptions('win32', { ProgramData: 'C:\\ProgramData' }),
    address: '0.0.0.0',
    port: 7443,
  };
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(
    winswXml(options),
  ) as { service: Record<string, unknown> };
  const service = parsed.service;

  it('passes the agent its arguments one element each, escaped as XML', () => {
    expect(service.executable).toBe('C:\\Program Files\\nodejs\\node.exe');
    expect(service.argument).toEqual(serveArguments(options).slice(1));
    expect(service.argument).toContain('C:\\ProgramData\\Deskside Agent\\config.json');
  });

  it('runs the self-contained deskside-agent.exe itself, with no node.exe and no script', () => {
    const exe = 'C:\\Program Files\\Deskside Agent\\deskside-agent.exe';
    const xml = new XMLParser().parse(winswXml({ ...options, node: exe, script: null })) as {
      service: Record<string, unknown>;
    };
    expect(xml.service.executable).toBe(exe);
    expect(xml.service.argument).toEqual([
      'serve',
      '--config',
      'C:\\ProgramData\\Deskside Agent\\config.json',
    ]);
  });

  it('starts automatically as LocalService and restarts on failure', () => {
    expect(service).toMatchObject({
      id: 'DesksideAgent',
      startmode: 'Automatic',
      resetfailure: '1 hour',
      serviceaccount: { username: 'NT AUTHORITY\\LocalService' },
      log: { '@mode': 'roll-by-size', keepFiles: 5 },
    });
    expect(service.onfailure).toEqual([
      { '@action': 'restart', '@delay': '10 sec' },
      { '@action': 'restart', '@delay': '30 sec' },
      { '@action': 'restart', '@delay': '2 min' },
    ]);
  });

  it('refuses % in a path, which WinSW would expand', () => {
    expect(() => winswXml({ ...options, script: 'C:\\%TEMP%\\agent.mjs' })).toThrow(
      /WinSW would expand/,
    );
  });

  it('needs WinSW beside its configuration, and locks the data folder to the service', () => {
    const steps = windowsInstallPlan(options).steps;
    expect(steps[0]).toEqual({
      kind: 'require',
      path: 'C:\\ProgramData\\Deskside Agent\\service\\deskside-agent-service.exe',
      why: 'WinSW (x64), saved under this name',
    });
    expect(steps).toContainEqual({
      kind: 'run',
      argv: expect.arrayContaining([
        'icacls',
        'C:\\ProgramData\\Deskside Agent\\data',
        '/inheritance:r',
        'NT AUTHORITY\\LocalService:(OI)(CI)M',
      ]),
    });
  });
});

describe('windowsArgument (read back by CommandLineToArgvW)', () => {
  it.each([
    ['plain', 'plain'],
    ['C:\\Program Files\\x.mjs', '"C:\\Program Files\\x.mjs"'],
    ['C:\\dir with space\\', '"C:\\dir with space\\\\"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['a\\"b', '"a\\\\\\"b"'],
    ['back\\slash', 'back\\slash'],
    ['', '""'],
  ])('quotes %j as %s', (argument, quoted) => {
    expect(windowsArgument(argument)).toBe(quoted);
  });
});
