// What the ORBAT panel remembers while the user looks elsewhere (another tab, then back): the
// search, which groups are closed (apart for the whole tree and for a search's matches, which
// start all open so the ancestors of every match show), and the row that takes focus. Kept per
// description: a new scenario or another role's view starts afresh.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { WorldDescription } from '../../sim/describe';

/** Above this many units the tree opens with its actors closed: an overview, one row each. */
export const OPEN_ALL_UP_TO = 30;

export interface OrbatView {
  d: WorldDescription | null;
  query: string;
  /** Closed groups of the whole tree. */
  closed: ReadonlySet<string>;
  /** Closed groups while searching (cleared whenever the search changes). */
  closedFound: ReadonlySet<string>;
  /** The row in the tab order (roving tabindex), or null: the first row. */
  active: string | null;
}

const initial = new WeakMap<WorldDescription, OrbatView>();

function initialView(d: WorldDescription | null): OrbatView {
  if (!d) return { d, query: '', closed: new Set(), closedFound: new Set(), active: null };
  let v = initial.get(d);
  if (!v) {
    const closed =
      d.units.length > OPEN_ALL_UP_TO
        ? new Set(d.actors.map((a) => `a:${a.id}`))
        : new Set<string>();
    v = { d, query: '', closed, closedFound: new Set(), active: null };
    initial.set(d, v);
  }
  return v;
}

const store = createStore<OrbatView>()(() => initialView(null));

const current = (d: WorldDescription): OrbatView => {
  const s = store.getState();
  return s.d === d ? s : initialView(d);
};

/** The panel's state for description `d` (its first state if `d` is new). */
export function useOrbatView(d: WorldDescription): OrbatView {
  const s = useStore(store, (x) => x);
  return s.d === d ? s : initialView(d);
}

export function setOrbatQuery(d: WorldDescription, query: string): void {
  store.setState({ ...current(d), query, closedFound: new Set() });
}

/** Opens (open true) or closes group `key` in the tree as shown now (searching or not). */
export function setGroupOpen(d: WorldDescription, key: string, open: boolean): void {
  const s = current(d);
  const searching = s.query.trim() !== '';
  const set = new Set(searching ? s.closedFound : s.closed);
  if (open) set.delete(key);
  else set.add(key);
  store.setState(searching ? { ...s, closedFound: set } : { ...s, closed: set });
}

/** Opens every group in `keys` (a selected unit's actor and command), searching or not. */
export function openGroups(d: WorldDescription, keys: readonly string[]): void {
  const s = current(d);
  if (!keys.some((k) => s.closed.has(k) || s.closedFound.has(k))) return;
  const closed = new Set(s.closed);
  const closedFound = new Set(s.closedFound);
  for (const k of keys) {
    closed.delete(k);
    closedFound.delete(k);
  }
  store.setState({ ...s, closed, closedFound });
}

export function setActiveRow(d: WorldDescription, key: string | null): void {
  const s = current(d);
  if (s.active !== key) store.setState({ ...s, active: key });
}
