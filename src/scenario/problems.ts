// Turns zod issues into one-line problems that name the JSON path, what was found and what
// is allowed. Shared by scenario and (later) experiment validation.
import type { z } from 'zod';

export interface Problem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && /^[A-Za-z_$][\w$-]*$/.test(seg))
      out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out || '(root)';
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  return String(v);
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg as string];
  }
  return cur;
}

/** Unwraps defaults, optionals and pipes to reach the schema that describes a value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (let i = 0; i < 10; i++) {
    const def = (s as unknown as { def: Record<string, unknown> }).def;
    const inner = (def.innerType ?? (def.type === 'pipe' ? def.in : undefined)) as
      | z.ZodType
      | undefined;
    if (!inner) break;
    s = inner;
  }
  return s;
}

/** The object keys a schema allows at a path, for "unknown field" messages. */
function allowedKeysAt(
  schema: z.ZodType,
  root: unknown,
  path: ReadonlyArray<PropertyKey>,
): string[] {
  let s = unwrap(schema);
  let data: unknown = root;
  for (const seg of path) {
    const def = (s as unknown as { def: Record<string, unknown> }).def;
    if (def.type === 'object') s = (def.shape as Record<string, z.ZodType>)[seg as string] ?? s;
    else if (def.type === 'array') s = def.element as z.ZodType;
    else if (def.type === 'record') s = def.valueType as z.ZodType;
    else return [];
    s = unwrap(s);
    data =
      data && typeof data === 'object'
        ? (data as Record<PropertyKey, unknown>)[seg as string]
        : undefined;
  }
  let def = (s as unknown as { def: Record<string, unknown> }).def;
  if (def.type === 'union' && data && typeof data === 'object') {
    // A discriminated union: pick the option whose literal `kind` matches the data.
    const kind = (data as { kind?: unknown }).kind;
    for (const opt of def.options as z.ZodType[]) {
      const o = unwrap(opt) as unknown as { def: { shape?: Record<string, z.ZodType> } };
      const k = o.def.shape?.kind as unknown as { def?: { values?: unknown[] } } | undefined;
      if (k?.def?.values?.includes(kind)) {
        s = unwrap(opt);
        def = (s as unknown as { def: Record<string, unknown> }).def;
        break;
      }
    }
  }
  return def.type === 'object' ? Object.keys(def.shape as object) : [];
}

/** zod's own safe-integer bound on .int(), reported beside the schema's real bound: noise. */
function isSafeIntBound(issue: z.core.$ZodIssue): boolean {
  const i = issue as unknown as { maximum?: unknown; minimum?: unknown };
  return (
    (issue.code === 'too_big' && i.maximum === Number.MAX_SAFE_INTEGER) ||
    (issue.code === 'too_small' && i.minimum === Number.MIN_SAFE_INTEGER)
  );
}

export function problemsFromZod(schema: z.ZodType, root: unknown, error: z.ZodError): Problem[] {
  const out: Problem[] = [];
  const paths = new Map<string, number>();
  for (const issue of error.issues) {
    const k = formatPath(issue.path);
    paths.set(k, (paths.get(k) ?? 0) + 1);
  }
  for (const issue of error.issues) {
    if (isSafeIntBound(issue) && (paths.get(formatPath(issue.path)) ?? 0) > 1) continue;
    const path = formatPath(issue.path);
    const found = describeValue(valueAt(root, issue.path));
    const i = issue as unknown as Record<string, unknown>;
    let message: string;
    switch (issue.code) {
      case 'invalid_type':
        message =
          found === 'nothing'
            ? `missing; expected ${String(i.expected)}`
            : `found ${found}; expected ${String(i.expected)}`;
        break;
      case 'unrecognized_keys': {
        const allowed = allowedKeysAt(schema, root, issue.path);
        for (const key of i.keys as string[]) {
          out.push({
            path: formatPath([...issue.path, key]),
            message: `unknown field; allowed here: ${allowed.join(', ') || '(none)'}`,
          });
        }
        continue;
      }
      case 'invalid_value':
        message = `found ${found}; allowed: ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(' | ')}`;
        break;
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? 'at least' : 'at most';
        const what = i.origin === 'array' ? ' items' : i.origin === 'string' ? ' characters' : '';
        const cmp = issue.code === 'too_small' && i.inclusive === false ? 'more than' : bound;
        message = `found ${found}; allowed: ${cmp} ${String(i.minimum ?? i.maximum)}${what}`;
        break;
      }
      case 'invalid_union': {
        const kind = (valueAt(root, issue.path) as { kind?: unknown } | undefined)?.kind;
        message =
          kind !== undefined
            ? `found kind ${describeValue(kind)}; ${issue.message}`
            : `found ${found}; does not match any allowed form (${issue.message})`;
        break;
      }
      default:
        message = `found ${found}; ${issue.message}`;
    }
    out.push({ path, message });
  }
  return out;
}

export function formatProblems(file: string, problems: readonly Problem[]): string {
  return problems.map((p) => `${file}: ${p.path}: ${p.message}`).join('\n');
}
