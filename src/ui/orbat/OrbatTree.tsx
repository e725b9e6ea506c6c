// The ORBAT's tree: the rows shown (rows.ts), one tab stop (the row last focused, or the
// first unit of a search, else the first row), the WAI-ARIA tree's keys, and a click or Enter
// on a unit choosing it (actions.ts: select, pan the map). A unit selected anywhere else — a
// click on the map — opens its actor and command, becomes the tab stop and scrolls into view.
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef } from 'react';
import type { WorldDescription } from '../../sim/describe';
import { type OrbatActor, orbatPath } from '../../store/orbat';
import { useSession } from '../../store/react';
import { chooseUnit } from './actions';
import { OrbatRow } from './OrbatRow';
import { openGroups, setActiveRow, setGroupOpen } from './orbat-state';
import { type OrbatRow as Row, treeKey } from './rows';

const rowEl = (tree: HTMLElement | null, key: string) =>
  tree?.querySelector<HTMLElement>(`[data-orbat-key="${CSS.escape(key)}"]`) ?? null;

/** The row in the tab order: the active one if shown, else a search's first unit, else the first. */
function tabStopOf(rows: readonly Row[], active: string | null, searching: boolean): string | null {
  if (active && rows.some((r) => r.key === active)) return active;
  if (searching) {
    const unit = rows.find((r) => r.kind === 'unit');
    if (unit) return unit.key;
  }
  return rows[0]?.key ?? null;
}

/** A unit selected elsewhere (the map): open its groups, make it the tab stop, scroll to it. */
function useFollowSelection(
  d: WorldDescription,
  tree: readonly OrbatActor[],
  listRef: RefObject<HTMLDivElement | null>,
) {
  const sel = useSession((s) => (s.selection?.kind === 'unit' ? s.selection.index : -1));
  const scrollTo = useRef<string | null>(null);
  const treeRef = useRef(tree);
  treeRef.current = tree;
  useEffect(() => {
    if (sel < 0) return;
    const path = orbatPath(treeRef.current, sel);
    if (!path) return;
    openGroups(d, [path.actor, path.command]);
    setActiveRow(d, path.unit);
    scrollTo.current = path.unit;
  }, [d, sel]);
  // After the render that shows the row.
  useEffect(() => {
    const key = scrollTo.current;
    const el = key ? rowEl(listRef.current, key) : null;
    if (!el) return;
    scrollTo.current = null;
    el.scrollIntoView({ block: 'nearest' });
  });
  return sel;
}

export function OrbatTree(props: {
  d: WorldDescription;
  tree: readonly OrbatActor[];
  rows: readonly Row[];
  active: string | null;
  searching: boolean;
  /** ↑ from the first row. */
  onLeaveTop(): void;
}) {
  const { d, tree, rows, active, searching, onLeaveTop } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const sel = useFollowSelection(d, tree, listRef);
  const stop = tabStopOf(rows, active, searching);

  const activate = useCallback(
    (row: Row) => {
      setActiveRow(d, row.key);
      if (row.kind === 'unit') chooseUnit(row.unit.index);
      else setGroupOpen(d, row.key, !row.expanded);
    },
    [d],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const at = (e.target as HTMLElement).closest<HTMLElement>('[data-orbat-key]')?.dataset.orbatKey;
    if (!at) return;
    const act = treeKey(rows, at, e.key);
    if (!act) return;
    e.preventDefault();
    if (act.do === 'focus') {
      setActiveRow(d, act.key);
      rowEl(listRef.current, act.key)?.focus();
    } else if (act.do === 'open' || act.do === 'close') {
      setGroupOpen(d, act.key, act.do === 'open');
    } else if (act.do === 'choose') {
      chooseUnit(act.unit);
    } else onLeaveTop();
  };

  return (
    <div
      id="orbat-tree"
      className="ob-tree"
      role="tree"
      aria-label="Order of battle"
      ref={listRef}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const key = (e.target as HTMLElement).dataset.orbatKey;
        if (key) setActiveRow(d, key);
      }}
    >
      {rows.map((row) => (
        <OrbatRow
          key={row.key}
          row={row}
          selected={row.kind === 'unit' && row.unit.index === sel}
          tabStop={row.key === stop}
          onActivate={activate}
        />
      ))}
    </div>
  );
}
