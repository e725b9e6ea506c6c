// Author mode's side panel: the scenario's settings, its actors, forces, map items, agreements
// and rights, threat, injects, each in a form that follows the schema, and every problem the
// schema finds (a click goes to the item and tab). A tab's badge counts its problems.
import type { Doc } from '../../author/edit-session';
import type { Problem } from '../../scenario/problems';
import { setAuthor } from '../../store/author';
import { SchemaForm } from './form/SchemaForm';
import { scenarioSchema } from './form/schema-node';
import { ProblemsTab } from './ProblemsTab';
import { TableEditor } from './TableEditor';
import { AUTHOR_TABS, type AuthorTabId, TAB_TABLES } from './tabs';
import { useAuthor } from './use-author';

/** Top-level keys edited in other tabs (or not by hand). */
const NOT_ON_SCENARIO_TAB = new Set(['$schema', ...Object.values(TAB_TABLES).flat()]);

const tabProblems = (tab: AuthorTabId, problems: readonly Problem[]) => {
  const tables = TAB_TABLES[tab];
  if (tab === 'problems') return problems.length;
  if (tab === 'scenario')
    return problems.filter(
      (p) =>
        !Object.values(TAB_TABLES)
          .flat()
          .some((t) => p.path.startsWith(t)),
    ).length;
  return problems.filter((p) =>
    tables.some((t) => p.path === t || p.path.startsWith(`${t}[`) || p.path.startsWith(`${t}.`)),
  ).length;
};

function TabBody(props: { tab: AuthorTabId; doc: Doc; problems: readonly Problem[] }) {
  const selection = useAuthor((s) => s.selection);
  if (props.tab === 'problems') return <ProblemsTab />;
  if (props.tab === 'scenario')
    return (
      <SchemaForm
        node={scenarioSchema()}
        path={[]}
        value={props.doc}
        doc={props.doc}
        problems={props.problems}
        omit={NOT_ON_SCENARIO_TAB}
      />
    );
  return (
    <>
      {TAB_TABLES[props.tab].map((t) => (
        <TableEditor
          key={t}
          table={t}
          doc={props.doc}
          problems={props.problems}
          selection={selection}
        />
      ))}
    </>
  );
}

export function AuthorPanel() {
  const tab = useAuthor((s) => s.tab) as AuthorTabId;
  const doc = useAuthor((s) => s.doc);
  const problems = useAuthor((s) => s.problems);
  if (!doc) return null;
  return (
    <aside className="au-side">
      <div className="au-tabs" role="tablist" aria-label="Scenario parts">
        {AUTHOR_TABS.map((t) => {
          const n = tabProblems(t.id, problems);
          return (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`au-tab-${t.id}`}
              aria-selected={tab === t.id}
              aria-controls="au-tabpanel"
              className={tab === t.id ? 'on' : ''}
              onClick={() => setAuthor({ tab: t.id })}
            >
              {t.label}
              {n > 0 && <span className="au-bad">{n}</span>}
            </button>
          );
        })}
      </div>
      <div
        className="au-body"
        role="tabpanel"
        id="au-tabpanel"
        aria-labelledby={`au-tab-${tab}`}
        data-tab={tab}
      >
        <TabBody tab={tab} doc={doc} problems={problems} />
      </div>
    </aside>
  );
}
