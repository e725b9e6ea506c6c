// Browser glue of the measuring tool: turning it on and off (the ruler button, R), arming the
// map's point picking so clicks add points (src/map/types.ts PointPicker), the keys that act
// while it is on (Enter ends, Shift+Enter closes, Backspace takes back, Esc clears), and the
// map keys the app routes here (R, ?, and P, which saves the map as PNG: map-png.ts). Its rules
// are pure (src/store/map-tools.ts). The map's one point picker is shared with "M, then click":
// whichever starts last has it, and measuring stops when an order takes the map (see
// useMeasureSync).
import type { MapPoint, MapView } from '../../map/types';
import type { LonLat } from '../../sim/describe';
import { currentMap } from '../../store/bridge';
import {
  getMapTools,
  MEASURE_OFF,
  type MeasureState,
  measureClick,
  measureClose,
  measureEnd,
  measureUndo,
  setHelpOpen,
  setMeasure,
} from '../../store/map-tools';
import { closeOrderMenu, getOrders } from '../../store/orders';
import { getSession } from '../../store/session';
import { cancelPicking } from '../orders/actions';
import { isKey } from '../shortcuts';
import { saveMapPng } from './map-png';

/** A click this near a path's first or last point (CSS px) is on it. */
const NEAR_PX = 10;

const measure = (): MeasureState => getMapTools().measure;

function nearOnScreen(map: MapView, q: LonLat | undefined, p: MapPoint): boolean {
  if (!q) return false;
  const s = map.screenPoint(q[0], q[1]);
  return Math.hypot(s.x - p.x, s.y - p.y) <= NEAR_PX;
}

/** Arms the map's point picking for measuring (again, on a new map). */
export function armMeasure(map: MapView): void {
  map.pickPoint({
    pick(p) {
      const m = measure();
      if (!m.on) return;
      const near = {
        first: nearOnScreen(map, m.points[0], p),
        last: nearOnScreen(map, m.points.at(-1), p),
      };
      setMeasure(measureClick(m, [p.lon, p.lat], near));
    },
    move(p) {
      const m = measure();
      if (m.on && !m.ended) setMeasure({ ...m, cursor: [p.lon, p.lat] });
    },
  });
}

export function startMeasuring(): void {
  const map = currentMap();
  if (!map || !getSession().description) return;
  // One tool on the map at a time: an order being placed gives way.
  if (getOrders().picking >= 0) cancelPicking();
  closeOrderMenu();
  setMeasure({ ...MEASURE_OFF, on: true });
  armMeasure(map);
}

/**
 * Clears the path and turns the tool off. `disarm` false: something else has just taken the
 * map's point picking (an order), which must keep it.
 */
export function stopMeasuring(disarm = true): void {
  if (!measure().on) return;
  setMeasure(MEASURE_OFF);
  if (disarm) currentMap()?.pickPoint(null);
}

export function toggleMeasuring(): void {
  if (measure().on) stopMeasuring();
  else startMeasuring();
}

/** Where a key would type text or move inside a widget: measuring's keys leave it alone. */
function typingInto(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  if (el.isContentEditable) return true;
  return !!el.closest(
    'input, select, textarea, [role="menu"], [role="listbox"], [role="grid"], dialog, [aria-modal="true"]',
  );
}

/** Focus on the page, the map or the measuring tool's own controls (not another control). */
function onMapOrPage(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || el === document.body || typeof el.closest !== 'function') return true;
  return !!el.closest('.map-host, [data-measure]');
}

/**
 * The keys that act while measuring. Esc wherever focus is but in a text field, a menu or a
 * dialog; Enter and Backspace with focus on the page, the map or the tool's controls (the
 * ruler button keeps focus after a click: Enter must not press it again). True when used.
 */
export function measureKey(e: KeyboardEvent): boolean {
  const m = measure();
  if (!m.on || e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return false;
  if (document.querySelector('dialog[open], [aria-modal="true"]')) return false;
  if (isKey('measure-clear', e)) {
    stopMeasuring();
    return true;
  }
  if (!onMapOrPage(e.target)) return false;
  const next = isKey('measure-close', e)
    ? measureClose(m)
    : isKey('measure-end', e)
      ? measureEnd(m)
      : isKey('measure-undo', e)
        ? measureUndo(m)
        : null;
  if (!next) return false;
  setMeasure(next);
  return true;
}

/**
 * The map tools' keys the app routes here (App.tsx): ? opens the help, R toggles measuring, P
 * saves the map as PNG.
 */
export function mapToolsKey(e: KeyboardEvent): boolean {
  if (isKey('help', e)) {
    setHelpOpen(true);
    return true;
  }
  if (isKey('save-png', e) && getSession().description) {
    void saveMapPng();
    return true;
  }
  if (isKey('measure', e) && getSession().description) {
    toggleMeasuring();
    return true;
  }
  return false;
}
