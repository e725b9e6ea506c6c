// Target paths into a scenario document, used by `--set path=value`, declared sweep
// parameters and later experiments. A segment on an array is an index, `*` (every element)
// or an element's id: `agreements.*.latencyMin`, `units.ml-gtia.count`, `actors.0.trust.niger`.
// Only a document's own fields are walked or written: a reserved segment (`__proto__`,
// `constructor`, `prototype`) is refused, so a path can never reach Object.prototype.
import { isReservedKey, RESERVED_KEYS } from './safe-keys';
import { Scenario } from './schema';
import { nearest } from './suggest';

export class PathError extends Error {}

/** Parses a command-line value: numbers, booleans and null as JSON, anything else a string. */
export function parseValue(text: string): unknown {
  if (/^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(text)) return JSON.parse(text);
  if (text.startsWith('[') || text.startsWith('{') || text.startsWith('"')) {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch {
      throw new PathError(`value ${text} is not valid JSON`);
    }
    if (typeof v === 'object' && v !== null && hasReservedKey(v))
      throw new PathError(`value ${text}: holds a reserved key (${[...RESERVED_KEYS].join(', ')})`);
    return v;
  }
  return text;
}

function hasReservedKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasReservedKey);
  return Object.keys(v).some((k) => isReservedKey(k) || hasReservedKey((v as never)[k]));
}

function matchArray(arr: unknown[], seg: string, walked: string): number[] {
  if (seg === '*') return arr.map((_, i) => i);
  if (/^\d+$/.test(seg)) {
    const i = Number(seg);
    if (i >= arr.length)
      throw new PathError(`${walked}: index ${i} is past the end (length ${arr.length})`);
    return [i];
  }
  const hits: number[] = [];
  arr.forEach((el, i) => {
    if (el && typeof el === 'object' && (el as { id?: unknown }).id === seg) hits.push(i);
  });
  if (!hits.length) {
    const ids = arr.map((el) => (el as { id?: unknown })?.id).filter((x) => typeof x === 'string');
    throw new PathError(
      `${walked}: no element with id "${seg}" (ids: ${ids.slice(0, 15).join(', ')}${ids.length > 15 ? ', …' : ''}; or an index, or *)`,
    );
  }
  return hits;
}

function splitPath(path: string): string[] {
  const segs = path.split('.').filter((s) => s.length > 0);
  if (!segs.length) throw new PathError('empty path');
  const bad = segs.find(isReservedKey);
  if (bad !== undefined)
    throw new PathError(
      `the segment "${bad}" is not allowed (it names a JavaScript internal, not a scenario field)`,
    );
  return segs;
}

/**
 * Walks every place `path` names inside `doc` and calls `leaf(container, key)` there; a missing
 * field on the way is an error, a missing last field is allowed (the schema judges it).
 */
function visitPath(
  doc: unknown,
  path: string,
  leaf: (container: Record<string | number, unknown>, key: string | number) => void,
): number {
  const segs = splitPath(path);
  let count = 0;
  const walk = (node: unknown, i: number, walked: string) => {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const here = walked ? `${walked}.${seg}` : seg;
    if (Array.isArray(node)) {
      for (const k of matchArray(node, seg, walked || '(root)')) {
        if (last) {
          leaf(node as never, k);
          count++;
        } else walk(node[k], i + 1, here);
      }
      return;
    }
    if (node === null || typeof node !== 'object')
      throw new PathError(
        `${walked || '(root)'}: is not an object or array, cannot go into "${seg}"`,
      );
    const obj = node as Record<string, unknown>;
    // Reserved keys a raw document may hold are never walked into or written (validation refuses them).
    const keys = Object.keys(obj).filter((k) => !isReservedKey(k));
    if (seg === '*') {
      // Every value of a record, e.g. unitTypes.*.fuelCapacityH.
      for (const k of keys) {
        if (last) {
          leaf(obj, k);
          count++;
        } else walk(obj[k], i + 1, `${walked}.${k}`);
      }
      return;
    }
    if (last) {
      leaf(obj, seg);
      count++;
      return;
    }
    if (!Object.hasOwn(obj, seg)) {
      const near = nearest(seg, keys);
      throw new PathError(
        `${here}: not found (${near.length ? `did you mean ${near.join(' or ')}? ` : ''}fields here: ${keys.join(', ')})`,
      );
    }
    walk(obj[seg], i + 1, here);
  };
  walk(doc, 0, '');
  return count;
}

/** Sets `value` at every place `path` names inside `doc` (mutates it). Returns how many were set. */
export function setPath(doc: unknown, path: string, value: unknown): number {
  return visitPath(doc, path, (c, k) => {
    c[k] = value;
  });
}

/** Checks that `path` lands somewhere in `doc` without changing it; returns how many places. */
export function checkPath(doc: unknown, path: string): number {
  return visitPath(doc, path, () => {});
}

interface DeclaredParameter {
  name: string;
  path: string;
  min?: number;
  max?: number;
}

/** The declared parameters of a raw (not yet validated) document, ignoring malformed ones. */
function declaredParameters(doc: unknown): DeclaredParameter[] {
  const list = (doc as { parameters?: unknown } | null)?.parameters;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is DeclaredParameter =>
      !!p && typeof p === 'object' && typeof p.name === 'string' && typeof p.path === 'string',
  );
}

/** "did you mean" the declared parameters nearest the name, then all of them. */
function unknownName(
  label: string,
  key: string,
  name: string | undefined,
  params: readonly DeclaredParameter[],
): string {
  const names = params.map((p) => p.name);
  // A dotted path may instead have a mistyped field at its start (unit.x for units.x).
  const fields =
    key.includes('.') && !key.startsWith('parameters.') ? Object.keys(Scenario.shape) : [];
  const near = nearest(name ?? key, [...names, ...fields]);
  const guess = near.length ? `; did you mean ${near.join(' or ')}?` : '';
  return `${label}${key}: not a declared parameter${guess} (declared parameters: ${names.join(', ') || 'none'}; or a path such as units.<id>.count)`;
}

/**
 * Applies `name=value` assignments: a declared parameter's name or a raw path. `label` names
 * where they came from in messages: `--set` on the command line, `set=` in a shared link.
 */
export function applyAssignments(
  doc: unknown,
  assignments: readonly string[],
  label = '--set ',
): void {
  const params = declaredParameters(doc);
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new PathError(`${label}${a}: expected path=value`);
    const key = a.slice(0, eq);
    let value: unknown;
    try {
      value = parseValue(a.slice(eq + 1));
    } catch (e) {
      if (e instanceof PathError) throw new PathError(`${label}${key}: ${e.message}`);
      throw e;
    }
    const param = params.find((p) => p.name === key);
    if (param) {
      const { min, max } = param;
      if (
        typeof value === 'number' &&
        ((typeof min === 'number' && value < min) || (typeof max === 'number' && value > max))
      ) {
        throw new PathError(
          `${label}${key}: found ${value}; allowed: ${min ?? '-∞'} to ${max ?? '∞'}`,
        );
      }
      try {
        setPath(doc, param.path, value);
      } catch (e) {
        if (e instanceof PathError)
          throw new PathError(`${label}${key}: its declared path ${param.path}: ${e.message}`);
        throw e;
      }
      continue;
    }
    const [head, next] = key.split('.');
    if ((!Object.hasOwn(Scenario.shape, head!) && !isReservedKey(head!)) || head === 'parameters') {
      // Neither a parameter nor a path into the scenario (sharingLatencyMn, or
      // parameters.sharingLatencyMn): a mistyped parameter name, most likely.
      throw new PathError(unknownName(label, key, head === 'parameters' ? next : head, params));
    }
    try {
      setPath(doc, key, value);
    } catch (e) {
      if (e instanceof PathError) throw new PathError(`${label}${key}: ${e.message}`);
      throw e;
    }
  }
}
