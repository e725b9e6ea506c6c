// The ORBAT tab: the role's units as a tree, actor → command → unit (src/store/orbat.ts builds
// it from the role's own description, so a player sees only the units its role holds), with a
// search by name, id or type (Enter chooses the first match, ↓ goes to the tree, Esc clears).
// Commands follow the snapshots, re-read at most once a second.
import { useMemo, useRef } from 'react';
import type { WorldDescription } from '../../sim/describe';
import { getLatestSnapshot } from '../../store/latest-snapshot';
import {
  buildOrbat,
  filterOrbat,
  orbatCount,
  searchWords,
  snapshotCommands,
} from '../../store/orbat';
import { useSession, useSessionThrottled } from '../../store/react';
import { chooseUnit } from './actions';
import { OrbatTree } from './OrbatTree';
import { setOrbatQuery, useOrbatView } from './orbat-state';
import { visibleRows } from './rows';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function Orbat({ d }: { d: WorldDescription }) {
  const seq = useSessionThrottled((s) => s.snapshotSeq, 1000);
  const view = useOrbatView(d);
  const searchRef = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: seq marks a new snapshot.
  const tree = useMemo(() => buildOrbat(d, snapshotCommands(d, getLatestSnapshot())), [d, seq]);
  const found = useMemo(() => filterOrbat(tree, view.query), [tree, view.query]);
  const searching = searchWords(view.query).length > 0;
  const rows = useMemo(
    () => visibleRows(found, searching ? view.closedFound : view.closed),
    [found, searching, view.closed, view.closedFound],
  );
  const total = orbatCount(tree);
  const shown = orbatCount(found);
  const firstUnit = () => rows.find((r) => r.kind === 'unit');
  return (
    <div className="orbat">
      <input
        ref={searchRef}
        id="orbat-search"
        type="search"
        className="ob-search"
        aria-label="Search units by name, id or type"
        aria-controls="orbat-tree"
        placeholder="Search units by name, id or type…"
        autoComplete="off"
        value={view.query}
        onChange={(e) => setOrbatQuery(d, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && searching) {
            const u = firstUnit();
            if (u?.kind === 'unit') {
              e.preventDefault();
              chooseUnit(u.unit.index);
            }
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            document.querySelector<HTMLElement>('.ob-tree [tabindex="0"]')?.focus();
          } else if (e.key === 'Escape' && view.query) {
            e.preventDefault();
            e.stopPropagation();
            setOrbatQuery(d, '');
          }
        }}
      />
      <p className="ob-summary" role="status">
        {searching
          ? `${plural(shown, 'unit')} of ${total} match “${view.query.trim()}”`
          : `${plural(total, 'unit')} of ${plural(tree.length, 'actor')}`}
      </p>
      {rows.length > 0 ? (
        <OrbatTree
          d={d}
          tree={found}
          rows={rows}
          active={view.active}
          searching={searching}
          onLeaveTop={() => searchRef.current?.focus()}
        />
      ) : (
        <p className="empty">{searching ? 'No unit matches.' : 'This view lists no units.'}</p>
      )}
    </div>
  );
}

export function OrbatPanel() {
  const d = useSession((s) => s.description);
  if (!d) return null;
  return <Orbat d={d} />;
}
