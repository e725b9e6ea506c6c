// Snapshot events name things by scenario id (see src/sim/names.ts); the map needs dense
// indices. One lookup per kind, built once from the description; raw numbers pass through.
import type { WorldDescription } from '../sim/describe';
import { makeProjection, type Projection, toLat, toLon } from '../sim/geo/projection';

export interface EventRefs {
  actor(v: unknown): number;
  unit(v: unknown): number;
  base(v: unknown): number;
  agreement(v: unknown): number;
  /** Engine km (x east, y north from the bbox's south-west corner) → lon/lat. */
  lonLat(x: unknown, y: unknown): [number, number] | null;
}

export function makeEventRefs(d: WorldDescription): EventRefs {
  const table = (ids: readonly { id: string }[]) => {
    const m = new Map<string, number>();
    ids.forEach((x, i) => {
      m.set(x.id, i);
    });
    return (v: unknown): number => {
      if (typeof v === 'number') return Number.isInteger(v) ? v : -1;
      if (typeof v === 'string') return m.get(v) ?? -1;
      return -1;
    };
  };
  const proj: Projection = makeProjection(d.bbox);
  return {
    actor: table(d.actors),
    unit: table(d.units),
    base: table(d.bases),
    agreement: table(d.agreements),
    lonLat(x, y) {
      if (typeof x !== 'number' || typeof y !== 'number') return null;
      return [toLon(proj, x), toLat(proj, y)];
    },
  };
}
