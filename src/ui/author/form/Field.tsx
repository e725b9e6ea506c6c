// One field of a form that follows the scenario schema: the widget its schema node asks for
// (text, number, a choice, a switch, a position, a list, a table of values, a nested group),
// its label and description, and the schema's own problems with it shown beneath it.
import { useId } from 'react';
import type { Doc } from '../../../author/edit-session';
import { lineLengthKm, ringAreaKm2 } from '../../../author/shapes';
import type { Problem } from '../../../scenario/problems';
import type { LonLat } from '../../../sim/describe';
import { commit } from './commit';
import { ChoiceList, ObjectList, RecordField, TupleField, UnionField } from './composites';
import { CheckInput, ColorInput, NumberInput, SelectInput, TextInput } from './inputs';
import { type DocPath, problemsAt, problemsWithin } from './paths';
import { refOptions, refTable } from './refs';
import { SchemaForm } from './SchemaForm';
import type { SchemaNode } from './schema-node';

export interface FieldProps {
  name: string;
  path: DocPath;
  node: SchemaNode;
  value: unknown;
  required: boolean;
  doc: Doc;
  problems: readonly Problem[];
}

/** "decisionLatencyMin" → "Decision latency min". */
export function labelFor(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const GEOMETRY = new Set(['polygon', 'coordinates']);

export function Field(props: FieldProps) {
  const id = useId();
  const { node, path, value } = props;
  const nested =
    node.type === 'object' ||
    (node.type === 'array' &&
      !node.prefixItems &&
      typeof node.items === 'object' &&
      node.items.type === 'object');
  const own = nested ? problemsAt(props.problems, path) : problemsWithin(props.problems, path);
  const msgId = own.length ? `${id}-msg` : undefined;
  if (nested && node.properties) {
    return (
      <fieldset className="au-group">
        <legend>{labelFor(props.name)}</legend>
        <SchemaForm
          node={node}
          path={path}
          value={value}
          doc={props.doc}
          problems={props.problems}
        />
        <Problems id={msgId} list={own} />
      </fieldset>
    );
  }
  return (
    <div className={`au-field${own.length ? ' bad' : ''}`} data-path={path.join('.')}>
      <label htmlFor={id}>
        {labelFor(props.name)}
        {props.required && (
          <span className="au-req" title="required">
            {' '}
            *
          </span>
        )}
      </label>
      <Widget {...props} id={id} invalid={own.length > 0} describedBy={msgId} />
      {node.description && <div className="au-desc">{node.description}</div>}
      <Problems id={msgId} list={own} />
    </div>
  );
}

function Problems(props: { id?: string | undefined; list: readonly Problem[] }) {
  if (!props.list.length) return null;
  return (
    <div className="au-problem" id={props.id} role="alert">
      {props.list.map((p) => (
        <div key={`${p.path}|${p.message}`}>{p.message}</div>
      ))}
    </div>
  );
}

type WidgetProps = FieldProps & { id: string; invalid: boolean; describedBy?: string | undefined };

function Widget(props: WidgetProps) {
  const { node, path, value, doc } = props;
  const onCommit = (v: unknown) => commit(path, v);
  const base = {
    id: props.id,
    value,
    node,
    invalid: props.invalid,
    describedBy: props.describedBy,
    onCommit,
  };
  if (GEOMETRY.has(props.name)) return <GeometryNote name={props.name} value={value} />;
  if (node.oneOf || node.anyOf) return <UnionField {...props} />;
  if (node.enum)
    return (
      <SelectInput
        {...base}
        optional={!props.required}
        options={node.enum.map((e) => ({ value: String(e), label: String(e) }))}
      />
    );
  if (node.const !== undefined) return <code className="au-const">{String(node.const)}</code>;
  if (node.type === 'boolean') return <CheckInput {...base} />;
  if (node.type === 'number' || node.type === 'integer') return <NumberInput {...base} />;
  if (node.type === 'string') {
    const table = refTable(path);
    if (table) {
      const options = refOptions(doc, table).map((o) => ({
        value: o.id,
        label: o.name === o.id ? o.id : `${o.name} (${o.id})`,
      }));
      return <SelectInput {...base} optional={!props.required} options={options} />;
    }
    if (node.pattern === '^#[0-9a-fA-F]{6}$') return <ColorInput {...base} />;
    return (
      <TextInput {...base} multiline={props.name === 'message' || props.name === 'description'} />
    );
  }
  if (node.type === 'array' && node.prefixItems) return <TupleField {...props} />;
  if (node.type === 'array') {
    const item = typeof node.items === 'object' ? node.items : null;
    if (item?.type === 'object') return <ObjectList {...props} item={item} />;
    return <ChoiceList {...props} item={item ?? {}} />;
  }
  if (node.type === 'object') return <RecordField {...props} />;
  return <TextInput {...base} />;
}

/** Shapes are drawn and reshaped on the map; the form says how big they are (turf). */
function GeometryNote(props: { name: string; value: unknown }) {
  const v = props.value as LonLat[][] | LonLat[] | undefined;
  if (!Array.isArray(v) || !v.length)
    return <div className="au-desc">Not drawn yet: draw it on the map.</div>;
  const words =
    props.name === 'polygon'
      ? `${(v as LonLat[][])[0]!.length - 1} vertices · ${Math.round(ringAreaKm2(v as LonLat[][])).toLocaleString('en-GB')} km²`
      : `${v.length} points · ${Math.round(lineLengthKm(v as LonLat[])).toLocaleString('en-GB')} km`;
  return <div className="au-geom">{words}. Reshape on the map: drag a vertex.</div>;
}
