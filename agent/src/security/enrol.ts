import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { auditFile, type AgentConfig } from '../config';
import { ConsoleRegistry } from './console-registry';
import { EnrolmentFileError, checkEnrolmentFile } from './enrolment-crypto';
import type { EnrolOutcome } from './enrolment-state';
import type { EnrolmentRecord } from './registry-state';

const MAX_ENROLMENT_FILE_BYTES = 1024 * 1024;

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

/**
 * `serve`'s start: takes the enrolment file beside the config file (config-file.ts,
 * `enrolmentFileBeside`). A file that cannot be taken is reported, and the agent serves on.
 */
export async function enrolAtStart(
  config: AgentConfig,
  file: string,
): Promise<{ result?: { outcome: EnrolOutcome; enrolment: EnrolmentRecord }; error?: string }> {
  try {
    return { result: await enrolFromFile(config, file, 'serve') };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
