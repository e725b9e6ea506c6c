// Reads the scenario fields of an imported feature from its GeoJSON properties, checked by the
// scenario schema's own field schemas (so the ranges never drift from src/scenario/schema.ts).
// A missing field takes its default quietly; a field present but not allowed takes the default
// too, with a problem naming `features[i].properties.<field>`, what was found and what is allowed.
// Only own keys are read: a property named `constructor` or `__proto__` is never followed.
import type { z } from 'zod';
import { describeValue, type Problem, problemsFromZod } from '../../scenario/problems';

export type Props = Readonly<Record<string, unknown>>;

/** The feature's properties as a plain record; null, absent or not an object gives {}. */
export function propertiesOf(feature: object, path: string, problems: Problem[]): Props {
  const p = own(feature, 'properties');
  if (p === undefined || p === null) return {};
  if (typeof p !== 'object' || Array.isArray(p)) {
    problems.push({
      path: `${path}.properties`,
      message: `found ${describeValue(p)}; allowed: an object or null; read as {}`,
    });
    return {};
  }
  return p as Props;
}

/** An own property, never an inherited one. */
export function own(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** Reads the fields of one feature's properties, reporting at `features[i].properties.<key>`. */
export interface FieldReader {
  /** A field that is one of `allowed`; else `fallback`, with a problem if another was given. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback: T): T;
  /**
   * A field checked by `schema` (a field schema of the scenario's, e.g. `Place.shape.population`);
   * undefined when absent or not allowed (then with a problem that ends with `instead`).
   */
  field<T>(key: string, schema: z.ZodType<T>, instead?: string): T | undefined;
  /** A non-empty trimmed string field, else undefined. */
  text(key: string): string | undefined;
}

/** `path` is the feature's, e.g. `features[3]`. */
export function fieldReader(props: Props, path: string, problems: Problem[]): FieldReader {
  const at = (key: string) => `${path}.properties.${key}`;
  return {
    choice(key, allowed, fallback) {
      const v = own(props, key);
      if (v === undefined) return fallback;
      if ((allowed as readonly unknown[]).includes(v)) return v as typeof fallback;
      problems.push({
        path: at(key),
        message: `found ${describeValue(v)}; allowed: ${allowed.join(', ')}; used "${fallback}"`,
      });
      return fallback;
    },
    field(key, schema, instead = 'left out') {
      const v = own(props, key);
      if (v === undefined || v === null) return undefined;
      const parsed = schema.safeParse(v);
      if (parsed.success) return parsed.data;
      for (const p of problemsFromZod(schema, v, parsed.error))
        problems.push({ path: at(key), message: `${p.message}; ${instead}` });
      return undefined;
    },
    text(key) {
      const v = own(props, key);
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    },
  };
}
