// The form's composite widgets: a position or box (a tuple of numbers), a set of choices (a
// list of enum values or of the document's ids), a table of values by key (trust, priorities),
// a list of small objects (a scenario's sources), and a choice between two shapes ("all", or
// a list of threat kinds; a time as "D+1 06:00" or hours).
import { commit } from './commit';
import type { FieldProps } from './Field';
import { NumberInput, TextInput } from './inputs';
import { refOptions, refTable } from './refs';
import { SchemaForm } from './SchemaForm';
import { matchesType, type SchemaNode } from './schema-node';

type Props = FieldProps & { id: string; invalid: boolean; describedBy?: string | undefined };

export function TupleField(props: Props) {
  const items = props.node.prefixItems ?? [];
  const value = Array.isArray(props.value) ? props.value : [];
  return (
    <span className="au-tuple" id={props.id}>
      {items.map((item, i) => (
        <span key={String(i)} className="au-tuple-item">
          <label htmlFor={`${props.id}-${i}`}>
            {(item.description ?? `#${i + 1}`).split(',')[0]}
          </label>
          <NumberInput
            id={`${props.id}-${i}`}
            value={value[i]}
            node={item}
            invalid={props.invalid}
            describedBy={props.describedBy}
            onCommit={(v) => {
              const next = items.map((_, j) => (j === i ? v : value[j]));
              commit(props.path, next);
            }}
          />
        </span>
      ))}
    </span>
  );
}

/** Checkboxes for a list of enum values or of ids from the document. */
export function ChoiceList(props: Props & { item: SchemaNode }) {
  const chosen = Array.isArray(props.value) ? (props.value as unknown[]).map(String) : [];
  const table = refTable(props.path);
  const options = props.item.enum
    ? props.item.enum.map((e) => ({ id: String(e), name: String(e) }))
    : table
      ? refOptions(props.doc, table)
      : null;
  if (!options)
    return (
      <TextInput
        id={props.id}
        value={chosen.join(', ')}
        node={props.node}
        invalid={props.invalid}
        describedBy={props.describedBy}
        onCommit={(v) =>
          commit(
            props.path,
            v === undefined
              ? undefined
              : String(v)
                  .split(/\s*,\s*/)
                  .filter(Boolean),
          )
        }
      />
    );
  const toggle = (id: string, on: boolean) =>
    commit(props.path, on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="au-choices" id={props.id} aria-describedby={props.describedBy}>
      {options.map((o) => (
        <label key={o.id}>
          <input
            type="checkbox"
            checked={chosen.includes(o.id)}
            onChange={(e) => toggle(o.id, e.target.checked)}
          />
          {o.name}
        </label>
      ))}
      {!options.length && <span className="au-desc">Nothing to choose yet.</span>}
    </fieldset>
  );
}

/** A table of numbers by key: trust towards actors, priorities per threat kind. */
export function RecordField(props: Props) {
  const record = (props.value && typeof props.value === 'object' ? props.value : {}) as Record<
    string,
    unknown
  >;
  const keyNode = props.node.propertyNames;
  const valueNode =
    typeof props.node.additionalProperties === 'object' ? props.node.additionalProperties : {};
  const keys = keyNode?.enum
    ? keyNode.enum.map(String)
    : refOptions(props.doc, 'actors')
        .map((a) => a.id)
        .filter(
          (id) =>
            id !== props.path[1 + props.path.indexOf('actors')] || !props.path.includes('actors'),
        );
  const actorsTable = props.path[0] === 'actors' && typeof props.path[1] === 'number';
  const self = actorsTable
    ? String((props.doc.actors as Array<{ id: string }>)[props.path[1] as number]?.id)
    : '';
  return (
    <div className="au-record" id={props.id}>
      {keys
        .filter((k) => k !== self)
        .map((k) => (
          <span key={k} className="au-record-row">
            <label htmlFor={`${props.id}-${k}`}>{k}</label>
            <NumberInput
              id={`${props.id}-${k}`}
              value={record[k]}
              node={valueNode}
              invalid={props.invalid}
              onCommit={(v) => {
                const next = { ...record };
                if (v === undefined) delete next[k];
                else next[k] = v;
                commit(props.path, next);
              }}
            />
          </span>
        ))}
    </div>
  );
}

/** A short list of small objects, each its own little form, with add and remove. */
export function ObjectList(props: Props & { item: SchemaNode }) {
  const list = Array.isArray(props.value) ? (props.value as unknown[]) : [];
  const blank = () => Object.fromEntries((props.item.required ?? []).map((k) => [k, '']));
  return (
    <div className="au-objlist" id={props.id}>
      {list.map((v, i) => (
        <div className="au-objlist-item" key={String(i)}>
          <SchemaForm
            node={props.item}
            path={[...props.path, i]}
            value={v}
            doc={props.doc}
            problems={props.problems}
          />
          <button
            type="button"
            className="au-link"
            onClick={() =>
              commit(
                props.path,
                list.filter((_, j) => j !== i),
              )
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="au-link"
        onClick={() => commit(props.path, [...list, blank()])}
      >
        Add
      </button>
    </div>
  );
}

/** A value of one of two shapes: a fixed word or a list, text or hours. */
export function UnionField(props: Props) {
  const options = props.node.oneOf ?? props.node.anyOf ?? [];
  const constOpt = options.find((o) => o.const !== undefined);
  const listOpt = options.find((o) => o.type === 'array');
  if (constOpt && listOpt) {
    const isConst =
      props.value === undefined
        ? props.node.default === constOpt.const
        : props.value === constOpt.const;
    return (
      <div className="au-union" id={props.id}>
        <label>
          <input
            type="checkbox"
            checked={isConst}
            onChange={(e) => commit(props.path, e.target.checked ? constOpt.const : [])}
          />
          {String(constOpt.const)}
        </label>
        {!isConst && (
          <ChoiceList
            {...props}
            node={listOpt}
            item={typeof listOpt.items === 'object' ? listOpt.items : {}}
          />
        )}
      </div>
    );
  }
  // Text or a number (an inject's time: "D+1 06:00" or hours after the start).
  const numeric = options.some((o) => o.type === 'number');
  return (
    <TextInput
      id={props.id}
      value={props.value}
      node={options.find((o) => matchesType(o, props.value)) ?? props.node}
      invalid={props.invalid}
      describedBy={props.describedBy}
      onCommit={(v) => commit(props.path, v)}
      parse={(s) => (numeric && /^\s*\d+(\.\d+)?\s*$/.test(s) ? Number(s) : s)}
    />
  );
}
