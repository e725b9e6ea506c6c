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

/** A camera showing world rect [minX, minY, maxX, maxY] inside a w×h viewport, centred. */
export function fitCamera(
  rect: readonly [number, number, number, number],
  width: number,
  height: number,
  padding = 24,
): Camera {
  const [x0, y0, x1, y1] = rect;
  const rw = Math.max(1e-9, x1 - x0);
  const rh = Math.max(1e-9, y1 - y0);
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const k = clampK(Math.min(w / rw, h / rh));
  return { k, tx: width / 2 - ((x0 + x1) / 2) * k, ty: height / 2 - ((y0 + y1) / 2) * k };
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

export const toScreenX = (cam: Camera, x: number) => x * cam.k + cam.tx;
export const toScreenY = (cam: Camera, y: number) => y * cam.k + cam.ty;
export const toWorldX = (cam: Camera, sx: number) => (sx - cam.tx) / cam.k;
export const toWorldY = (cam: Camera, sy: number) => (sy - cam.ty) / cam.k;
