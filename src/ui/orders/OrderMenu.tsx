// The order menu of a unit (right-click on the map, the dock's "Orders…" button, or O): a real
// menu (role=menu, menuitems; arrows, Home/End, Enter/Space, Escape and Tab close) whose items
// give orders. Each item carries the engine's dry-run verdict when it would be refused ("⚠
// Mali holds no transit right into Niger") — it may still be given: the engine then refuses it
// and the refusal is explained at the unit.
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { WorldDescription } from '../../sim/describe';
import { closeOrderMenu, type OrderMenuItem, type OrderMenuState } from '../../store/orders';
import { useSession } from '../../store/react';
import { runItem } from './actions';
import { useOrders } from './use-orders';

/** Keeps a box of size w × h at (x, y) inside a parent of size pw × ph (8 px margin). */
export function clampBox(x: number, y: number, w: number, h: number, pw: number, ph: number) {
  const m = 8;
  return {
    left: Math.max(m, Math.min(x, pw - w - m)),
    top: Math.max(m, Math.min(y, ph - h - m)),
  };
}

function Item(props: {
  item: OrderMenuItem;
  verdict: string | null | undefined;
  first: boolean;
  onRun(): void;
}) {
  const { item, verdict } = props;
  const base = `om-${item.id.replace(/[^a-z0-9-]/gi, '_')}`;
  const described = [item.detail ? `${base}-detail` : '', verdict ? `${base}-why` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      role="menuitem"
      className={`om-item${verdict ? ' refusable' : ''}`}
      tabIndex={props.first ? 0 : -1}
      aria-label={item.label}
      aria-describedby={described || undefined}
      data-item={item.id}
      onClick={props.onRun}
    >
      <span className="om-label">{item.label}</span>
      {item.detail && (
        <span className="om-detail" id={`${base}-detail`}>
          {item.detail}
        </span>
      )}
      {verdict && (
        <span className="om-why" id={`${base}-why`}>
          ⚠ would be refused: {verdict}
        </span>
      )}
    </button>
  );
}

function MenuBody({ menu, d }: { menu: OrderMenuState; d: WorldDescription }) {
  const box = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Focus goes back where it was when the menu closes.
  const [restore] = useState(() => document.activeElement);
  const [pos, setPos] = useState({ left: menu.x, top: menu.y });
  const unit = d.units[menu.unit];

  useLayoutEffect(() => {
    const el = box.current;
    const parent = el?.offsetParent as HTMLElement | null;
    if (!el || !parent) return;
    setPos(
      clampBox(
        menu.x,
        menu.y,
        el.offsetWidth,
        el.offsetHeight,
        parent.clientWidth,
        parent.clientHeight,
      ),
    );
    const first = list.current?.querySelector<HTMLElement>('[role="menuitem"]');
    (first ?? el.querySelector<HTMLElement>('button'))?.focus();
  }, [menu.x, menu.y]);

  useEffect(() => {
    // A press outside closes the menu (the map keeps its own handling of that press).
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) closeOrderMenu();
    };
    document.addEventListener('pointerdown', onDown, true);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      const active = document.activeElement;
      const lost = !active || active === document.body || !active.isConnected;
      if (lost && restore instanceof HTMLElement && restore.isConnected) restore.focus();
    };
  }, [restore]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    let to: number | null = null;
    if (e.key === 'ArrowDown') to = (i + 1) % items.length;
    else if (e.key === 'ArrowUp') to = (i - 1 + items.length) % items.length;
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = items.length - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      e.stopPropagation();
      closeOrderMenu();
      return;
    }
    if (to === null || !items.length) return;
    e.preventDefault();
    e.stopPropagation();
    for (const [k, it] of items.entries()) it.tabIndex = k === to ? 0 : -1;
    items[to]?.focus();
  };

  if (!unit || !menu.items.length) {
    const why = unit
      ? `${unit.name} is not under your command now: it takes no orders from you.`
      : 'Select a unit first: click it on the map, or pick it from the Units list (U).';
    return (
      <div
        className="order-menu note"
        role="dialog"
        aria-label="Orders"
        ref={box}
        style={pos}
        onKeyDown={onKey}
      >
        <p role="status">{why}</p>
        <button type="button" className="btn small" onClick={() => closeOrderMenu()}>
          Close
        </button>
      </div>
    );
  }
  const plain = menu.items.filter((it) => it.group !== 'assign');
  const assign = menu.items.filter((it) => it.group === 'assign');
  const release = plain.filter((it) => it.id === 'release');
  const main = plain.filter((it) => it.id !== 'release');
  const item = (it: OrderMenuItem, first = false) => (
    <Item
      key={it.id}
      item={it}
      verdict={menu.verdicts[it.id]}
      first={first}
      onRun={() => runItem(menu.unit, it)}
    />
  );
  const owner = d.actors[unit.owner];
  return (
    <div className="order-menu" ref={box} style={pos}>
      <div className="om-head" id="om-head">
        <i className="chip" style={{ background: owner?.color ?? '#888' }} />
        <span>{unit.name}</span>
      </div>
      <div role="menu" aria-labelledby="om-head" ref={list} className="om-list" onKeyDown={onKey}>
        {main.map((it, k) => item(it, k === 0))}
        {assign.length > 0 && (
          <>
            <hr className="om-sep" />
            <fieldset className="om-group">
              <legend>Assign to</legend>
              {assign.map((it) => item(it))}
            </fieldset>
          </>
        )}
        {release.length > 0 && <hr className="om-sep" />}
        {release.map((it) => item(it))}
      </div>
    </div>
  );
}

export function OrderMenu() {
  const menu = useOrders((s) => s.menu);
  const d = useSession((s) => s.description);
  if (!menu || !d) return null;
  return <MenuBody key={menu.seq} menu={menu} d={d} />;
}
