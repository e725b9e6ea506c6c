// Keys that name JavaScript internals rather than data. A document or a path that uses them
// could write onto Object.prototype (`__proto__`) or read an inherited function where a field
// was meant (`constructor`), so every document, id and path is checked for them before use.
import { formatPath, type Problem } from './problems';

export const RESERVED_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

export const isReservedKey = (k: string): boolean => RESERVED_KEYS.has(k);

/**
 * Every own key of a parsed JSON document that is reserved, with its path. JSON.parse keeps
 * `"__proto__"` as a plain own key; zod then drops it from records without a word, so it must
 * be refused here, before the schema runs.
 */
export function reservedKeyProblems(doc: unknown, max = 20): Problem[] {
  const out: Problem[] = [];
  const path: Array<string | number> = [];
  const walk = (node: unknown, depth: number): void => {
    if (out.length >= max || node === null || typeof node !== 'object' || depth > 64) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], depth + 1);
        path.pop();
      }
      return;
    }
    for (const k of Object.keys(node)) {
      path.push(k);
      if (RESERVED_KEYS.has(k))
        out.push({
          path: formatPath(path),
          message: `found the key "${k}"; not allowed: it names a JavaScript internal, not a field`,
        });
      else walk((node as Record<string, unknown>)[k], depth + 1);
      path.pop();
    }
  };
  walk(doc, 0);
  return out;
}
