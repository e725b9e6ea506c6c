// The parts of a scenario that parse on their own, when the whole does not: so that a schema
// error (a bad inject kind) does not hide a broken reference elsewhere (an unknown owner) until
// it is fixed. Validation runs the cross-reference checks on what this keeps.
import type { z } from 'zod';
import { Scenario } from './schema';

export interface Salvaged {
  /** Every top-level field parsed alone; collections keep only the elements that parse. */
  scenario: Scenario;
  /** Ids of elements (and unitTypes keys) left out: they exist, so naming them is no error. */
  known: Map<string, string[]>;
  /** Maps a problem path on `scenario` back to the document (`units[2]` → `units[5]`). */
  pathInDoc(path: string): string;
}

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { def: Def }).def;

/** The array schema inside a field's defaults and optionals, if it is one. */
function arrayElement(schema: z.ZodType): z.ZodType | undefined {
  let d = defOf(schema);
  while (d.innerType) d = defOf(d.innerType);
  return d.type === 'array' ? d.element : undefined;
}

const idOf = (v: unknown): string | undefined => {
  const id = (v as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * Undefined when a part the reference checks need (geography, or a list that is not a list)
 * does not parse, or the document is not an object: then the schema's problems are all there
 * is to say.
 */
export function salvageScenario(data: unknown): Salvaged | undefined {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const doc = data as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const known = new Map<string, string[]>();
  const kept = new Map<string, number[]>();
  for (const [key, schema] of Object.entries(Scenario.shape) as Array<[string, z.ZodType]>) {
    const whole = schema.safeParse(doc[key]);
    if (whole.success) {
      out[key] = whole.data;
      continue;
    }
    const element = arrayElement(schema);
    const value = doc[key];
    if (element && Array.isArray(value)) {
      const good: unknown[] = [];
      const index: number[] = [];
      const dropped: string[] = [];
      value.forEach((v, i) => {
        const r = element.safeParse(v);
        if (r.success) {
          good.push(r.data);
          index.push(i);
        } else if (idOf(v) !== undefined) dropped.push(idOf(v)!);
      });
      out[key] = good;
      kept.set(key, index);
      known.set(key, dropped);
    } else if (element) {
      // A list that is not a list (`"actors": 7`): every reference into it would be a false
      // alarm, so the schema's problems are all there is to say, as for geography.
      return undefined;
    } else if (key === 'unitTypes' && value && typeof value === 'object') {
      const types: Record<string, unknown> = {};
      for (const [id, t] of Object.entries(value)) {
        const r = Scenario.shape.unitTypes.valueType.safeParse(t);
        if (r.success) types[id] = r.data;
      }
      out[key] = types;
      known.set(
        key,
        Object.keys(value).filter((id) => !(id in types)),
      );
    } else if (key === 'geography') {
      return undefined;
    } else {
      // Scalars (id, tickMinutes…) the reference checks do not read; an optional part's default.
      const fallback = schema.safeParse(undefined);
      out[key] = fallback.success ? fallback.data : value;
    }
  }
  return {
    scenario: out as Scenario,
    known,
    pathInDoc(path) {
      return path.replace(/^([A-Za-z]+)\[(\d+)\]/, (m, key: string, i: string) => {
        const orig = kept.get(key)?.[Number(i)];
        return orig === undefined ? m : `${key}[${orig}]`;
      });
    },
  };
}
