import { decodePowerShellArgs } from '@deskside/agent/collect';
import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_LINE, powerShellCommandLine } from './powershell-command';
import { WINDOWS_SCRIPTS } from './windows-parsers';

describe('PowerShell scripts as a Windows command line', () => {
  it('travel base64-encoded in UTF-16LE, which decodes back to the script', () => {
    const script = `Get-CimInstance -ClassName Win32_BIOS | ConvertTo-Json -Compress # "quotes" & 'more' | €`;
    const line = powerShellCommandLine(script);
    expect(line).toMatch(
      /^powershell\.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand [A-Za-z0-9+/]+=*$/,
    );
    expect(decodePowerShellArgs(line.split(' '))).toBe(script);
    const encoded = line.split(' ').at(-1)!;
    expect(Buffer.from(encoded, 'base64').toString('utf16le')).toContain(script);
  });

  it("fit cmd.exe's line, and a script too long for it is refused", () => {
    for (const script of Object.values(WINDOWS_SCRIPTS)) {
      expect(powerShellCommandLine(script).length).toBeLessThanOrEqual(MAX_COMMAND_LINE);
    }
    expect(() => powerShellCommandLine('#'.repeat(4000))).toThrow(/longer than cmd\.exe reads/);
  });
});
