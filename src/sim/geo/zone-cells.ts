// Random points inside a zone, drawn from its raster cells (patrol waypoints, spawned threat
// cells): per tick, so no allocation; the draws come from the caller's stream.
import type { Rng } from '../rng';
import type { Def } from '../world';
import { cellCenterX, cellCenterY } from './raster';

/** A random allowed cell centre inside a zone, or the zone centroid when none is found. */
export function randomCellIn(
  def: Def,
  zone: number,
  code: Uint8Array,
  allowed: Uint8Array,
  rng: Rng,
  out: { x: number; y: number },
): boolean {
  const z = def.zones[zone]!;
  const spec = def.masks.spec;
  for (let k = 0; k < 12; k++) {
    const c = z.cells[Math.floor(rng() * z.cells.length)]!;
    if (allowed[code[c]!] === 1) {
      out.x = cellCenterX(spec, c) + (rng() - 0.5) * spec.cellKm * 0.8;
      out.y = cellCenterY(spec, c) + (rng() - 0.5) * spec.cellKm * 0.8;
      return true;
    }
  }
  out.x = z.cx;
  out.y = z.cy;
  return false;
}
