/**
 * The command line that runs a fixed PowerShell script on a Windows machine over SSH.
 * Windows' OpenSSH hands the command line to cmd.exe (or to PowerShell where the server is
 * set up so), whose quoting rules differ from each other and from a POSIX shell's: the
 * script travels as `-EncodedCommand`, base64 of its UTF-16LE text, the agent's own
 * encoding (powerShellArgs), in which no shell finds a character to interpret.
 */
import { POWERSHELL, powerShellArgs } from '@deskside/agent/collect';

/** cmd.exe reads command lines of at most 8191 characters. */
export const MAX_COMMAND_LINE = 8191;

/** `powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand …`. */
export function powerShellCommandLine(script: string): string {
  const line = [POWERSHELL, ...powerShellArgs(script)].join(' ');
  if (line.length > MAX_COMMAND_LINE) {
    throw new Error(
      `A PowerShell script of ${script.length} characters makes a command line longer than cmd.exe reads`,
    );
  }
  return line;
}
