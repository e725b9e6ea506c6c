// Author mode's side panel: the scenario's settings, its actors, forces, map items, agreements
// and rights, threat, injects, each in a form that follows the schema, and every problem the
// schema finds (a click goes to the item and tab). A tab's badge counts its problems.
import type { Doc } from '../../author/edit-session';
import type { Problem } from '../../scenario/problems';
import { setAuthor } from '../../store/author';
import { TabRow } from '../TabRow';
import { problemsWithin } from './form/paths';
import { SchemaForm } from './form/SchemaForm';
import { scenarioSchema } from './form/schema-node';
import { ProblemsTab } from './ProblemsTab';
import { TableEditor } from './TableEditor';
import { AUTHOR_TABS, type AuthorTabId, TAB_TABLES } from './tabs';
import { useAuthor } from './use-author';

/** Top-level keys edited in other tabs (or not by hand). */
const NOT_ON_SCENARIO_TAB = new Set(['$schema', ...Object.values(TAB_TABLES).flat()]);

/** Problems in a tab: its tables' (the Scenario tab: what no other tab holds; Problems: all). */
const tabProblems = (tab: AuthorTabId, problems: readonly Problem[]): number => {
  const inTables = (tables: readonly string[]) =>
    tables.reduce((n, t) => n + problemsWithin(problems, [t]).length, 0);
  if (tab === 'problems') return problems.length;
  if (tab === 'scenario') return problems.length - inTables(Object.values(TAB_TABLES).flat());
  return inTables(TAB_TABLES[tab]);
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
      <TabRow
        className="au-tabs"
        label="Scenario parts"
        idPrefix="au-tab-"
        controls="au-tabpanel"
        tabs={AUTHOR_TABS.map((t) => ({ ...t, count: tabProblems(t.id, problems) }))}
        selected={tab}
        onSelect={(id) => setAuthor({ tab: id })}
      />
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
