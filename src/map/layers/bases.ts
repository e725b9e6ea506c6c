// Bases and depots: APP-6 installation symbol, an owner-colour chip holding two stock bars
// (fuel, supplies: the stock gauge, sky blue, yellow below 40 %, vermillion below 20 %), the
// name when zoomed in, and a red pulse ring for two seconds when a `shortfall` event names it.
import { Container, Graphics, Sprite, type Text } from 'pixi.js';
import { PALETTE, parseColor, stockColor } from '../colors';
import type { EventRefs } from '../event-refs';
import { type Hit, nearestWithin, pct } from '../hit-test';
import type { LabelCandidate, Obstacle } from '../label-placement';
import { makeLabel } from '../labels';
import { type LayerContext, type MapLayer, symbolScale } from '../layer';
import { projX, projY } from '../projection';
import { DEFAULT_BASE_SIDC, SYMBOL_SIZE } from '../symbols';

const BAR_W = 26;
const PULSE_MS = 2000;

interface BaseView {
  root: Container;
  fuel: Sprite;
  sup: Sprite;
  pulse: Graphics;
  label: Text;
  pulseAt: number;
}

export function createBasesLayer(ctx: LayerContext, refs: EventRefs): MapLayer {
  const { description: d, atlas, proj } = ctx;
  const root = new Container({ label: 'bases' });
  // Names live outside the per-base containers so they sit in world coordinates (label pass).
  const names = new Container();
  const n = d.bases.length;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  const fuelNow = new Float32Array(n).fill(1);
  const supNow = new Float32Array(n).fill(1);
  const white = atlas.glyph('white');
  const r = atlas.resolution;
  const bar = (tint: number, y: number, w: number, h: number, ax = 0) => {
    const s = new Sprite(white.texture);
    s.anchor.set(ax, 0);
    s.tint = tint;
    s.position.set(ax ? 0 : -BAR_W / 2, y);
    s.scale.set(w / (white.w * r), h / (white.h * r));
    return s;
  };
  const views: BaseView[] = d.bases.map((b, i) => {
    xs[i] = projX(proj, b.lon);
    ys[i] = projY(proj, b.lat);
    const v = new Container();
    v.position.set(xs[i]!, ys[i]!);
    const f = atlas.symbol(b.sidc ?? DEFAULT_BASE_SIDC, SYMBOL_SIZE.base);
    const sym = new Sprite(f.texture);
    sym.anchor.set(f.ax, f.ay);
    sym.scale.set(1 / r);
    const chip = bar(parseColor(d.actors[b.owner]?.color), 12, BAR_W + 4, 10, 0.5);
    const back = bar(0x111111, 14, BAR_W, 6);
    const fuel = bar(PALETTE.stockOk, 14, BAR_W, 2.5);
    const sup = bar(PALETTE.stockOk, 17.5, BAR_W, 2.5);
    const pulse = new Graphics().circle(0, 0, 18).stroke({ width: 3, color: PALETTE.red });
    pulse.visible = false;
    const label = makeLabel(b.name.replace(/\s*\(.*\)$/, ''), ctx.resolution, 11, '600');
    label.anchor.set(0.5, 0);
    label.position.set(xs[i]!, ys[i]!);
    names.addChild(label);
    v.addChild(pulse, sym, chip, back, fuel, sup);
    root.addChild(v);
    return { root: v, fuel, sup, pulse, label, pulseAt: Number.NEGATIVE_INFINITY };
  });
  const setBar = (s: Sprite, f: number) => {
    s.scale.x = (BAR_W * Math.max(0, Math.min(1, f))) / (white.w * r);
    s.tint = stockColor(f);
  };
  root.addChild(names);
  let anyPulse = false;
  const labels: LabelCandidate[] = views.map((v) => ({ text: v.label, priority: 1, minK: 0.35 }));
  const obstacles: Obstacle[] = views.map((_, i) => ({
    x: xs[i]!,
    y: ys[i]!,
    left: 15,
    top: 16,
    right: 15,
    bottom: 19,
  }));
  return {
    root,
    labels,
    obstacles,
    setZoom(c) {
      const ik = 1 / c.k;
      const sk = symbolScale(c) * ik;
      views.forEach((v, i) => {
        v.root.scale.set(sk);
        v.label.scale.set(ik);
        v.label.position.set(xs[i]!, ys[i]! + 22 * sk);
      });
    },
    push(snap, c) {
      const m = Math.min(n, snap.bases.fuel.length);
      for (let i = 0; i < m; i++) {
        const f = snap.bases.fuel[i]!;
        const s = snap.bases.supplies[i]!;
        if (f !== fuelNow[i]) {
          fuelNow[i] = f;
          setBar(views[i]!.fuel, f);
        }
        if (s !== supNow[i]) {
          supNow[i] = s;
          setBar(views[i]!.sup, s);
        }
      }
      for (const e of snap.events) {
        if (e.k !== 'shortfall') continue;
        const b = refs.base(e.base);
        const v = views[b];
        if (v) {
          v.pulseAt = c.now;
          anyPulse = true;
        }
      }
    },
    frame(c) {
      if (!anyPulse) return false;
      anyPulse = false;
      for (const v of views) {
        const t = (c.now - v.pulseAt) / PULSE_MS;
        if (t < 0 || t >= 1) {
          v.pulse.visible = false;
          continue;
        }
        anyPulse = true;
        v.pulse.visible = true;
        // Two beats in two seconds, growing and fading.
        const beat = (t * 2) % 1;
        v.pulse.scale.set(0.9 + beat * 0.9);
        v.pulse.alpha = 1 - beat;
      }
      return true;
    },
    pick(x, y, rad): Hit | null {
      const { index, d2 } = nearestWithin(xs, ys, n, x, y, rad);
      if (index < 0) return null;
      const b = d.bases[index]!;
      return {
        selection: { kind: 'base', index },
        d2,
        priority: 1,
        hover: () => ({
          title: b.name,
          lines: [
            `${d.actors[b.owner]?.name ?? '?'} · ${b.kind}`,
            `Fuel ${pct(fuelNow[index]!)} · supplies ${pct(supNow[index]!)}`,
          ],
        }),
      };
    },
  };
}
