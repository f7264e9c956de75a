import canonicalize from 'canonicalize';

/**
 * The canonical JSON text of a value (RFC 8785: sorted keys, no white space, fixed number
 * forms), so the same document always hashes to the same SHA-256 wherever it is computed.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('Value has no JSON representation');
  return text;
}
