// The units dock on the map: a searchable list of the units the role on screen may order (a
// player's list holds only its own units: its role description), and for the selected unit its
// command and orders with buttons for the order menu (O) and "move to a point" (M).
import { type KeyboardEvent, type ReactNode, useMemo, useRef } from 'react';
import { TASK_NAMES } from '../../sim/codes';
import type { WorldDescription } from '../../sim/describe';
import { getLatestSnapshot } from '../../store/latest-snapshot';
import { searchUnits, setUnitQuery, setUnitsList, unitStatus } from '../../store/orders';
import { useSession } from '../../store/react';
import {
  armMove,
  cancelPicking,
  openMenuForSelected,
  ordersKey,
  selectUnit,
  unitNow,
} from './actions';
import { useOrders } from './use-orders';

/**
 * A unit chosen in the list: selected, the list folds away (the map stays clear) and focus
 * goes to its "Orders…" button, so Enter then opens its menu.
 */
function pickFromList(u: number) {
  selectUnit(u);
  setUnitsList(false);
  requestAnimationFrame(() => document.getElementById('orders-open-menu')?.focus());
}

/** Moves focus between the list's buttons with the arrow keys (Home/End: first/last). */
function onListKey(e: KeyboardEvent<HTMLUListElement>) {
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button.od-unit')];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const to =
    e.key === 'ArrowDown'
      ? i + 1
      : e.key === 'ArrowUp'
        ? i - 1
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? buttons.length - 1
            : null;
  if (to === null) return;
  e.preventDefault();
  if (to < 0) document.getElementById('orders-unit-search')?.focus();
  else buttons[Math.min(to, buttons.length - 1)]?.focus();
}

function UnitList({ d }: { d: WorldDescription }) {
  const query = useOrders((s) => s.query);
  const selection = useSession((s) => s.selection);
  const sel = selection?.kind === 'unit' ? selection.index : -1;
  const found = useMemo(() => searchUnits(d, query), [d, query]);
  const owners = new Set(found.map((u) => d.units[u]!.owner));
  const listRef = useRef<HTMLUListElement>(null);
  const rows: ReactNode[] = [];
  let lastOwner = -1;
  for (const u of found) {
    const unit = d.units[u]!;
    if (owners.size > 1 && unit.owner !== lastOwner) {
      lastOwner = unit.owner;
      rows.push(
        <li key={`owner-${unit.owner}`} className="od-owner" aria-hidden="true">
          {d.actors[unit.owner]?.name ?? '?'}
        </li>,
      );
    }
    rows.push(
      <li key={unit.id}>
        <button
          type="button"
          className={`od-unit${u === sel ? ' on' : ''}`}
          aria-pressed={u === sel}
          onClick={() => pickFromList(u)}
        >
          <i className="chip" style={{ background: d.actors[unit.owner]?.color ?? '#888' }} />
          <span className="od-name">{unit.name}</span>
        </button>
      </li>,
    );
  }
  return (
    <div className="od-list-wrap">
      <input
        id="orders-unit-search"
        type="search"
        className="od-search"
        aria-label="Search units by name"
        placeholder="Search units…"
        autoComplete="off"
        value={query}
        onChange={(e) => setUnitQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && found.length) {
            e.preventDefault();
            pickFromList(found[0]!);
          } else if (e.key === 'ArrowDown') {
            e.preventDefault();
            listRef.current?.querySelector<HTMLButtonElement>('button.od-unit')?.focus();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            if (query) setUnitQuery('');
            else setUnitsList(false);
          }
        }}
      />
      <ul
        id="orders-unit-list"
        className="od-list"
        aria-label={`Units (${found.length})`}
        ref={listRef}
        onKeyDown={onListKey}
      >
        {rows}
        {found.length === 0 && <li className="od-none">No unit matches “{query}”.</li>}
      </ul>
    </div>
  );
}

/**
 * The app's shortcuts skip keys pressed on a button; these buttons announce M and O
 * (aria-keyshortcuts), so they take those letters themselves.
 */
function onButtonKey(e: KeyboardEvent<HTMLButtonElement>) {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const k = e.key.toLowerCase();
  if (k !== 'm' && k !== 'o') return;
  e.preventDefault();
  ordersKey(e.nativeEvent);
}

/** The selected unit: command and orders, and the order buttons. */
function SelectedUnit({ d, u }: { d: WorldDescription; u: number }) {
  useSession((s) => s.snapshotSeq); // status follows each snapshot
  const picking = useOrders((s) => s.picking);
  const menuUnit = useOrders((s) => s.menu?.unit ?? -1);
  const pending = useOrders((s) => s.pending.find((p) => p.unit === u));
  const unit = d.units[u];
  if (!unit) return null;
  const L = getLatestSnapshot()?.units;
  const now = unitNow(u);
  const status = unitStatus(
    d,
    {
      ...now,
      task: L && u < L.task.length ? (TASK_NAMES[L.task[u]!] ?? '?') : '—',
      targetLon: L?.targetLon?.[u] ?? Number.NaN,
      targetLat: L?.targetLat?.[u] ?? Number.NaN,
      zone: L?.orderZone?.[u] ?? -1,
    },
    pending,
  );
  const known = Number.isFinite(now.lon);
  const anchor = (el: HTMLElement) => {
    const area = el.closest('.map-area')?.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return area ? { x: r.left - area.left - 18, y: r.bottom - area.top - 8 } : undefined;
  };
  return (
    <div className="od-selected">
      <div className="od-sel-name" title={unit.name}>
        <i className="chip" style={{ background: d.actors[unit.owner]?.color ?? '#888' }} />
        {unit.name}
      </div>
      <div className="od-sel-status">{status}</div>
      <div className="od-sel-actions">
        <button
          type="button"
          id="orders-open-menu"
          className="btn small"
          aria-haspopup="menu"
          aria-expanded={menuUnit === u}
          aria-keyshortcuts="O"
          disabled={!known}
          onClick={(e) => openMenuForSelected(anchor(e.currentTarget))}
          onKeyDown={onButtonKey}
        >
          Orders… <kbd>O</kbd>
        </button>
        <button
          type="button"
          className={`btn small${picking === u ? ' primary' : ''}`}
          aria-pressed={picking === u}
          aria-keyshortcuts="M"
          disabled={!known}
          onClick={() => (picking === u ? cancelPicking() : armMove(u))}
          onKeyDown={onButtonKey}
        >
          Move <kbd>M</kbd>
        </button>
        {known && picking !== u && <span className="od-hint">or right-click the map</span>}
      </div>
      {picking === u && (
        <div className="od-picking" role="status">
          Click the map where it should move. <kbd>Esc</kbd> cancels.
        </div>
      )}
    </div>
  );
}

export function UnitsDock() {
  const d = useSession((s) => s.description);
  const ready = useSession((s) => s.status.phase === 'ready');
  const open = useOrders((s) => s.listOpen);
  const selection = useSession((s) => s.selection);
  const u = selection?.kind === 'unit' ? selection.index : -1;
  if (!d || !ready) return null;
  return (
    <section className="orders-dock" aria-label="Units and orders">
      <button
        type="button"
        className={`od-toggle${open ? ' on' : ''}`}
        aria-expanded={open}
        aria-controls="orders-unit-list"
        aria-keyshortcuts="U"
        onClick={() => setUnitsList(!open)}
      >
        Units ({d.units.length}) {open ? '▴' : '▾'}
      </button>
      {open && <UnitList d={d} />}
      {u >= 0 && d.units[u] && <SelectedUnit d={d} u={u} />}
    </section>
  );
}
