// The form's plain inputs. Text and numbers are committed on Enter or when the field loses
// focus (one undo step per value, not per keystroke); selects and switches at once.
import { useEffect, useState } from 'react';
import type { SchemaNode } from './schema-node';

interface InputProps {
  id: string;
  value: unknown;
  node: SchemaNode;
  invalid: boolean;
  describedBy?: string | undefined;
  onCommit(value: unknown): void;
}

/** Empty text clears an optional field (the schema's default applies), shown as placeholder. */
const placeholderOf = (node: SchemaNode) =>
  node.default !== undefined && typeof node.default !== 'object'
    ? `default: ${String(node.default)}`
    : '';

export function TextInput(
  props: InputProps & { multiline?: boolean; numeric?: boolean; parse?(s: string): unknown },
) {
  const shown = props.value === undefined || props.value === null ? '' : String(props.value);
  const [text, setText] = useState(shown);
  useEffect(() => setText(shown), [shown]);
  const done = () => {
    if (text === shown) return;
    props.onCommit(text === '' ? undefined : props.parse ? props.parse(text) : text);
  };
  const common = {
    id: props.id,
    value: text,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    placeholder: placeholderOf(props.node),
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: done,
  };
  if (props.multiline) return <textarea rows={3} {...common} />;
  return (
    <input
      type="text"
      {...(props.numeric ? { inputMode: 'decimal' as const, className: 'au-num' } : {})}
      {...common}
      onKeyDown={(e) => {
        if (e.key === 'Enter') done();
        if (e.key === 'Escape') setText(shown);
      }}
    />
  );
}

/** A number as typed: blank clears it; what is not a number is kept, for the schema to name. */
function parseNumber(s: string): unknown {
  const t = s.trim();
  const n = Number(t);
  return t === '' ? undefined : Number.isFinite(n) ? n : t;
}

export function NumberInput(props: InputProps) {
  return <TextInput {...props} numeric parse={parseNumber} />;
}

export function SelectInput(
  props: InputProps & {
    options: ReadonlyArray<{ value: string; label: string }>;
    optional: boolean;
  },
) {
  const v = props.value === undefined || props.value === null ? '' : String(props.value);
  const known = props.options.some((o) => o.value === v);
  return (
    <select
      id={props.id}
      value={v}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onCommit(e.target.value === '' ? undefined : e.target.value)}
    >
      {(props.optional || v === '') && (
        <option value="">{props.optional ? '(not set)' : '(choose)'}</option>
      )}
      {!known && v !== '' && <option value={v}>{v} (not in this scenario)</option>}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

export function CheckInput(props: InputProps) {
  const on = props.value === undefined ? props.node.default === true : props.value === true;
  return (
    <input
      type="checkbox"
      id={props.id}
      checked={on}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => props.onCommit(e.target.checked)}
    />
  );
}

export function ColorInput(props: InputProps) {
  const v =
    typeof props.value === 'string' && /^#[0-9a-f]{6}$/i.test(props.value)
      ? props.value
      : '#888888';
  return (
    <span className="au-color">
      <input
        type="color"
        id={props.id}
        value={v.toLowerCase()}
        onChange={(e) => props.onCommit(e.target.value)}
      />
      <code>{v}</code>
    </span>
  );
}
