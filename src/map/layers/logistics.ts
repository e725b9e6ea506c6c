// Logistics on the move: supply convoys (the run's APP-6 code, an owner chip and a load bar)
// and civilian traffic (small neutral symbols, one particle each). Both are matched by slot
// between snapshots and interpolated.
import { Container } from 'pixi.js';
import type { MoverLayer, Snapshot } from '../../sim/snapshot';
import { PALETTE, parseColor, stockColor } from '../colors';
import { GlyphSet } from '../glyphs';
import { type Hit, nearestWithin, pct } from '../hit-test';
import type { LayerContext, MapLayer } from '../layer';
import { Motion } from '../motion';
import { projX, projY } from '../projection';
import { SYMBOL_SIZE } from '../symbols';

const BAR_W = 18;

export function createLogisticsLayer(ctx: LayerContext): MapLayer {
  const { description: d, atlas } = ctx;
  const root = new Container({ label: 'logistics' });
  const vessels = new GlyphSet(atlas, 1);
  const convoys = new GlyphSet(atlas, 4);
  root.addChild(vessels.container, convoys.container);
  const vMotion = new Motion();
  const cMotion = new Motion();
  const white = atlas.glyph('white');
  let last: Snapshot | null = null;
  let dirty = true;

  const place = (L: MoverLayer, m: Motion, c: LayerContext) => {
    m.step(c.alpha);
    m.begin(L.slot.length);
    for (let i = 0; i < L.slot.length; i++)
      m.target(i, L.slot[i]!, projX(c.proj, L.lon[i]!), projY(c.proj, L.lat[i]!));
    m.end();
  };

  return {
    root,
    push(snap, c) {
      last = snap;
      place(snap.vessels, vMotion, c);
      place(snap.convoys, cMotion, c);
      const V = snap.vessels;
      vessels.resize(V.slot.length);
      for (let i = 0; i < V.slot.length; i++) {
        const t = d.traffic[V.kind[i]!];
        vessels.set(i, 0, {
          frame: t ? atlas.symbol(t.sidc, SYMBOL_SIZE.mover) : atlas.glyph('ship'),
          alpha: 0.85,
        });
      }
      const C = snap.convoys;
      convoys.resize(C.slot.length);
      for (let i = 0; i < C.slot.length; i++) {
        const run = d.supplyRuns[C.kind[i]!];
        const load = Math.max(0, Math.min(1, C.load[i]!));
        const owner = run ? parseColor(d.actors[run.owner]?.color) : 0x888888;
        convoys.set(i, 0, { frame: white, ax: 0.5, ay: 0, dy: 8, w: BAR_W + 4, h: 6, tint: owner });
        convoys.set(i, 1, {
          frame: white,
          ax: 0,
          ay: 0,
          dx: -BAR_W / 2,
          dy: 9.5,
          w: BAR_W,
          h: 3,
          tint: PALETTE.barBack,
        });
        convoys.set(i, 2, {
          frame: white,
          ax: 0,
          ay: 0,
          dx: -BAR_W / 2,
          dy: 9.5,
          w: BAR_W * load,
          h: 3,
          tint: stockColor(load),
        });
        convoys.set(i, 3, {
          frame: atlas.symbol(run?.sidc ?? 'SFGPUSS----E---', SYMBOL_SIZE.mover),
        });
      }
      dirty = true;
    },
    setZoom() {
      dirty = true;
    },
    frame(c) {
      if (vMotion.moving || cMotion.moving) {
        vMotion.step(c.alpha);
        cMotion.step(c.alpha);
        dirty = true;
      }
      if (!dirty) return false;
      dirty = false;
      vessels.layout(vMotion.x, vMotion.y, 1 / c.k);
      convoys.layout(cMotion.x, cMotion.y, 1 / c.k);
      return true;
    },
    pick(x, y, r): Hit | null {
      if (!last) return null;
      const snap = last;
      const a = nearestWithin(cMotion.x, cMotion.y, cMotion.n, x, y, r);
      const b = nearestWithin(vMotion.x, vMotion.y, vMotion.n, x, y, r);
      if (a.index >= 0 && a.d2 <= b.d2) {
        const run = d.supplyRuns[snap.convoys.kind[a.index]!];
        const from = run ? d.bases[run.from]?.name : undefined;
        const to = run ? d.bases[run.to]?.name : undefined;
        return {
          selection: null,
          d2: a.d2,
          priority: 2,
          hover: () => ({
            title: `Supply convoy ${run?.id ?? ''}`,
            lines: [
              `${d.actors[run?.owner ?? -1]?.name ?? '?'} · ${from ?? '?'} → ${to ?? '?'}`,
              `Load ${pct(snap.convoys.load[a.index]!)}`,
            ],
          }),
        };
      }
      if (b.index >= 0) {
        const t = d.traffic[snap.vessels.kind[b.index]!];
        return {
          selection: null,
          d2: b.d2,
          priority: 2.5,
          hover: () => ({ title: t?.name ?? 'Vessel', lines: [t ? t.kind : 'traffic'] }),
        };
      }
      return null;
    },
    destroy() {
      vessels.destroy();
      convoys.destroy();
    },
  };
}
