// The JSON Schema that author mode's forms follow (the one `concord schema` prints), and the
// walk from a document path to the schema of the value there. Pure.
import { jsonSchema } from '../../../scenario/json-schema';

export interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode | false;
  prefixItems?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
  propertyNames?: SchemaNode;
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  default?: unknown;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
}

let cached: SchemaNode | null = null;

/** The scenario schema, made once. */
export function scenarioSchema(): SchemaNode {
  cached ??= jsonSchema('scenario') as SchemaNode;
  return cached;
}

/** The branch of a oneOf whose `kind` const matches the value (injects), else the first. */
export function branchFor(node: SchemaNode, value: unknown): SchemaNode {
  const options = node.oneOf ?? node.anyOf;
  if (!options) return node;
  const kind = (value as { kind?: unknown } | null)?.kind;
  const byKind =
    kind === undefined ? undefined : options.find((o) => o.properties?.kind?.const === kind);
  if (byKind) return byKind;
  const byShape = options.find((o) => matchesType(o, value));
  return byShape ?? options[0]!;
}

/** Whether a value has the JSON type a schema node asks for (to pick an anyOf branch). */
export function matchesType(node: SchemaNode, value: unknown): boolean {
  if (node.const !== undefined) return node.const === value;
  const t = node.type;
  if (t === 'array') return Array.isArray(value);
  if (t === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  if (t === 'number' || t === 'integer') return typeof value === 'number';
  if (t === 'string') return typeof value === 'string';
  if (t === 'boolean') return typeof value === 'boolean';
  return false;
}

/** The schema of the value at `path` in a document that follows `root` (null: none). */
export function nodeAt(
  root: SchemaNode,
  doc: unknown,
  path: ReadonlyArray<string | number>,
): SchemaNode | null {
  let node: SchemaNode | null = root;
  let value: unknown = doc;
  for (const key of path) {
    if (!node) return null;
    node = branchFor(node, value);
    value = (value as Record<string | number, unknown> | null)?.[key];
    if (typeof key === 'number') node = node.prefixItems?.[key] ?? (node.items || null);
    else if (node.properties?.[key]) node = node.properties[key]!;
    else node = typeof node.additionalProperties === 'object' ? node.additionalProperties : null;
  }
  return node ? branchFor(node, value) : null;
}

/** What a tuple of two numbers holds: a position [lon, lat]. */
export const isLonLatNode = (n: SchemaNode): boolean =>
  n.type === 'array' &&
  n.prefixItems?.length === 2 &&
  /Longitude/.test(n.prefixItems[0]?.description ?? '');
