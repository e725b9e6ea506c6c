// The camera: screen = world × k + (tx, ty). Pure functions; the map view applies the result
// to the world container's scale and position.

export interface Camera {
  k: number;
  tx: number;
  ty: number;
}

/** Zoom limits in screen px per world unit (km). */
export const MIN_ZOOM = 0.005;
export const MAX_ZOOM = 200;

const clampK = (k: number) => Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, k));

/** A screen rectangle [x0, y0, x1, y1] in CSS px relative to the map container. */
export type ScreenBox = readonly [number, number, number, number];

/**
 * A camera showing world rect [minX, minY, maxX, maxY] centred inside a w×h viewport, or inside
 * `area` of it (the part no overlay covers, see uncoveredArea).
 */
export function fitCamera(
  rect: readonly [number, number, number, number],
  width: number,
  height: number,
  padding = 24,
  area: ScreenBox = [0, 0, width, height],
): Camera {
  const [x0, y0, x1, y1] = rect;
  const [ax0, ay0, ax1, ay1] = area;
  const rw = Math.max(1e-9, x1 - x0);
  const rh = Math.max(1e-9, y1 - y0);
  const w = Math.max(1, ax1 - ax0 - 2 * padding);
  const h = Math.max(1, ay1 - ay0 - 2 * padding);
  const k = clampK(Math.min(w / rw, h / rh));
  const cx = (ax0 + ax1) / 2;
  const cy = (ay0 + ay1) / 2;
  return { k, tx: cx - ((x0 + x1) / 2) * k, ty: cy - ((y0 + y1) / 2) * k };
}

/** Overlays beyond this many are merged into their bounding box (4^n layouts are tried). */
const MAX_OVERLAYS = 7;

/**
 * The largest part of a w×h viewport, free of every overlay, in which a world rect of aspect
 * `aspect` (width / height) shows biggest. Each overlay is cleared by moving one edge of the
 * viewport past it (a banner at the top pushes the top edge down, a key along the left side
 * pushes the left edge right); every choice of edge per overlay is tried. Overlays outside the
 * viewport are ignored. With no room left at all, the whole viewport.
 */
export function uncoveredArea(
  width: number,
  height: number,
  overlays: readonly ScreenBox[],
  aspect: number,
  padding = 24,
): ScreenBox {
  let boxes = overlays
    .map(
      ([x0, y0, x1, y1]): ScreenBox => [
        Math.max(0, x0),
        Math.max(0, y0),
        Math.min(width, x1),
        Math.min(height, y1),
      ],
    )
    .filter(([x0, y0, x1, y1]) => x1 > x0 && y1 > y0);
  if (boxes.length > MAX_OVERLAYS) {
    const tail = boxes.slice(MAX_OVERLAYS - 1);
    const merged: ScreenBox = [
      Math.min(...tail.map((b) => b[0])),
      Math.min(...tail.map((b) => b[1])),
      Math.max(...tail.map((b) => b[2])),
      Math.max(...tail.map((b) => b[3])),
    ];
    boxes = [...boxes.slice(0, MAX_OVERLAYS - 1), merged];
  }
  let best: ScreenBox = [0, 0, width, height];
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestArea = 0;
  const a = Math.max(1e-9, aspect);
  for (let code = 0; code < 4 ** boxes.length; code++) {
    let x0 = 0;
    let y0 = 0;
    let x1 = width;
    let y1 = height;
    for (let i = 0, c = code; i < boxes.length; i++, c >>= 2) {
      const b = boxes[i]!;
      if ((c & 3) === 0) x0 = Math.max(x0, b[2]);
      else if ((c & 3) === 1) x1 = Math.min(x1, b[0]);
      else if ((c & 3) === 2) y0 = Math.max(y0, b[3]);
      else y1 = Math.min(y1, b[1]);
    }
    const w = x1 - x0;
    const h = y1 - y0;
    if (w <= 2 * padding || h <= 2 * padding) continue;
    // How tall the world rect shows (∝ the camera scale); among equals, the larger area.
    const score = Math.min((w - 2 * padding) / a, h - 2 * padding);
    const better = score > bestScore + 0.5 || (score > bestScore - 0.5 && w * h > bestArea);
    if (better) {
      bestScore = score;
      bestArea = w * h;
      best = [x0, y0, x1, y1];
    }
  }
  return best;
}

/** Zooms by `factor` keeping screen point (sx, sy) over the same world point. */
export function zoomAbout(cam: Camera, factor: number, sx: number, sy: number): Camera {
  const k = clampK(cam.k * factor);
  const f = k / cam.k;
  return { k, tx: sx - (sx - cam.tx) * f, ty: sy - (sy - cam.ty) * f };
}

export function panBy(cam: Camera, dx: number, dy: number): Camera {
  return { k: cam.k, tx: cam.tx + dx, ty: cam.ty + dy };
}

/** Moves the camera, zoom unchanged, so that world point (wx, wy) sits at screen point (sx, sy). */
export function centreOn(cam: Camera, wx: number, wy: number, sx: number, sy: number): Camera {
  return { k: cam.k, tx: sx - wx * cam.k, ty: sy - wy * cam.k };
}

export const toScreenX = (cam: Camera, x: number) => x * cam.k + cam.tx;
export const toScreenY = (cam: Camera, y: number) => y * cam.k + cam.ty;
export const toWorldX = (cam: Camera, sx: number) => (sx - cam.tx) / cam.k;
export const toWorldY = (cam: Camera, sy: number) => (sy - cam.ty) / cam.k;
