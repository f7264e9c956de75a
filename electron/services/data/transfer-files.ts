import { open, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { DesksideError, TRANSFER_CHUNK_BYTES, type DataFormat } from '@deskside/core';

const EXTENSIONS: Record<DataFormat, string> = { json: 'json', 'tickets-csv': 'csv' };

/**
 * Files of exports and imports under way, in the console's data folder: an export is written
 * here and read back in chunks; an upload is appended here chunk by chunk before it is read.
 * Whatever a previous run left is removed at start.
 */
export class TransferFiles {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'transfers');
  }

  async reset(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
  }

  file(id: string, format: DataFormat): string {
    return path.join(this.dir, `${id}.${EXTENSIONS[format]}`);
  }

  async create(file: string): Promise<void> {
    await (await open(file, 'w')).close();
  }

  /** Appends at `offset`, which must be where the file ends (a repeated or lost chunk is refused). */
  async append(file: string, offset: number, bytes: Buffer): Promise<number> {
    const { size } = await stat(file);
    if (offset !== size) {
      throw new DesksideError(
        'conflict',
        `This chunk starts at byte ${offset}, but ${size} bytes have arrived`,
      );
    }
    const handle = await open(file, 'a');
    try {
      await handle.write(bytes);
    } finally {
      await handle.close();
    }
    return size + bytes.length;
  }

  async read(file: string, offset: number): Promise<{ bytes: Buffer; size: number }> {
    const handle = await open(file, 'r');
    try {
      const { size } = await handle.stat();
      const length = Math.max(0, Math.min(TRANSFER_CHUNK_BYTES, size - offset));
      const bytes = Buffer.alloc(length);
      if (length > 0) await handle.read(bytes, 0, length, offset);
      return { bytes, size };
    } finally {
      await handle.close();
    }
  }

  async size(file: string): Promise<number> {
    return (await stat(file)).size;
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true });
  }
}
