// MSEL triggers: an event of a kind (optionally inside a zone) logged since the last check, or
// a core metric crossing a value. The host checks event triggers after every tick and metric
// triggers on every hour, stepping one tick at a time while any trigger is armed, so an
// inject fires at the same tick whatever the play speed or step size.
import { cellOf } from '../sim/geo/raster';
import { computeMetrics, type Metrics } from '../sim/metrics';
import type { World } from '../sim/world';
import type { Trigger } from './msel';

/** Where an event happened (km), if it says: its own x/y, else its unit's or cell's position now. */
function eventXY(w: World, e: Record<string, unknown>): [number, number] | null {
  if (typeof e.x === 'number' && typeof e.y === 'number') return [e.x, e.y];
  const { s } = w;
  if (typeof e.unit === 'number' && e.unit >= 0) return [s.ux[e.unit]!, s.uy[e.unit]!];
  if (typeof e.cell === 'number' && e.cell >= 0) return [s.cx[e.cell]!, s.cy[e.cell]!];
  return null;
}

function inZone(w: World, zone: number, xy: [number, number] | null): boolean {
  if (!xy) return false;
  const c = cellOf(w.def.masks.spec, xy[0], xy[1]);
  return c >= 0 && (w.def.masks.zones[c]! & (1 << zone)) !== 0;
}

/** Whether an event trigger fires on the log entries [from, to). */
export function eventTriggerFires(
  w: World,
  t: Extract<Trigger, { kind: 'event' }>,
  from: number,
  to: number,
): boolean {
  const zone = t.zone === undefined ? -1 : w.def.zones.findIndex((z) => z.id === t.zone);
  const events = w.log.events;
  for (let i = from; i < to; i++) {
    const e = events[i]!;
    if (e.k !== t.event) continue;
    if (zone < 0 || inZone(w, zone, eventXY(w, e as unknown as Record<string, unknown>)))
      return true;
  }
  return false;
}

export function metricTriggerFires(t: Extract<Trigger, { kind: 'metric' }>, m: Metrics): boolean {
  const v = (m as unknown as Record<string, number>)[t.metric];
  if (v === undefined || !Number.isFinite(v)) return false;
  switch (t.op) {
    case '>=':
      return v >= t.value;
    case '<=':
      return v <= t.value;
    case '>':
      return v > t.value;
    case '<':
      return v < t.value;
    default:
      return false;
  }
}

/** The core metrics now (folded from the whole log: call it once an hour, not per tick). */
export const metricsNow = (w: World): Metrics => computeMetrics(w.def, w.log.events, w.s.tick);
