import { PreparedJson } from '@deskside/core';

/**
 * Serialises documents whose large members rarely change (the inventory's static sections,
 * hundreds of kilobytes, read again only when a refresh collects them): each remembered
 * member is turned into UTF-8 JSON once, and every document holding that same object reuses
 * the bytes instead of stringifying and encoding it again for each request.
 *
 * A remembered object must not change afterwards: it is known by its identity.
 */
export class JsonFragments {
  private readonly known = new WeakMap<object, Buffer>();

  remember(value: unknown): void {
    if (typeof value === 'object' && value !== null && !this.known.has(value)) {
      this.known.set(value, Buffer.from(JSON.stringify(value)));
    }
  }

  /** The same JSON text as `JSON.stringify(document)`, remembered members as their bytes. */
  serialize<T extends object>(document: T): PreparedJson<T> {
    const parts: Buffer[] = [];
    let text = '{';
    let first = true;
    for (const [key, value] of Object.entries(document)) {
      const known =
        typeof value === 'object' && value !== null ? this.known.get(value as object) : undefined;
      const json = known ? '' : (JSON.stringify(value) as string | undefined);
      if (json === undefined) continue; // As JSON.stringify leaves it out.
      text += `${first ? '' : ','}${JSON.stringify(key)}:${json}`;
      first = false;
      if (known) {
        parts.push(Buffer.from(text), known);
        text = '';
      }
    }
    parts.push(Buffer.from(`${text}}`));
    return new PreparedJson(Buffer.concat(parts));
  }
}
