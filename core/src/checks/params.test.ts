import { describe, expect, it } from 'vitest';
import {
  AbsolutePathSchema,
  DiskDeviceSchema,
  DnsNameSchema,
  HostSchema,
  HttpUrlSchema,
  InterfaceNameSchema,
  PrinterNameSchema,
  ProgramNameSchema,
  ServiceNameSchema,
} from './params';

/** What an attacker would try to smuggle into a command line or a path. */
const INJECTIONS = [
  '$(touch X)',
  '`touch X`',
  ';rm -rf /',
  'a; rm -rf /',
  'a && touch X',
  'a | touch X',
  'a\ntouch X',
  'a\rb',
  'a\u0000b',
  '-rf',
  '--help',
  '../../etc/passwd',
  '',
];

const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: string) =>
  schema.safeParse(value).success;

describe('check parameter schemas', () => {
  it.each([
    ['HostSchema', HostSchema],
    ['DnsNameSchema', DnsNameSchema],
    ['ServiceNameSchema', ServiceNameSchema],
    ['InterfaceNameSchema', InterfaceNameSchema],
    ['DiskDeviceSchema', DiskDeviceSchema],
  ])('%s refuses shell metacharacters, newlines, option-like and climbing values', (_, schema) => {
    for (const value of INJECTIONS)
      expect(accepts(schema, value), JSON.stringify(value)).toBe(false);
  });

  it('names: program and printer names refuse what would start an option or a command', () => {
    for (const schema of [ProgramNameSchema, PrinterNameSchema]) {
      for (const value of ['$(touch X)', '`touch X`', ';rm -rf /', 'a\ntouch X', '-rf', '']) {
        expect(accepts(schema, value), JSON.stringify(value)).toBe(false);
      }
    }
    // Real names keep working: these reach the OS as one inert argument each.
    for (const name of [
      'Mozilla Firefox',
      '7-Zip 23.01 (x64)',
      'Notepad++',
      'AT&T Connect',
      'Microsoft Edge',
    ]) {
      expect(accepts(ProgramNameSchema, name), name).toBe(true);
    }
    for (const name of ['HP_LaserJet_4th_floor', 'Microsoft Print to PDF', 'Printer #2']) {
      expect(accepts(PrinterNameSchema, name), name).toBe(true);
    }
  });

  it('hosts: names, IPv4 and bare IPv6 addresses', () => {
    for (const host of [
      'intranet',
      'mail.example.org',
      'example.org.',
      '10.0.0.1',
      '::1',
      'fe80::1',
    ]) {
      expect(accepts(HostSchema, host), host).toBe(true);
    }
    for (const host of [
      'exa mple.org',
      'a..b',
      '-a.example',
      'a_b.example',
      'x'.repeat(254),
      '[::1]',
    ]) {
      expect(accepts(HostSchema, host), host).toBe(false);
    }
  });

  it('DNS names may carry service labels with underscores', () => {
    expect(accepts(DnsNameSchema, '_ldap._tcp.dc._msdcs.corp.example')).toBe(true);
  });

  it('service names: systemd units, Windows services (with spaces) and launchd labels', () => {
    for (const name of [
      'cups',
      'getty@tty1.service',
      'wuauserv',
      'Apple Mobile Device Service',
      'com.apple.cupsd',
    ]) {
      expect(accepts(ServiceNameSchema, name), name).toBe(true);
    }
    expect(accepts(ServiceNameSchema, 'trailing ')).toBe(false);
  });

  it('paths: absolute and local only, never climbing, never a network share', () => {
    for (const path of [
      '/',
      '/var/tmp',
      'C:\\',
      'C:\\Users\\Public',
      'D:/data',
      '/tmp/$(touch X)',
    ]) {
      expect(accepts(AbsolutePathSchema, path), path).toBe(true);
    }
    for (const path of [
      'tmp',
      './tmp',
      '/tmp/../etc',
      '..',
      'C:\\Users\\..\\Windows',
      '\\\\server\\share',
      '//server/share',
      '\\\\?\\C:\\',
      '\\\\.\\PhysicalDrive0',
      'C:relative',
      '/tmp/a\nb',
      '/tmp/\u0000',
    ]) {
      expect(accepts(AbsolutePathSchema, path), JSON.stringify(path)).toBe(false);
    }
  });

  it('URLs: http and https with a real host, no credentials, no spaces', () => {
    for (const url of [
      'http://intranet/',
      'https://example.org/path?q=1#x',
      'https://10.0.0.1:8443',
      'http://[::1]:8080/health',
      'HTTPS://EXAMPLE.ORG',
    ]) {
      expect(accepts(HttpUrlSchema, url), url).toBe(true);
    }
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ftp://example.org/',
      'https://user:secret@example.org/',
      'https://example.org@evil.example/',
      'http://exa mple.org/',
      'http://example.org/a b',
      'http://$(touch X)/',
      'http://example.org:99999/',
      'http:/example.org',
      'http://example.org/\n',
    ]) {
      expect(accepts(HttpUrlSchema, url), JSON.stringify(url)).toBe(false);
    }
  });
});
