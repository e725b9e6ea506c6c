// Static basemap: sea is the canvas background; land fill (muted, brighter inside the scenario
// box), coastlines, country borders and country names. Built once; lines are re-stroked only
// when the zoom changes so they keep their screen width.
import { Container, Graphics, Text } from 'pixi.js';
import { PALETTE } from '../colors';
import { type Basemap, buildBasemap, countryLabelPoint } from '../geometry';
import type { LabelCandidate } from '../label-placement';
import type { LayerContext, MapLayer } from '../layer';
import { projectBBox } from '../projection';

export interface BasemapLayers {
  land: MapLayer;
  borders: MapLayer;
  countryNames: MapLayer;
}

export function createBasemap(topology: unknown, ctx: LayerContext): BasemapLayers {
  const rect = projectBBox(ctx.proj, ctx.description.bbox);
  const w = rect[2] - rect[0];
  const h = rect[3] - rect[1];
  // Keep the land a generous half-box around the scenario (enough to pan), no more: every
  // vertex is drawn each frame.
  const m = Math.max(w, h) * 0.5;
  const area = [rect[0] - m, rect[1] - m, rect[2] + m, rect[3] + m] as const;
  const tol = Math.max(w, h) / 3000;
  const base: Basemap = buildBasemap(topology, ctx.proj, area, tol);

  const landRoot = new Container({ label: 'land' });
  const land = new Graphics();
  for (const c of base.countries) for (const r of c.parts) land.poly(r, true).fill(PALETTE.land);
  landRoot.addChild(land);
  // The scenario box: a faint frame so the planner sees the exercise area.
  const frame = new Graphics();
  landRoot.addChild(frame);
  const coast = new Graphics();
  landRoot.addChild(coast);

  const bordersRoot = new Container({ label: 'borders' });
  const borders = new Graphics();
  bordersRoot.addChild(borders);

  const namesRoot = new Container({ label: 'countryNames' });
  const names: Text[] = [];
  const candidates: LabelCandidate[] = [];
  for (const c of base.countries) {
    const at = countryLabelPoint(c, rect);
    if (!at || at.area < w * h * 0.004) continue;
    const t = new Text({
      text: c.name.toUpperCase(),
      style: {
        fontFamily: 'Arial, Helvetica, sans-serif',
        fontSize: 13,
        fontWeight: '600',
        letterSpacing: 2,
        fill: PALETTE.countryName,
        stroke: { color: 0xf2eee4, width: 3, join: 'round' },
        align: 'center',
      },
      resolution: ctx.resolution,
      anchor: 0.5,
    });
    t.position.set(at.x, at.y);
    t.alpha = 0.85;
    names.push(t);
    // Country names are background: every other label wins over them.
    candidates.push({ text: t, priority: 6 - Math.min(0.9, at.area / (w * h)) });
    namesRoot.addChild(t);
  }

  const strokeLines = (
    g: Graphics,
    lines: number[][],
    width: number,
    color: number,
    alpha: number,
  ) => {
    g.clear();
    for (const l of lines) g.poly(l, false);
    g.stroke({ width, color, alpha, join: 'round', cap: 'round' });
  };

  return {
    land: {
      root: landRoot,
      setZoom(c) {
        const px = 1 / c.k;
        strokeLines(coast, base.coasts, 1 * px, PALETTE.coast, 0.9);
        frame.clear();
        frame
          .rect(rect[0], rect[1], w, h)
          .stroke({ width: 1.5 * px, color: 0xffffff, alpha: 0.35 });
      },
    },
    borders: {
      root: bordersRoot,
      setZoom(c) {
        strokeLines(borders, base.borders, 1.6 / c.k, PALETTE.border, 0.9);
      },
    },
    countryNames: {
      root: namesRoot,
      labels: candidates,
      setZoom(c) {
        const s = 1 / c.k;
        for (const t of names) t.scale.set(s);
      },
    },
  };
}
