// Author mode's live drawing — the element being edited with its vertex handles, the shape
// being drawn, the problems' rings — on a 2D canvas laid over the map's WebGL canvas. A drag
// then redraws one shape on this canvas and never re-renders the map (with a software WebGL a
// full render costs about 30 ms a frame; a few paths here cost well under one). Redrawn when
// the drawing or the camera changes. Pointer events pass through it to the map.
import type { LonLat } from '../../sim/describe';
import { PALETTE, parseColor } from '../colors';
import { type MapProjection, projX, projY } from '../projection';
import type { DraftDrawing, DraftMark, DraftRoute, DraftZone } from '../types';
import { zoneStyle } from '../zone-style';

const INK = '#11161c';
const HALO = '#ffffff';
const HALO_N = 0xffffff;
const GREY = 0x6b7280;
const HANDLE = 5;
const ROUTE_COLOR: Record<string, number> = {
  road: PALETTE.road,
  track: PALETTE.road,
  lane: PALETTE.lane,
};

export interface Camera2D {
  k: number;
  tx: number;
  ty: number;
}

const css = (c: number, a = 1) => `rgba(${(c >> 16) & 255},${(c >> 8) & 255},${c & 255},${a})`;

export interface DraftLive {
  readonly canvas: HTMLCanvasElement;
  /** Redraws when the drawing, the camera or the size changed; true when it drew. */
  draw(d: DraftDrawing | null, cam: Camera2D, width: number, height: number): boolean;
  destroy(): void;
}

export function createDraftLive(
  container: HTMLElement,
  proj: MapProjection,
  resolution: number,
): DraftLive {
  const canvas = document.createElement('canvas');
  Object.assign(canvas.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none' });
  canvas.dataset.layer = 'draft-live';
  container.appendChild(canvas);
  const g = canvas.getContext('2d')!;
  let last: {
    d: DraftDrawing | null;
    k: number;
    tx: number;
    ty: number;
    w: number;
    h: number;
  } | null = null;
  let cam: Camera2D = { k: 1, tx: 0, ty: 0 };
  const at = (p: LonLat): [number, number] => [
    projX(proj, p[0]) * cam.k + cam.tx,
    projY(proj, p[1]) * cam.k + cam.ty,
  ];

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
    const owner = z.color ? parseColor(z.color) : GREY;
    const st = zoneStyle(z.kind, owner);
    const line = st.line ?? owner;
    z.rings.forEach((r, i) => {
      path(r, true);
      if (i === 0) {
        g.fillStyle = css(st.fill ?? line, Math.max(0.08, st.fillAlpha));
        g.fill();
      }
      stroke(css(HALO_N, 0.8), 6);
      stroke(css(line, 0.95), Math.max(1.6, st.width) * 1.6, st.dash ?? []);
    });
  };
  const route = (r: DraftRoute) => {
    path(r.coords, false);
    stroke(css(HALO_N, 0.7), 8);
    stroke(css(ROUTE_COLOR[r.kind] ?? PALETTE.road), 4, r.kind === 'road' ? [] : [9, 5]);
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
    stroke('rgba(255,255,255,0.8)', 6);
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
  const problems = (ps: readonly LonLat[]) => {
    g.setLineDash([]);
    for (const p of ps) {
      const [x, y] = at(p);
      g.beginPath();
      g.arc(x, y, 16, 0, Math.PI * 2);
      stroke('rgba(255,255,255,0.8)', 5);
      stroke(css(PALETTE.amber), 3);
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
      const pw = Math.round(w * resolution);
      const ph = Math.round(h * resolution);
      if (canvas.width !== pw || canvas.height !== ph) {
        canvas.width = pw;
        canvas.height = ph;
        canvas.style.width = `${w}px`;
        canvas.style.height = `${h}px`;
      }
      g.setTransform(resolution, 0, 0, resolution, 0, 0);
      g.clearRect(0, 0, w, h);
      g.lineJoin = 'round';
      g.lineCap = 'round';
      const a = d?.active;
      if (a?.zone) zone(a.zone);
      if (a?.route) route(a.route);
      if (a?.mark) mark(a.mark);
      if (a) handles(a.handles);
      if (d?.sketch?.points.length) sketch(d.sketch);
      problems(d?.problems ?? []);
      return true;
    },
    destroy() {
      canvas.remove();
    },
  };
}
