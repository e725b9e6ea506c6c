// The measuring tool's path, over every other layer: each leg along its great circle (the
// distance the shell reports is great-circle, so the line curves on the Mercator map), dark on
// a white halo so it reads on pale land and dark sea alike, a dot at each point clicked (the
// first one ringed once the path can be closed on it), the area tinted when the path is closed,
// and a dashed leg to the pointer while the path is being built. Re-stroked on zoom for
// screen-constant widths. The numbers are the shell's to show (src/ui/map-tools). Not one of
// the toggleable LAYER_IDS: the view puts it above them all, and destroys it with the stage.
import { Container, Graphics } from 'pixi.js';
import type { LonLat } from '../../sim/describe';
import { centralAngle, greatCirclePoints } from '../great-circle';
import type { LayerContext } from '../layer';
import { dashedPath } from '../lines';
import { EARTH_RADIUS_KM, type MapProjection, projX, projY } from '../projection';
import type { MeasureDrawing } from '../types';

/** Screen sizes, CSS px. */
const HALO_W = 7;
const LINE_W = 3;
const DOT_R = 4.5;
const FIRST_R = 9;
const INK = 0x11161c;
const HALO = 0xffffff;
/** A drawn leg gets a point about every this many km (and at most MAX_SEGMENTS). */
const STEP_KM = 20;
const MAX_SEGMENTS = 128;

export interface MeasureLayer {
  readonly root: Container;
  set(drawing: MeasureDrawing | null): void;
  setZoom(ctx: LayerContext): void;
  /** Redraws what changed; true when something did. */
  frame(ctx: LayerContext): boolean;
}

/** A leg a → b along its great circle, projected: flat [x0, y0, x1, y1, …] in world units. */
function legXY(p: MapProjection, a: LonLat, b: LonLat): number[] {
  const km = centralAngle(a, b) * EARTH_RADIUS_KM;
  const n = Math.min(MAX_SEGMENTS, Math.max(1, Math.ceil(km / STEP_KM)));
  const out: number[] = [];
  for (const q of greatCirclePoints(a, b, n)) out.push(projX(p, q[0]), projY(p, q[1]));
  return out;
}

export function createMeasureLayer(ctx: LayerContext): MeasureLayer {
  const { proj } = ctx;
  const root = new Container({ label: 'measure' });
  const area = new Graphics();
  const path = new Graphics();
  const band = new Graphics();
  const dots = new Graphics();
  root.addChild(area, path, band, dots);
  let drawing: MeasureDrawing | null = null;
  /** The path's legs, projected (closing leg included). */
  let legs: number[][] = [];
  let pathDirty = false;
  let bandDirty = false;
  let pathKey = '';

  const drawPath = (ik: number) => {
    area.clear();
    path.clear();
    dots.clear();
    if (!drawing?.points.length) return;
    if (drawing.closed && legs.length >= 3) {
      const ring = legs.flatMap((l, i) => (i === 0 ? l : l.slice(2)));
      area.poly(ring, true).fill({ color: INK, alpha: 0.12 });
    }
    for (const l of legs)
      path
        .poly(l, false)
        .stroke({ width: HALO_W * ik, color: HALO, alpha: 0.85, join: 'round', cap: 'round' });
    for (const l of legs)
      path.poly(l, false).stroke({ width: LINE_W * ik, color: INK, join: 'round', cap: 'round' });
    const pts = drawing.points;
    if (pts.length >= 3 && !drawing.closed) {
      const [x, y] = [projX(proj, pts[0]![0]), projY(proj, pts[0]![1])];
      dots.circle(x, y, FIRST_R * ik).stroke({ width: 4 * ik, color: HALO, alpha: 0.85 });
      dots.circle(x, y, FIRST_R * ik).stroke({ width: 2 * ik, color: INK });
    }
    for (const q of pts) {
      dots
        .circle(projX(proj, q[0]), projY(proj, q[1]), DOT_R * ik)
        .fill({ color: HALO })
        .stroke({ width: 2 * ik, color: INK });
    }
  };

  const drawBand = (ik: number) => {
    band.clear();
    const last = drawing?.points.at(-1);
    const cursor = drawing?.cursor;
    if (!last || !cursor || drawing?.closed) return;
    const flat = legXY(proj, last, cursor);
    band.poly(flat, false).stroke({ width: HALO_W * ik, color: HALO, alpha: 0.6, cap: 'round' });
    dashedPath(band, flat, 8 * ik, 6 * ik);
    band.stroke({ width: 2 * ik, color: INK, alpha: 0.9, cap: 'round' });
  };

  return {
    root,
    set(next) {
      drawing = next;
      const key = next ? `${next.closed}|${next.points.join(';')}` : '';
      if (key !== pathKey) {
        pathKey = key;
        const pts = next?.points ?? [];
        legs = [];
        for (let i = 1; i < pts.length; i++) legs.push(legXY(proj, pts[i - 1]!, pts[i]!));
        if (next?.closed && pts.length >= 3) legs.push(legXY(proj, pts.at(-1)!, pts[0]!));
        pathDirty = true;
      }
      bandDirty = true;
    },
    setZoom() {
      pathDirty = true;
      bandDirty = true;
    },
    frame(c) {
      const ik = 1 / c.k;
      if (!pathDirty && !bandDirty) return false;
      if (pathDirty) drawPath(ik);
      if (bandDirty) drawBand(ik);
      pathDirty = false;
      bandDirty = false;
      return true;
    },
  };
}
