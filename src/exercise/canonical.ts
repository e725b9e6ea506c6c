// Canonical JSON (keys sorted, no spaces) and its SHA-256: a scenario's digest is the same in
// the browser, a worker, the classroom server and `concord replay`, however the file was
// indented or its keys ordered. WebCrypto is a web standard that Node 20 also provides.

export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The digest that ties a session to exactly one scenario document. */
export const scenarioDigest = (doc: unknown): Promise<string> => sha256Hex(canonicalJson(doc));
