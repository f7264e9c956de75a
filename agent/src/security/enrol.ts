import { existsSync } from 'node:fs';
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { auditFile, type AgentConfig } from '../config';
import { systemConfigFile } from '../config-file';
import { ConsoleRegistry } from './console-registry';
import { EnrolmentFileError, checkEnrolmentFile } from './enrolment-crypto';
import type { EnrolOutcome } from './enrolment-state';
import type { EnrolmentRecord } from './registry-state';

/** The file `serve` takes at start: enrolment.json in the config file's folder. */
export const ENROLMENT_FILE_NAME = 'enrolment.json';
const MAX_ENROLMENT_FILE_BYTES = 1024 * 1024;

/** Where `serve` looks for an enrolment file: beside its config file, or the system-wide one. */
export function enrolmentFileBeside(configFile: string | null): string {
  return path.join(path.dirname(configFile ?? systemConfigFile()), ENROLMENT_FILE_NAME);
}

async function readEnrolmentFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > MAX_ENROLMENT_FILE_BYTES) {
      throw new EnrolmentFileError(`${file} is too large to be an enrolment file`);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof EnrolmentFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new EnrolmentFileError(
      code === 'ENOENT' ? `${file} does not exist` : `${file} cannot be read (${code ?? 'error'})`,
    );
  }
}

/** One line in the agent's audit log, beside the requests' lines. */
async function audit(config: AgentConfig, entry: Record<string, unknown>): Promise<void> {
  const file = path.resolve(auditFile(config));
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, `${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`, {
    mode: 0o600,
  });
}

/**
 * Takes an enrolment file: checks its signature and expiry, then records the desk in
 * consoles.json (the same file again changes nothing). A file that is refused changes
 * nothing; either way the audit log says what happened.
 */
export async function enrolFromFile(
  config: AgentConfig,
  file: string,
  via: 'enrol' | 'serve',
): Promise<{ outcome: EnrolOutcome; enrolment: EnrolmentRecord }> {
  const source = path.resolve(file);
  try {
    const checked = checkEnrolmentFile(await readEnrolmentFile(source));
    const registry = new ConsoleRegistry({ dataDir: config.dataDir });
    const result = await registry.enrol(checked);
    await audit(config, {
      event: 'enrolment',
      via,
      outcome: result.outcome,
      enrolmentId: checked.id,
      desk: checked.desk.name,
      label: checked.label,
      keyId: checked.deskKey.keyId,
      expiresAt: checked.expiresAt,
      file: source,
    });
    return result;
  } catch (error) {
    if (error instanceof EnrolmentFileError) {
      await audit(config, {
        event: 'enrolment',
        via,
        outcome: 'refused',
        reason: error.message,
        file: source,
      });
    }
    throw error;
  }
}

/** `serve`'s start: takes enrolment.json beside the config file when there is one. */
export async function enrolAtStart(
  config: AgentConfig,
  configFile: string | null,
): Promise<{
  file: string;
  result?: { outcome: EnrolOutcome; enrolment: EnrolmentRecord };
  error?: string;
} | null> {
  const file = enrolmentFileBeside(configFile);
  if (!existsSync(file)) return null;
  try {
    return { file, result: await enrolFromFile(config, file, 'serve') };
  } catch (error) {
    if (!(error instanceof EnrolmentFileError)) throw error;
    return { file, error: error.message };
  }
}
