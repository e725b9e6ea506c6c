// A form for an object of the scenario: one field per property its schema lists (required
// ones first), each with the schema's problems at it. Geometry and ids the map manages are
// left to the map and the list that holds the item.
import type { Doc } from '../../../author/edit-session';
import type { Problem } from '../../../scenario/problems';
import { Field } from './Field';
import type { DocPath } from './paths';
import { branchFor, type SchemaNode } from './schema-node';

export interface SchemaFormProps {
  node: SchemaNode;
  path: DocPath;
  value: unknown;
  doc: Doc;
  problems: readonly Problem[];
  /** Properties not shown (edited elsewhere: a table's nested lists, `$schema`). */
  omit?: ReadonlySet<string> | undefined;
}

export function SchemaForm(props: SchemaFormProps) {
  const node = branchFor(props.node, props.value);
  const value = (props.value ?? {}) as Record<string, unknown>;
  const required = new Set(node.required ?? []);
  const names = Object.keys(node.properties ?? {}).filter((n) => !props.omit?.has(n));
  names.sort((a, b) => Number(required.has(b)) - Number(required.has(a)));
  return (
    <div className="au-form">
      {names.map((name) => (
        <Field
          key={name}
          name={name}
          path={[...props.path, name]}
          node={node.properties![name]!}
          value={value[name]}
          required={required.has(name)}
          doc={props.doc}
          problems={props.problems}
        />
      ))}
    </div>
  );
}
