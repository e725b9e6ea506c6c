// The measuring tool on screen: the ruler button (in the map's +, −, Fit column), the panel
// with the total and a closed path's area (great-circle, km and nautical miles), each leg and
// what to do next, and the total at the path's last point on the map. Keeps the map's
// measure layer and point picking in step with the tool's state (src/store/map-tools.ts), and
// forgets the path when another scenario or role takes the screen.
import {
  type KeyboardEvent as ReactKeyboardEvent,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import { measurePath } from '../../map/measure';
import type { MeasureDrawing } from '../../map/types';
import { currentMap } from '../../store/bridge';
import { getMapTools, type MeasureState, mapToolsStore } from '../../store/map-tools';
import { getOrders, ordersStore } from '../../store/orders';
import { useSession } from '../../store/react';
import { isKey, keyLabel } from '../shortcuts';
import { armMeasure, measureKey, stopMeasuring, toggleMeasuring } from './measure-actions';
import { useMapTools } from './use-map-tools';
import { formatArea, formatKm, formatNm } from './words';

/** Legs listed in the panel (the latest; the total counts them all). */
const LEGS_SHOWN = 4;

function drawingOf(m: MeasureState): MeasureDrawing | null {
  if (!m.on || !m.points.length) return null;
  return { points: m.points, closed: m.closed, cursor: m.ended ? null : m.cursor };
}

/** Map ← tool: the path drawn, picking armed on each new map, keys, giving way to orders. */
function useMeasureSync(): void {
  const d = useSession((s) => s.description);
  useEffect(() => {
    // Another scenario, or another role on screen (hot seat): the path was theirs.
    if (d) stopMeasuring();
  }, [d]);
  useEffect(() => {
    const push = () => currentMap()?.setMeasure(drawingOf(getMapTools().measure));
    const offTools = mapToolsStore.subscribe((s, prev) => {
      if (s.measure !== prev.measure) push();
      if (s.mapSeq !== prev.mapSeq) {
        push();
        const map = currentMap();
        if (s.measure.on && map) armMeasure(map);
      }
    });
    // An order taking the map (M, the order menu) ends measuring; "M, then click" keeps the picking.
    const offOrders = ordersStore.subscribe((s, prev) => {
      const took = (s.picking >= 0 && prev.picking < 0) || (s.menu !== null && prev.menu === null);
      if (took) stopMeasuring(getOrders().picking < 0);
    });
    // Capture: before the app's shortcuts and the focused button (Enter must not press it).
    const onKey = (e: KeyboardEvent) => {
      if (!e.defaultPrevented && measureKey(e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    push();
    return () => {
      offTools();
      offOrders();
      window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}

/** The ruler button: toggles the tool (R; the button takes R itself while it has focus). */
export function MeasureButton() {
  const on = useMapTools((s) => s.measure.on);
  const ready = useSession((s) => s.status.phase === 'ready');
  const onKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !isKey('measure', e)) return;
    e.preventDefault();
    toggleMeasuring();
  };
  return (
    <button
      type="button"
      className={`measure-toggle${on ? ' on' : ''}`}
      aria-pressed={on}
      aria-label="Measure distance and area"
      aria-keyshortcuts={keyLabel('measure')}
      title={`Measure distance and area (${keyLabel('measure')})`}
      disabled={!ready}
      data-measure=""
      onClick={() => toggleMeasuring()}
      onKeyDown={onKeyDown}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
        <g transform="rotate(-45 12 12)" fill="none" stroke="currentColor" strokeWidth="1.8">
          <rect x="1.5" y="8" width="21" height="8" rx="1" />
          <path d="M5.5 8v3.5M9.5 8v2.5M13.5 8v3.5M17.5 8v2.5" />
        </g>
      </svg>
    </button>
  );
}

/** "1,100.2 km · 594.0 NM". */
const both = (km: number) => `${formatKm(km)} · ${formatNm(km)}`;

/** What to do next, in a few words, for the path as it is (nothing once it is finished). */
function hint(m: MeasureState): string {
  if (m.ended) return '';
  if (m.points.length === 0) return 'Click points on the map';
  if (m.points.length < 3) return 'Click the next point · double-click or Enter ends';
  return 'Double-click or Enter ends · click the first point (Shift+Enter) closes';
}

/**
 * The panel, three short lines at most (it sits above the readouts, below the map's buttons):
 * the total and a closed path's area, the latest legs, what to do next.
 */
function MeasurePanel({ m }: { m: MeasureState }) {
  const r = useMemo(() => measurePath(m.points, m.closed), [m.points, m.closed]);
  const first = Math.max(0, r.legsKm.length - LEGS_SHOWN);
  const next = hint(m);
  return (
    <section className="measure-panel" aria-label="Measure" data-measure="">
      <div className="mp-head">
        <div className="mp-result" role="status" aria-live="polite">
          {r.legsKm.length === 0 ? (
            <span>Measuring</span>
          ) : (
            <span className="mp-total">
              <strong data-km={r.totalKm}>{both(r.totalKm)}</strong>
            </span>
          )}
          {r.areaKm2 !== null && (
            <span className="mp-area">
              area <strong data-km2={r.areaKm2}>{formatArea(r.areaKm2)}</strong>
            </span>
          )}
        </div>
        <button
          type="button"
          className="mp-close"
          aria-label="Stop measuring"
          title="Stop measuring (Esc)"
          onClick={() => stopMeasuring()}
        >
          ✕
        </button>
      </div>
      {r.legsKm.length > 1 && (
        <p className="mp-legs">
          Legs {first > 0 && <span className="mp-more">(+{first}) </span>}
          {r.legsKm
            .slice(first)
            .map((km) => formatKm(km).replace(' km', ''))
            .join(' · ')}{' '}
          km
        </p>
      )}
      {next && <p className="mp-hint">{next}</p>}
    </section>
  );
}

/** Room between the total and its point, and the map's edges, CSS px. */
const GAP_PX = 10;

interface Pt {
  x: number;
  y: number;
}

/**
 * Places the total just above its point, on the side away from the leg coming into it (so it
 * does not cover that leg), flipped or moved to stay inside the map area.
 */
function placeTotal(el: HTMLElement, at: Pt, from: Pt): void {
  const w = el.offsetWidth;
  const h = el.offsetHeight;
  const width = el.parentElement?.clientWidth ?? Number.POSITIVE_INFINITY;
  const east = at.x + GAP_PX;
  const west = at.x - GAP_PX - w;
  let x = from.x > at.x ? west : east;
  if (x < GAP_PX) x = east;
  if (x + w > width - GAP_PX) x = Math.max(GAP_PX, west);
  const above = at.y - GAP_PX - h;
  el.style.left = `${Math.round(x)}px`;
  el.style.top = `${Math.round(above < GAP_PX ? at.y + GAP_PX : above)}px`;
}

/** The total beside the path's last point, following it as the map pans and zooms. */
function TotalAtEnd({ m }: { m: MeasureState }) {
  useMapTools((s) => s.cameraSeq); // rendered, so placed, again at each camera change
  const ref = useRef<HTMLDivElement>(null);
  const r = useMemo(() => measurePath(m.points, m.closed), [m.points, m.closed]);
  const last = m.points.at(-1);
  const prev = m.points.at(-2);
  // After every render: the text's width, the camera or the points may have changed.
  useLayoutEffect(() => {
    const map = currentMap();
    if (!ref.current || !map || !last || !prev) return;
    placeTotal(ref.current, map.screenPoint(last[0], last[1]), map.screenPoint(prev[0], prev[1]));
  });
  if (!last || !prev || r.legsKm.length === 0) return null;
  return (
    <div ref={ref} className="measure-total" aria-hidden="true">
      {both(r.totalKm)}
      {r.areaKm2 !== null && <span className="mt-area"> · {formatArea(r.areaKm2)}</span>}
    </div>
  );
}

/** The map's half of the tool: the total at the last point (the panel goes above the readouts). */
export function MeasureOnMap() {
  useMeasureSync();
  const m = useMapTools((s) => s.measure);
  return m.on ? <TotalAtEnd m={m} /> : null;
}

/** The panel, while the tool is on. */
export function MeasureReadout() {
  const m = useMapTools((s) => s.measure);
  return m.on ? <MeasurePanel m={m} /> : null;
}
