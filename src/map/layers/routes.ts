// Routes, static: roads grey-brown, tracks thinner and dashed, shipping lanes blue dashed.
// Re-stroked on zoom change so widths and dash lengths stay constant on screen.
import { Container, Graphics } from 'pixi.js';
import { PALETTE } from '../colors';
import type { LayerContext, MapLayer } from '../layer';
import { dashedPath, projectLine } from '../lines';

export function createRoutesLayer(ctx: LayerContext): MapLayer {
  const { description: d, proj } = ctx;
  const root = new Container({ label: 'routes' });
  const g = new Graphics();
  root.addChild(g);
  const routes = d.routes.map((r) => ({ kind: r.kind, flat: projectLine(proj, r.coordinates) }));
  return {
    root,
    setZoom(c) {
      const ik = 1 / c.k;
      g.clear();
      for (const r of routes) {
        if (r.flat.length < 4) continue;
        if (r.kind === 'lane') {
          dashedPath(g, r.flat, 8 * ik, 5 * ik);
          g.stroke({ width: 1.6 * ik, color: PALETTE.lane, alpha: 0.85, cap: 'butt' });
        } else if (r.kind === 'track') {
          dashedPath(g, r.flat, 4 * ik, 3 * ik);
          g.stroke({ width: 1.3 * ik, color: PALETTE.road, alpha: 0.8 });
        } else {
          g.poly(r.flat, false).stroke({
            width: 3.2 * ik,
            color: 0xf4efe2,
            alpha: 0.8,
            join: 'round',
            cap: 'round',
          });
          g.poly(r.flat, false).stroke({
            width: 1.8 * ik,
            color: PALETTE.road,
            alpha: 0.95,
            join: 'round',
            cap: 'round',
          });
        }
      }
    },
  };
}
