// Target paths into a scenario document, used by `--set path=value`, declared sweep
// parameters and later experiments. A segment on an array is an index, `*` (every element)
// or an element's id: `agreements.*.latencyMin`, `units.ml-gtia.count`, `actors.0.trust.niger`.

export class PathError extends Error {}

/** Parses a command-line value: numbers, booleans and null as JSON, anything else a string. */
export function parseValue(text: string): unknown {
  if (/^(true|false|null|-?\d+(\.\d+)?([eE][-+]?\d+)?)$/.test(text)) return JSON.parse(text);
  if (text.startsWith('[') || text.startsWith('{') || text.startsWith('"')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new PathError(`value ${text} is not valid JSON`);
    }
  }
  return text;
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

/** Sets `value` at every place `path` names inside `doc` (mutates it). Returns how many were set. */
export function setPath(doc: unknown, path: string, value: unknown): number {
  const segs = path.split('.').filter((s) => s.length > 0);
  if (!segs.length) throw new PathError(`empty path`);
  let count = 0;
  const walk = (node: unknown, i: number, walked: string) => {
    const seg = segs[i]!;
    const last = i === segs.length - 1;
    const here = walked ? `${walked}.${seg}` : seg;
    if (Array.isArray(node)) {
      for (const k of matchArray(node, seg, walked || '(root)')) {
        if (last) {
          node[k] = value;
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
    if (seg === '*') {
      // Every value of a record, e.g. unitTypes.*.fuelCapacityH.
      for (const k of Object.keys(obj)) {
        if (last) {
          obj[k] = value;
          count++;
        } else walk(obj[k], i + 1, `${walked}.${k}`);
      }
      return;
    }
    if (last) {
      obj[seg] = value;
      count++;
      return;
    }
    if (!(seg in obj))
      throw new PathError(`${here}: not found (fields here: ${Object.keys(obj).join(', ')})`);
    walk(obj[seg], i + 1, here);
  };
  walk(doc, 0, '');
  return count;
}

/** Applies `name=value` assignments: a declared parameter's name or a raw path. */
export function applyAssignments(doc: unknown, assignments: readonly string[]): void {
  const params =
    (doc as { parameters?: Array<{ name: string; path: string; min?: number; max?: number }> })
      .parameters ?? [];
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq <= 0) throw new PathError(`--set ${a}: expected path=value`);
    const key = a.slice(0, eq);
    const value = parseValue(a.slice(eq + 1));
    const param = params.find((p) => p.name === key);
    if (param) {
      if (
        typeof value === 'number' &&
        ((param.min !== undefined && value < param.min) ||
          (param.max !== undefined && value > param.max))
      ) {
        throw new PathError(
          `--set ${key}: found ${value}; allowed: ${param.min ?? '-∞'} to ${param.max ?? '∞'}`,
        );
      }
      setPath(doc, param.path, value);
    } else {
      try {
        setPath(doc, key, value);
      } catch (e) {
        if (e instanceof PathError) {
          const names = params.map((p) => p.name);
          throw new PathError(
            `--set ${key}: ${e.message}${names.length ? ` (declared parameters: ${names.join(', ')})` : ''}`,
          );
        }
        throw e;
      }
    }
  }
}
