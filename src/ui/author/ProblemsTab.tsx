// Every problem the schema finds with the scenario as it stands (the same path-named problems
// as `concord validate`); a click opens the item it is about, in its tab.
import { entryAt } from '../../author/items';
import { getAuthor, setAuthor } from '../../store/author';
import { tabOfTable } from './tabs';
import { useAuthor } from './use-author';

const ITEM = /^([A-Za-z]+)(?:\[(\d+)\]|\.([a-z0-9-]+))?/;

function goTo(path: string): void {
  const doc = getAuthor().doc;
  const m = ITEM.exec(path);
  if (!doc || !m) return;
  const table = m[1]!;
  const tab = tabOfTable(table);
  if (m[2] !== undefined) {
    const item = entryAt(doc, table, Number(m[2]));
    setAuthor({ tab, selection: item ? { table, id: item.id } : null });
  } else if (m[3] && table === 'unitTypes') setAuthor({ tab, selection: { table, id: m[3] } });
  else setAuthor({ tab });
}

export function ProblemsTab() {
  const problems = useAuthor((s) => s.problems);
  if (!problems.length)
    return <p className="au-ok">No problems: the scenario is valid. Try it, or download it.</p>;
  return (
    <ul className="au-problems">
      {problems.map((p) => (
        <li key={`${p.path}|${p.message}`}>
          <button type="button" className="au-link" onClick={() => goTo(p.path)}>
            <code>{p.path}</code>
          </button>{' '}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
