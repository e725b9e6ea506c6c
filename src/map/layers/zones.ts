// Scenario zones, static: sectors and AORs outlined in the owner's colour, territorial seas
// tinted, safe havens translucent red, patrol areas dotted, border strips pale, closed zones
// grey. Fills are built once; outlines are re-stroked on zoom change to keep screen width.
import { Container, Graphics, Text } from 'pixi.js';
import { parseColor } from '../colors';
import { countryLabelPoint, ringBounds } from '../geometry';
import type { LabelCandidate } from '../label-placement';
import type { LayerContext, MapLayer } from '../layer';
import { dashedPath, projectLine } from '../lines';
import { zoneStyle } from '../zone-style';

export function createZonesLayer(ctx: LayerContext): MapLayer {
  const { description: d, proj } = ctx;
  const root = new Container({ label: 'zones' });
  const fills = new Graphics();
  const lines = new Graphics();
  const labels = new Container();
  root.addChild(fills, lines, labels);
  const zones = d.zones.map((z) => {
    const color = z.owner >= 0 ? parseColor(d.actors[z.owner]?.color) : 0x777777;
    const rings = z.polygon.map((r) => projectLine(proj, r));
    return { z, style: zoneStyle(z.kind, color), rings };
  });
  // Big, faint zones first so small ones stay visible.
  const area = (r: number[]) => {
    const b = ringBounds(r);
    return (b[2] - b[0]) * (b[3] - b[1]);
  };
  zones.sort((a, b) => area(b.rings[0] ?? []) - area(a.rings[0] ?? []));
  for (const { style, rings } of zones) {
    if (style.fill === null || !rings[0]) continue;
    fills.poly(rings[0], true).fill({ color: style.fill, alpha: style.fillAlpha });
    for (const hole of rings.slice(1)) fills.poly(hole, true).cut();
  }
  const texts: Text[] = [];
  const candidates: LabelCandidate[] = [];
  for (const { z, style, rings } of zones) {
    if (!style.label || !rings[0]) continue;
    const b = ringBounds(rings[0]);
    const at = countryLabelPoint({ id: z.id, name: z.name, parts: [rings[0]] }, b);
    if (!at) continue;
    const t = new Text({
      text: z.name,
      style: {
        fontFamily: 'Arial, Helvetica, sans-serif',
        fontSize: 11,
        fontStyle: 'italic',
        fill: z.kind === 'safe-haven' ? 0x8b1a14 : 0x3a3a3a,
        stroke: { color: 0xf2eee4, width: 3, join: 'round' },
      },
      resolution: ctx.resolution,
      anchor: 0.5,
    });
    t.position.set(at.x, at.y);
    texts.push(t);
    // A zone's name shows only once the zone is wide enough on screen to hold it.
    candidates.push({ text: t, priority: 4, minK: (t.width + 16) / Math.max(1e-9, at.width) });
    labels.addChild(t);
  }
  return {
    root,
    labels: candidates,
    setZoom(c) {
      const ik = 1 / c.k;
      lines.clear();
      for (const { style, rings } of zones) {
        if (style.line === null) continue;
        for (const r of rings) {
          if (style.dash) dashedPath(lines, r, style.dash[0] * ik, style.dash[1] * ik, true);
          else lines.poly(r, true);
          lines.stroke({
            width: style.width * ik,
            color: style.line,
            alpha: style.alpha,
            cap: 'round',
            join: 'round',
          });
        }
      }
      for (const t of texts) t.scale.set(ik);
    },
  };
}
