// Scenario zones, static: sectors and AORs outlined in the owner's colour, territorial seas
// tinted, safe havens translucent red, patrol areas dotted, border strips pale, closed zones
// grey. Fills are built once; outlines are re-stroked on zoom change to keep screen width.
import { Container, Graphics, Text } from 'pixi.js';
import { PALETTE, parseColor } from '../colors';
import { countryLabelPoint, ringBounds } from '../geometry';
import type { LabelCandidate } from '../label-placement';
import type { LayerContext, MapLayer } from '../layer';
import { dashedPath, projectLine } from '../lines';

interface ZoneStyle {
  fill: number | null;
  fillAlpha: number;
  line: number | null;
  width: number;
  alpha: number;
  dash: [number, number] | null;
  label: boolean;
}

/** Style of a zone kind; `owner` is the owner's colour (grey when none). */
export function zoneStyle(kind: string, owner: number): ZoneStyle {
  switch (kind) {
    case 'sector':
      return {
        fill: owner,
        fillAlpha: 0.05,
        line: owner,
        width: 1.6,
        alpha: 0.9,
        dash: null,
        label: true,
      };
    case 'aor':
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1.6,
        alpha: 0.8,
        dash: [10, 5],
        label: true,
      };
    case 'territorial-sea':
      return {
        fill: owner,
        fillAlpha: 0.1,
        line: owner,
        width: 1,
        alpha: 0.6,
        dash: null,
        label: false,
      };
    case 'safe-haven':
      return {
        fill: PALETTE.red,
        fillAlpha: 0.16,
        line: PALETTE.red,
        width: 1.4,
        alpha: 0.8,
        dash: [5, 4],
        label: true,
      };
    case 'patrol-area':
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1.3,
        alpha: 0.75,
        dash: [2, 4],
        label: false,
      };
    case 'border-strip':
      return {
        fill: 0xf5e26b,
        fillAlpha: 0.13,
        line: null,
        width: 0,
        alpha: 0,
        dash: null,
        label: false,
      };
    case 'closed':
      return {
        fill: 0x555555,
        fillAlpha: 0.25,
        line: 0x333333,
        width: 1.4,
        alpha: 0.8,
        dash: [6, 4],
        label: true,
      };
    default:
      return {
        fill: null,
        fillAlpha: 0,
        line: owner,
        width: 1,
        alpha: 0.6,
        dash: null,
        label: false,
      };
  }
}

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
