// Browser glue of the order UI: giving an order for a unit (through the app session's
// `giveOrder`, as the role on screen) and showing the answer at the unit, asking the engine for
// dry-run verdicts, opening the menu at a right-click or from the keyboard, arming "M, then
// click", and the keys the app routes here. Pure rules live in src/store/orders.ts.
import type { MouseEvent as ReactMouseEvent } from 'react';
import type { MapPoint } from '../../map/types';
import type { Order } from '../../sim/world';
import { api, currentMap, giveOrder } from '../../store/bridge';
import { getExercise } from '../../store/exercise';
import { getLatestSnapshot } from '../../store/latest-snapshot';
import {
  addPending,
  closeOrderMenu,
  type DraftOrder,
  dismissCallout,
  getOrders,
  type OrderMenuItem,
  openOrderMenu,
  orderAim,
  orderMenuItems,
  reasonAtUnit,
  setPickAt,
  setUnitsList,
  setVerdict,
  showCallout,
  startPicking,
  stopPicking,
  type UnitNow,
} from '../../store/orders';
import { getSession, selectAndInspect, setNotice } from '../../store/session';
import { isKey } from '../shortcuts';

/** How long the "ordered" mark stays at the unit, ms. */
export const ORDERED_MARK_MS = 3000;

/** The actor the role on screen plays (−1: the white cell, who may order any unit). */
export function viewerActor(): number {
  const d = getSession().description;
  const actor = getExercise().view?.role.actor ?? null;
  return actor === null || !d ? -1 : d.actors.findIndex((a) => a.id === actor);
}

/** The selected unit's description index, or −1. */
export function selectedUnit(): number {
  const sel = getSession().selection;
  return sel?.kind === 'unit' ? sel.index : -1;
}

/** What the menu needs of unit u from the latest snapshot. */
export function unitNow(u: number): UnitNow {
  const L = getLatestSnapshot()?.units;
  if (!L || u >= L.lon.length) return { ordered: 0, command: -1, lon: Number.NaN, lat: Number.NaN };
  return {
    ordered: L.ordered?.[u] ?? 0,
    command: L.command?.[u] ?? -1,
    lon: L.lon[u]!,
    lat: L.lat[u]!,
  };
}

/** Whether the role on screen knows where unit u is (a role's blank entry: not under its command). */
export function unitKnown(u: number): boolean {
  const n = unitNow(u);
  return Number.isFinite(n.lon) && Number.isFinite(n.lat);
}

/**
 * Gives a unit order as the role on screen. The engine's answer is shown at the unit: the
 * refusal in its words (until dismissed), or a brief "ordered" mark; the leg appears pending
 * until the next tick carries the order out.
 */
export async function issueOrder(u: number, draft: DraftOrder): Promise<boolean> {
  const d = getSession().description;
  const unit = d?.units[u];
  if (!d || !unit) return false;
  closeOrderMenu();
  const tick = getSession().tick;
  const r = await giveOrder({ ...draft, tick } as Order);
  if (!r.ok) {
    showCallout({ unit: u, kind: 'refused', text: reasonAtUnit(r.error, unit.name) });
    // The callout at the unit says it (and is announced): the same words need no notice too,
    // unless the unit is off screen.
    const notice = getSession().notice;
    const onScreen = !!currentMap()?.screenPosition({ kind: 'unit', index: u });
    if (onScreen && notice?.text === `Order refused: ${r.error}`) setNotice(null, 'user');
    return false;
  }
  addPending({ unit: u, tick, order: draft });
  const s = showCallout({ unit: u, kind: 'ordered', text: `Ordered ${orderAim(draft, d)}` });
  setTimeout(() => dismissCallout(s), ORDERED_MARK_MS);
  return true;
}

/** Asks the engine, for each item of the menu numbered `menuSeq`, whether it would refuse it. */
function askVerdicts(menuSeq: number, u: number, items: readonly OrderMenuItem[]): void {
  const unit = getSession().description?.units[u];
  const role = getExercise().role;
  for (const it of items) {
    if (it.order === 'pick') continue;
    const o = { ...it.order, tick: getSession().tick } as Order;
    api
      .checkOrder(o, role)
      .then((why) => setVerdict(menuSeq, it.id, why && unit ? reasonAtUnit(why, unit.name) : why))
      .catch(() => {
        // No verdict: the order can still be given, and the engine will answer then.
      });
  }
}

/** Opens unit u's order menu anchored at (x, y) in the map area, for a map point or none. */
export function openMenuFor(
  u: number,
  x: number,
  y: number,
  point: { lon: number; lat: number } | null,
): void {
  const d = getSession().description;
  if (!d) return;
  stopPicking();
  currentMap()?.pickPoint(null);
  const items = unitKnown(u) ? orderMenuItems(d, u, unitNow(u), point, viewerActor()) : [];
  const seq = openOrderMenu({ unit: u, point, x, y, items });
  askVerdicts(seq, u, items);
}

/** Opens the selected unit's menu from the keyboard or a button: at the unit, or at `fallback`. */
export function openMenuForSelected(fallback?: { x: number; y: number }): boolean {
  const u = selectedUnit();
  if (u < 0) return false;
  const at = currentMap()?.screenPosition({ kind: 'unit', index: u }) ??
    fallback ?? {
      x: 24,
      y: 140,
    };
  openMenuFor(u, at.x + 18, at.y + 12, null);
  return true;
}

const sel = (index: number) => ({ kind: 'unit' as const, index });

/** Selects unit u (from the list, or a right-click on it) and shows it in the inspector (or the ORBAT). */
export function selectUnit(u: number): void {
  selectAndInspect(sel(u), 'user');
}

/**
 * A right-click on the map: the selected unit's menu at that point ("Move here", "Patrol …").
 * With no unit selected, a right-click on a unit selects it and opens its menu; elsewhere the
 * menu only says how to select one.
 */
export function onMapContextMenu(e: ReactMouseEvent<HTMLElement>): void {
  const map = currentMap();
  if (!map || !getSession().description) return;
  e.preventDefault();
  const r = e.currentTarget.getBoundingClientRect();
  const p: MapPoint | null = map.pointAt(e.clientX - r.left, e.clientY - r.top);
  if (!p) return;
  let u = selectedUnit();
  if (u < 0 && p.hit?.kind === 'unit') {
    selectUnit(p.hit.index);
    openMenuFor(p.hit.index, p.x, p.y, null);
    return;
  }
  if (u < 0) {
    u = -1;
    openOrderMenu({ unit: -1, point: null, x: p.x, y: p.y, items: [] });
    return;
  }
  openMenuFor(u, p.x, p.y, { lon: p.lon, lat: p.lat });
}

/** Pointer moves while picking: at most one dry run in flight, then the latest point. */
function pickVerdicts(u: number) {
  let busy = false;
  let next: MapPoint | null = null;
  const ask = (p: MapPoint) => {
    const d = getSession().description;
    const unit = d?.units[u];
    if (!unit) return;
    busy = true;
    setPickAt({ x: p.x, y: p.y, verdict: getOrders().pickAt?.verdict });
    const o = {
      kind: 'move',
      unit: unit.id,
      position: [p.lon, p.lat],
      tick: getSession().tick,
    } as Order;
    api
      .checkOrder(o, getExercise().role)
      .then((why) => {
        if (getOrders().picking !== u) return;
        setPickAt({ x: p.x, y: p.y, verdict: why ? reasonAtUnit(why, unit.name) : null });
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
        const n = next;
        next = null;
        if (n && getOrders().picking === u) ask(n);
      });
  };
  return (p: MapPoint) => {
    if (busy) {
      next = p;
      setPickAt({ x: p.x, y: p.y, verdict: getOrders().pickAt?.verdict });
    } else ask(p);
  };
}

/** "M, then click": the next click on the map sends unit u there; Escape cancels. */
export function armMove(u: number): boolean {
  const map = currentMap();
  const d = getSession().description;
  const unit = d?.units[u];
  if (!map || !unit || !unitKnown(u)) return false;
  closeOrderMenu();
  startPicking(u);
  map.pickPoint({
    pick(p) {
      map.pickPoint(null);
      stopPicking();
      const position: [number, number] = [
        Math.round(p.lon * 1000) / 1000,
        Math.round(p.lat * 1000) / 1000,
      ];
      void issueOrder(u, { kind: 'move', unit: unit.id, position });
    },
    move: pickVerdicts(u),
  });
  return true;
}

export function cancelPicking(): void {
  currentMap()?.pickPoint(null);
  stopPicking();
}

/** Runs a menu item: gives its order, or arms point picking. */
export function runItem(u: number, item: OrderMenuItem): void {
  if (item.order === 'pick') {
    closeOrderMenu();
    armMove(u);
    return;
  }
  void issueOrder(u, item.order);
}

/**
 * Keys the app routes here when nothing else takes them (App.tsx): M — move the selected unit
 * to the next point clicked; O — its order menu; U — the units list's search; Escape — cancel
 * picking, then dismiss the callout. Returns true when the key was used.
 */
export function ordersKey(e: KeyboardEvent): boolean {
  if (!getSession().description) return false;
  if (isKey('cancel', e)) {
    const s = getOrders();
    if (s.picking >= 0) {
      cancelPicking();
      return true;
    }
    if (s.menu) {
      closeOrderMenu();
      return true;
    }
    if (s.callout) {
      dismissCallout();
      return true;
    }
    return false;
  }
  if (isKey('move', e)) {
    if (getOrders().picking >= 0) {
      cancelPicking();
      return true;
    }
    const u = selectedUnit();
    return u >= 0 && armMove(u);
  }
  if (isKey('orders', e)) return openMenuForSelected();
  if (isKey('units', e)) {
    setUnitsList(true);
    // The input mounts with the list: focus it once React has drawn it.
    requestAnimationFrame(() => document.getElementById('orders-unit-search')?.focus());
    return true;
  }
  return false;
}
