// Author mode's live drawing — the element being edited with its vertex handles, the shape
// being drawn — on a 2D canvas laid over the map's WebGL canvas and sized to those shapes'
// box. A drag then redraws one shape on a small canvas and never re-renders the map: with a
// software renderer a map render cost about 30 ms a frame, and composing a view-sized canvas
// 16 ms or more. Redrawn when the drawing or the camera changes. Pointer events pass through.
import type { LonLat } from '../../sim/describe';
import type { Camera } from '../camera';
import type { MapProjection } from '../projection';
import { projX, projY } from '../projection';
import type { DraftDrawing, DraftMark, DraftRoute, DraftZone } from '../types';
import { draftRouteStyle, draftZoneLook } from './draft-style';

const INK = '#11161c';
const HALO = '#ffffff';
const HALO_SOFT = 'rgba(255,255,255,0.8)';
const HANDLE = 5;
/** The element being edited is drawn this much bolder than at rest. */
const BOLD = 1.6;

const css = (c: number, a = 1) => `rgba(${(c >> 16) & 255},${(c >> 8) & 255},${c & 255},${a})`;

export interface DraftLive {
  readonly canvas: HTMLCanvasElement;
  /** Redraws when the drawing, the camera or the size changed; true when it drew. */
  draw(d: DraftDrawing | null, cam: Camera, width: number, height: number): boolean;
  destroy(): void;
}

/** Room around the live shapes for halos, handles and a unit's ring, px. */
const MARGIN = 26;
/** The box's grid, px. */
const GRID = 128;

/** The view box [x0, y0, x1, y1] the live shapes cover (with a margin, clamped), or null. */
function liveBox(
  d: DraftDrawing | null,
  screen: (p: LonLat) => [number, number],
  w: number,
  h: number,
): [number, number, number, number] | null {
  const a = d?.active;
  const pts: LonLat[] = [
    ...(a?.zone?.rings[0] ?? []),
    ...(a?.route?.coords ?? []),
    ...(a?.mark ? [a.mark.at] : []),
    ...(d?.sketch?.points ?? []),
    ...(d?.sketch?.cursor ? [d.sketch.cursor] : []),
  ];
  if (!pts.length) return null;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of pts) {
    const [x, y] = screen(p);
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // Snapped out to a grid: a box that changes every frame would reallocate the canvas and
  // lay the page out every frame; on the grid that happens only when a shape crosses a line.
  const box: [number, number, number, number] = [
    Math.max(0, Math.floor((x0 - MARGIN) / GRID) * GRID),
    Math.max(0, Math.floor((y0 - MARGIN) / GRID) * GRID),
    Math.min(w, Math.ceil((x1 + MARGIN) / GRID) * GRID),
    Math.min(h, Math.ceil((y1 + MARGIN) / GRID) * GRID),
  ];
  return box[2] > box[0] && box[3] > box[1] ? box : null;
}

export function createDraftLive(
  container: HTMLElement,
  proj: MapProjection,
  resolution: number,
): DraftLive {
  const canvas = document.createElement('canvas');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  canvas.dataset.layer = 'draft-live';
  const g = canvas.getContext('2d')!;
  let last: {
    d: DraftDrawing | null;
    k: number;
    tx: number;
    ty: number;
    w: number;
    h: number;
  } | null = null;
  let cam: Camera = { k: 1, tx: 0, ty: 0 };
  // The canvas covers only the live shapes' box; (ox, oy) is its corner in the view.
  let ox = 0;
  let oy = 0;
  const screen = (p: LonLat): [number, number] => [
    projX(proj, p[0]) * cam.k + cam.tx,
    projY(proj, p[1]) * cam.k + cam.ty,
  ];
  const at = (p: LonLat): [number, number] => {
    const [x, y] = screen(p);
    return [x - ox, y - oy];
  };

  const path = (pts: readonly LonLat[], closed: boolean) => {
    g.beginPath();
    pts.forEach((p, i) => {
      const [x, y] = at(p);
      if (i) g.lineTo(x, y);
      else g.moveTo(x, y);
    });
    if (closed) g.closePath();
  };
  const stroke = (color: string, width: number, dash: number[] = []) => {
    g.setLineDash(dash);
    g.strokeStyle = color;
    g.lineWidth = width;
    g.stroke();
  };

  const zone = (z: DraftZone) => {
    const { st, line, fillAlpha } = draftZoneLook(z);
    z.rings.forEach((r, i) => {
      path(r, true);
      if (i === 0) {
        g.fillStyle = css(st.fill ?? line, fillAlpha);
        g.fill();
      }
      stroke(HALO_SOFT, 6);
      stroke(css(line, 0.95), Math.max(1.6, st.width) * BOLD, st.dash ?? []);
    });
  };
  const route = (r: DraftRoute) => {
    const st = draftRouteStyle(r.kind);
    path(r.coords, false);
    stroke(HALO_SOFT, 8);
    stroke(css(st.color), st.width * BOLD, st.dash ? [9, 5] : []);
  };
  const mark = (m: DraftMark) => {
    const [x, y] = at(m.at);
    g.setLineDash([]);
    g.beginPath();
    g.arc(x, y, m.kind === 'unit' ? 20 : 13, 0, Math.PI * 2);
    stroke(HALO, 5);
    stroke(INK, 2);
  };
  const handles = (hs: readonly LonLat[]) => {
    g.setLineDash([]);
    for (const h of hs) {
      const [x, y] = at(h);
      g.fillStyle = HALO;
      g.fillRect(x - HANDLE, y - HANDLE, 2 * HANDLE, 2 * HANDLE);
      g.strokeStyle = INK;
      g.lineWidth = 2;
      g.strokeRect(x - HANDLE, y - HANDLE, 2 * HANDLE, 2 * HANDLE);
    }
  };
  const sketch = (sk: NonNullable<DraftDrawing['sketch']>) => {
    const pts = sk.cursor ? [...sk.points, sk.cursor] : [...sk.points];
    path(pts, sk.closed);
    if (sk.closed && pts.length >= 3) {
      g.fillStyle = 'rgba(17,22,28,0.1)';
      g.fill();
    }
    stroke(HALO_SOFT, 6);
    stroke(INK, 2.5, [8, 5]);
    g.setLineDash([]);
    for (const p of sk.points) {
      const [x, y] = at(p);
      g.beginPath();
      g.arc(x, y, 4, 0, Math.PI * 2);
      g.fillStyle = HALO;
      g.fill();
      stroke(INK, 2);
    }
  };
  return {
    canvas,
    draw(d, c, w, h) {
      if (
        last &&
        last.d === d &&
        last.k === c.k &&
        last.tx === c.tx &&
        last.ty === c.ty &&
        last.w === w &&
        last.h === h
      )
        return false;
      last = { d, k: c.k, tx: c.tx, ty: c.ty, w, h };
      cam = c;
      // Only a map in author mode gets the canvas (the others keep one canvas to find).
      if (!d && !canvas.isConnected) return false;
      if (!canvas.isConnected) container.appendChild(canvas);
      const box = liveBox(d, screen, w, h);
      canvas.style.display = box ? '' : 'none';
      if (!box) return true;
      [ox, oy] = [box[0], box[1]];
      const [bw, bh] = [box[2] - box[0], box[3] - box[1]];
      const pw = Math.max(1, Math.round(bw * resolution));
      const ph = Math.max(1, Math.round(bh * resolution));
      if (canvas.width !== pw || canvas.height !== ph) {
        canvas.width = pw;
        canvas.height = ph;
      }
      Object.assign(canvas.style, {
        left: `${ox}px`,
        top: `${oy}px`,
        width: `${bw}px`,
        height: `${bh}px`,
      });
      g.setTransform(resolution, 0, 0, resolution, 0, 0);
      g.clearRect(0, 0, bw, bh);
      g.lineJoin = 'round';
      g.lineCap = 'round';
      const a = d!.active;
      if (a?.zone) zone(a.zone);
      if (a?.route) route(a.route);
      if (a?.mark) mark(a.mark);
      if (a) handles(a.handles);
      if (d!.sketch?.points.length) sketch(d!.sketch);
      return true;
    },
    destroy() {
      canvas.remove();
    },
  };
}
