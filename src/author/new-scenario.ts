// A new scenario from the countries a planner picked: the map frames them (their extent plus a
// margin), each becomes a nation owning its territory, with its headquarters on its land; the
// tick length, duration and start are the planner's. The document is not valid yet (a scenario
// needs units, and so bases and unit types): the problems list says what to add next.
import { displayColors } from '../map/colors';
import type { AtlasCountry } from './atlas-countries';
import type { Doc } from './edit-session';
import { IdPool, slugify } from './exchange/ids';
import { roundPoint } from './shapes';

export interface NewScenarioChoice {
  name: string;
  countries: readonly AtlasCountry[];
  tickMinutes: number;
  durationDays: number;
  /** UTC ISO 8601, e.g. "2027-03-01T00:00:00Z". */
  start: string;
  atlas?: '50m' | '10m';
}

/** Margin around the chosen countries, as a share of the larger side (at least 1°). */
const MARGIN = 0.08;

export function framedBBox(countries: readonly AtlasCountry[]): [number, number, number, number] {
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const c of countries) {
    w = Math.min(w, c.bbox[0]);
    s = Math.min(s, c.bbox[1]);
    e = Math.max(e, c.bbox[2]);
    n = Math.max(n, c.bbox[3]);
  }
  const m = Math.max(1, MARGIN * Math.max(e - w, n - s));
  const clamp = (v: number, lim: number) => Math.max(-lim, Math.min(lim, v));
  const q = (v: number) => Math.round(v * 10) / 10;
  return [q(clamp(w - m, 180)), q(clamp(s - m, 85)), q(clamp(e + m, 180)), q(clamp(n + m, 85))];
}

/**
 * Cell size for the raster the engine keeps (threat movement, detection): about 2.5 km for a
 * country-sized theatre, coarser for a continent so a run stays within the cell limit.
 */
export function cellKmFor(b: readonly [number, number, number, number]): number {
  const midLat = ((b[1] + b[3]) / 2) * (Math.PI / 180);
  const km2 = (b[2] - b[0]) * 111.32 * Math.cos(midLat) * (b[3] - b[1]) * 110.57;
  const cellKm = Math.sqrt(km2 / 2_000_000);
  return Math.max(2.5, Math.ceil(cellKm * 2) / 2);
}

export function newScenario(choice: NewScenarioChoice): Doc {
  const pool = new IdPool();
  const id = pool.take(slugify(choice.name) || 'exercise');
  const actors = choice.countries.map((c) => ({
    c,
    id: pool.take(slugify(c.name) || `c${c.iso}`),
  }));
  // One colour asked for all: the display rule hands each nation its own, clear of the others.
  const colors = displayColors(actors.map(() => '#1f77b4'));
  const box = framedBBox(choice.countries);
  return {
    id,
    name: choice.name,
    meta: {
      description: `${choice.name}: an exercise built in Concord's author mode.`,
      // The one source every new scenario has: its countries' borders (the planner adds theirs).
      sources: [
        {
          title: 'Natural Earth 1:50m Admin 0 countries, via world-atlas 2.0',
          url: 'https://www.naturalearthdata.com/',
        },
      ],
    },
    start: choice.start,
    tickMinutes: choice.tickMinutes,
    durationDays: choice.durationDays,
    geography: {
      atlas: choice.atlas ?? '50m',
      bbox: box,
      cellKm: cellKmFor(box),
      countries: actors.map(({ c, id: actor }) => ({ iso: c.iso, actor })),
    },
    actors: actors.map(({ c, id: actor }, i) => ({
      id: actor,
      name: c.name,
      kind: 'nation',
      color: colors[i]!,
      hq: roundPoint(c.inside),
      decisionLatencyMin: 30,
    })),
    bases: [],
    unitTypes: {},
    units: [],
  };
}
