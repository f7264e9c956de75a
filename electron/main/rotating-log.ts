import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

export interface RotatingLogOptions {
  /** The current log file; older ones are `<file>.1` (newest) to `<file>.<files - 1>`. */
  file: string;
  /** A file is rotated before a write would take it past this size. */
  maxBytes?: number;
  /** How many files are kept, the current one included. */
  files?: number;
  /** Where a failure to write the log is reported; the console itself goes on. */
  onError?: (error: unknown) => void;
}

/** A pino destination: written synchronously, so the last lines are on disk when it dies. */
export interface RotatingLog {
  write(line: string): boolean;
  end(): void;
}

/** The main process's log: `<dataDir>/logs/console.log`, and the rotated ones beside it. */
export function consoleLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'console.log');
}

export const DEFAULT_LOG_BYTES = 5 * 1024 * 1024;
export const DEFAULT_LOG_FILES = 5;

/** The log file rotated by size, as logrotate's numbered files: `console.log.1` is the newest. */
export function openRotatingLog(options: RotatingLogOptions): RotatingLog {
  const { file } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_LOG_BYTES;
  const files = Math.max(1, options.files ?? DEFAULT_LOG_FILES);
  const onError =
    options.onError ??
    ((error: unknown) => {
      process.stderr.write(`Deskside could not write its log ${file}: ${String(error)}\n`);
    });
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let fd: number | null = openSync(file, 'a', 0o600);
  let size = fstatSync(fd).size;
  let reported = false;

  const rotate = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(`${file}.${files - 1}`, { force: true });
    for (let index = files - 2; index >= 1; index--)
      moveIfThere(`${file}.${index}`, `${file}.${index + 1}`);
    if (files > 1) moveIfThere(file, `${file}.1`);
    else rmSync(file, { force: true });
    fd = openSync(file, 'a', 0o600);
    size = 0;
  };

  return {
    write(line) {
      const bytes = Buffer.byteLength(line);
      try {
        if (size > 0 && size + bytes > maxBytes) rotate();
        fd ??= openSync(file, 'a', 0o600);
        writeSync(fd, line);
        size += bytes;
        reported = false;
      } catch (error) {
        // Logging must not stop the console; the failure is reported once until a write works.
        if (!reported) onError(error);
        reported = true;
      }
      return true;
    },
    end() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

function moveIfThere(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** The last `count` lines of a log file (from its last 64 KiB); none where there is no file. */
export function lastLogLines(file: string, count: number, tailBytes = 64 * 1024): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  try {
    const { size } = fstatSync(fd);
    const length = Math.min(size, tailBytes);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    // A tail that starts mid-file starts mid-line: that first piece is dropped.
    if (length < size) lines.shift();
    return lines.filter((line) => line !== '').slice(-count);
  } finally {
    closeSync(fd);
  }
}
