// Places: dots sized by population and names offered to the view's label pass (cities from
// the start, towns once zoomed in). Dots are re-drawn on zoom change only.
import { Container, Graphics, type Text } from 'pixi.js';
import { type Hit, nearestWithin } from '../hit-test';
import type { LabelCandidate, Obstacle } from '../label-placement';
import { makeLabel } from '../labels';
import type { LayerContext, MapLayer } from '../layer';
import { projX, projY } from '../projection';

/** Dot radius in CSS px by population. */
export function placeRadius(population: number): number {
  return Math.max(2, Math.min(6, 1.2 + Math.log10(Math.max(1, population)) * 0.75));
}

/** Names of places under 100,000 people appear from this camera scale (px per km). */
const TOWN_NAMES_MIN_K = 0.6;
const CITY = 100_000;

export function createPlacesLayer(ctx: LayerContext): MapLayer {
  const { description: d, proj } = ctx;
  const root = new Container({ label: 'places' });
  const dots = new Graphics();
  const names = new Container();
  root.addChild(dots, names);
  const n = d.places.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const labels: Text[] = [];
  const candidates: LabelCandidate[] = [];
  const obstacles: Obstacle[] = [];
  d.places.forEach((p, i) => {
    xs[i] = projX(proj, p.lon);
    ys[i] = projY(proj, p.lat);
    const big = p.population >= CITY;
    const t = makeLabel(p.name, ctx.resolution, big ? 12 : 11, big ? '700' : '400');
    t.anchor.set(0, 0.5);
    t.position.set(xs[i]!, ys[i]!);
    labels.push(t);
    names.addChild(t);
    // Bigger places first; population breaks ties inside a tier.
    candidates.push({
      text: t,
      priority: (big ? 2 : 3) + 0.5 / Math.log10(10 + p.population),
      minK: big ? 0 : TOWN_NAMES_MIN_K,
    });
    const r = placeRadius(p.population);
    obstacles.push({ x: xs[i]!, y: ys[i]!, left: r, top: r, right: r, bottom: r });
  });
  return {
    root,
    labels: candidates,
    obstacles,
    setZoom(c) {
      const ik = 1 / c.k;
      dots.clear();
      for (let i = 0; i < n; i++) {
        const p = d.places[i]!;
        const r = placeRadius(p.population);
        dots.circle(xs[i]!, ys[i]!, r * ik);
        dots.fill({ color: p.kind === 'port' ? 0x2a6fb0 : 0x2b2b2b, alpha: 0.9 });
        dots.stroke({ width: 1.2 * ik, color: 0xffffff, alpha: 0.9 });
      }
      // Names sit right of the dot; the view's label pass decides which show.
      for (let i = 0; i < n; i++) {
        const t = labels[i]!;
        t.scale.set(ik);
        t.position.set(xs[i]! + (placeRadius(d.places[i]!.population) + 3) * ik, ys[i]!);
      }
    },
    pick(x, y, r): Hit | null {
      const { index, d2 } = nearestWithin(xs, ys, n, x, y, r);
      if (index < 0) return null;
      const p = d.places[index]!;
      return {
        selection: { kind: 'place', index },
        d2,
        priority: 3,
        hover: () => ({
          title: p.name,
          lines: [`${p.kind} · population ${p.population.toLocaleString('en')}`],
        }),
      };
    },
  };
}
