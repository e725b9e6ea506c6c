// The event log as GeoJSON for GIS (RFC 7946): one Point feature per positioned event, at
// lon/lat (the engine's km converted back with the scenario's projection), with the ISO 8601
// time (scenario start + tick), the event kind, the actor, unit and threat group involved with
// their names, and the APP-6 / MIL-STD-2525 symbol code (SIDC) of the unit or threat group.
// Where an event happened follows the MSEL triggers' rule (msel.ts TRIGGER_EVENTS): its own
// x, y when it has them (attacks, raids, new cells); else the unit's position at the end of the
// tick it was logged; else the threat cell's true position then (a detection by report); a lost
// convoy where it was. Positions at the end of a tick come from the report's pass over the
// session (aar-probe.ts), so this is a probe too; `eventsGeoJson` runs it alone.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describeWorld } from '../sim/describe';
import type { SimEvent } from '../sim/events';
import { toLat, toLon } from '../sim/geo/projection';
import { namedEvent } from '../sim/names';
import type { Session } from '../sim/session';
import type { World } from '../sim/world';
import { type Probe, replayWithProbes } from './aar-probe';
import type { SessionFile } from './session-file';

/** Event kinds exported, each with a position. */
export const GEO_KINDS = [
  'threat-spawn',
  'raid-start',
  'attack',
  'prevented',
  'detect',
  'contact',
  'on-scene',
  'engage-end',
  'task',
  'cross-border',
  'border-stop',
  'sovereignty-incident',
  'out-of-fuel',
  'shortfall',
  'convoy-lost',
] as const satisfies ReadonlyArray<SimEvent['k']>;
const GEO = new Set<string>(GEO_KINDS);

export interface EventProperties {
  kind: string;
  tick: number;
  /** ISO 8601 UTC. */
  time: string;
  /** The actor concerned: the unit's owner, the detecting actor, the country attacked. */
  actor: string | null;
  actorName: string | null;
  unit: string | null;
  unitName: string | null;
  threatGroup: string | null;
  threatGroupName: string | null;
  /** Symbol code (2525C letters, 2525D/E digits) of the unit (or convoy) or threat group. */
  sidc: string;
  /** The event's other fields, with scenario ids (as `concord run --events`). */
  [field: string]: unknown;
}

export type EventFeatures = FeatureCollection<Point, EventProperties>;

const r5 = (v: number) => Math.round(v * 1e5) / 1e5;

export function geoJsonProbe(w0: World): Probe & { result(): EventFeatures } {
  const def = w0.def;
  const d = describeWorld(def);
  const proj = def.masks.proj;
  const startMs = Date.parse(def.scenario.start);
  const features: Array<Feature<Point, EventProperties>> = [];
  const iso = (t: number) => new Date(startMs + t * def.tickMinutes * 60_000).toISOString();

  const add = (w: World, e: SimEvent) => {
    const { s } = w;
    const unit = 'unit' in e && typeof e.unit === 'number' && e.unit >= 0 ? e.unit : -1;
    const cell = 'cell' in e && typeof e.cell === 'number' && e.cell >= 0 ? e.cell : -1;
    let x: number;
    let y: number;
    let sidc: string;
    if ('x' in e && 'y' in e) {
      x = e.x;
      y = e.y;
    } else if (unit >= 0) {
      x = s.ux[unit]!;
      y = s.uy[unit]!;
    } else if (cell >= 0) {
      x = s.cx[cell]!;
      y = s.cy[cell]!;
    } else if (e.k === 'convoy-lost') {
      x = s.kx[e.convoy]!;
      y = s.ky[e.convoy]!;
    } else return;
    const group = cell >= 0 ? (s.cGroup[cell] ?? -1) : -1;
    if (unit >= 0) sidc = def.uSidc[unit]!;
    else if (group >= 0) sidc = def.groups[group]!.sidc;
    else if (e.k === 'convoy-lost') sidc = def.supplyRuns[e.run]!.sidc;
    else sidc = '';
    const actor =
      unit >= 0
        ? def.uOwner[unit]!
        : e.k === 'detect'
          ? e.actor
          : e.k === 'attack'
            ? e.country
            : e.k === 'convoy-lost'
              ? def.supplyRuns[e.run]!.owner
              : -1;
    const named = namedEvent(def, e);
    delete named.t;
    delete named.k;
    delete named.x;
    delete named.y;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [r5(toLon(proj, x)), r5(toLat(proj, y))] },
      properties: {
        ...named,
        kind: e.k,
        tick: e.t,
        time: iso(e.t),
        actor: actor >= 0 ? def.actorIds[actor]! : null,
        actorName: actor >= 0 ? (d.actors[actor]?.name ?? null) : null,
        unit: unit >= 0 ? def.unitIds[unit]! : null,
        unitName: unit >= 0 ? (d.units[unit]?.name ?? null) : null,
        threatGroup: group >= 0 ? def.groups[group]!.id : null,
        threatGroupName: group >= 0 ? (d.threatGroups[group]?.name ?? null) : null,
        sidc,
      },
    });
  };

  const take = (w: World, from: number, to: number) => {
    const ev = w.log.events;
    for (let i = from; i < to; i++) if (GEO.has(ev[i]!.k)) add(w, ev[i]!);
  };
  return {
    start: (w, to) => take(w, 0, to),
    tick: (w, _t, from, to) => take(w, from, to),
    result: () => ({
      type: 'FeatureCollection',
      bbox: [...d.bbox],
      features,
    }),
  };
}

/** The session's positioned events up to the file's tick (replays the session once more). */
export function eventsGeoJson(file: SessionFile, session: Session): EventFeatures {
  const probe = geoJsonProbe(session.world);
  replayWithProbes(session, Math.min(file.tick, session.totalTicks), [probe]);
  return probe.result();
}
