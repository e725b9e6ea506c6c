// One table of the scenario in author mode's side panel: its items by name (a badge counts the
// schema's problems in each), Add (a blank item for the form-edited tables; the map tool for the
// drawn ones), the selected item's form, and Remove. Unit types are keyed by id, not listed.

import { addItem, removeItem } from '../../author/edit-ops';
import type { Doc } from '../../author/edit-session';
import { entryAt, newTableItem, type TableName } from '../../author/items';
import type { Problem } from '../../scenario/problems';
import { type AuthorSelection, type AuthorTool, setAuthor } from '../../store/author';
import { authorEdit } from '../../store/author-session';
import { CorridorButton } from './CorridorButton';
import { labelFor } from './form/Field';
import { problemsWithin } from './form/paths';
import { SchemaForm } from './form/SchemaForm';
import { nodeAt, scenarioSchema } from './form/schema-node';
import { KindChoice } from './KindChoice';

/** An inject's kind has its own choice above the form. */
const KIND_ONLY: ReadonlySet<string> = new Set(['kind']);

/** Tables whose items are made on the map, and the tool that makes them. */
const DRAWN: Record<string, AuthorTool> = {
  units: 'unit',
  bases: 'base',
  places: 'place',
  zones: 'zone-polygon',
  routes: 'route',
};

const SINGULAR: Record<string, string> = {
  actors: 'actor',
  agreements: 'agreement',
  rights: 'right',
  bases: 'base',
  routes: 'route',
  zones: 'zone',
  places: 'place',
  units: 'unit',
  unitTypes: 'unit type',
  threats: 'threat group',
  injects: 'inject',
};

interface Row {
  id: string;
  name: string;
  index: number | string;
}

function rowsOf(doc: Doc, table: string): Row[] {
  if (table === 'unitTypes')
    return Object.entries((doc.unitTypes ?? {}) as Record<string, { name?: string }>).map(
      ([id, t]) => ({
        id,
        name: t?.name ?? id,
        index: id,
      }),
    );
  const list = Array.isArray(doc[table]) ? (doc[table] as unknown[]) : [];
  return list.flatMap((_, i) => {
    const x = entryAt(doc, table, i);
    return x ? [rowOf(x, i)] : [];
  });
}

function rowOf(x: Record<string, unknown> & { id: string }, i: number): Row {
  return {
    id: String(x.id),
    name: typeof x.name === 'string' && x.name ? x.name : String(x.id),
    index: i,
  };
}

function add(doc: Doc, table: string): void {
  if (DRAWN[table]) {
    setAuthor({ tool: DRAWN[table]!, hint: null });
    return;
  }
  if (table === 'unitTypes') {
    setAuthor({ tool: 'unit', hint: 'Add a unit type from the palette over the map.' });
    return;
  }
  const item = newTableItem(doc, table as TableName);
  if (authorEdit(`add ${item.id}`, addItem(table, item)))
    setAuthor({ selection: { table, id: item.id } });
}

function remove(table: string, id: string): void {
  const done =
    table === 'unitTypes'
      ? authorEdit(`remove unit type ${id}`, (d) => {
          delete (d.unitTypes as Record<string, unknown>)[id];
        })
      : authorEdit(`remove ${id}`, removeItem(table, id));
  if (done) setAuthor({ selection: null });
}

export function TableEditor(props: {
  table: string;
  doc: Doc;
  problems: readonly Problem[];
  selection: AuthorSelection | null;
}) {
  const { table, doc, problems } = props;
  const rows = rowsOf(doc, table);
  const sel =
    props.selection?.table === table ? rows.find((r) => r.id === props.selection!.id) : undefined;
  const path = sel ? [table, sel.index] : null;
  const node = path ? nodeAt(scenarioSchema(), doc, path) : null;
  const value = path ? (doc[table] as Record<string | number, unknown>)[sel!.index] : null;
  return (
    <section className="au-table" aria-label={labelFor(table)}>
      <header>
        <h3>
          {labelFor(table)} <span className="au-count">{rows.length}</span>
        </h3>
        <button type="button" className="au-btn" onClick={() => add(doc, table)} data-add={table}>
          {DRAWN[table] ? 'Add on the map' : 'Add'}
        </button>
      </header>
      <ul className="au-rows">
        {rows.map((r) => {
          const n = problemsWithin(problems, [table, r.index]).length;
          return (
            <li key={r.id}>
              <button
                type="button"
                className={`au-row${sel?.id === r.id ? ' on' : ''}`}
                aria-current={sel?.id === r.id || undefined}
                onClick={() =>
                  setAuthor({ selection: sel?.id === r.id ? null : { table, id: r.id } })
                }
              >
                <span>{r.name}</span>
                {n > 0 && (
                  <span className="au-bad" title={`${n} problem${n > 1 ? 's' : ''}`}>
                    {n}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      {sel && node && path && (
        <div className="au-item" data-item={`${table}:${sel.id}`}>
          {node.properties?.kind?.const !== undefined && table === 'injects' && (
            <KindChoice path={path} value={value} />
          )}
          <SchemaForm
            node={node}
            path={path}
            value={value}
            doc={doc}
            problems={problems}
            omit={table === 'injects' ? KIND_ONLY : undefined}
          />
          {table === 'routes' && typeof sel.index === 'number' && (
            <CorridorButton doc={doc} index={sel.index} />
          )}
          <button type="button" className="au-btn danger" onClick={() => remove(table, sel.id)}>
            Remove this {SINGULAR[table] ?? 'item'}
          </button>
        </div>
      )}
    </section>
  );
}
