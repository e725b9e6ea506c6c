// Incidents: attacks, interdictions (engage-end), sovereignty incidents and cross-border
// movements as short expanding rings with a glyph, fading over two seconds of display time.
// Positions come from the event (attack km → lon/lat) or from the unit it names.
import { Container } from 'pixi.js';
import { PALETTE } from '../colors';
import type { EventRefs } from '../event-refs';
import { GlyphSet } from '../glyphs';
import type { LayerContext, MapLayer } from '../layer';
import type { Motion } from '../motion';
import { projX, projY } from '../projection';
import type { GlyphName } from '../symbols';

const PULSE_MS = 2200;
const MAX_PULSES = 200;

interface Style {
  glyph: GlyphName;
  color: number;
}

/** Glyph and colour of an incident event, or null for events that are not incidents. */
export function incidentStyle(e: Record<string, unknown>): Style | null {
  switch (e.k) {
    case 'attack':
      return { glyph: 'burst', color: PALETTE.red };
    case 'engage-end':
      return {
        glyph: 'burst',
        color:
          e.outcome === 'threat-destroyed' || e.outcome === 'threat-withdrew'
            ? 0x38d46a
            : PALETTE.amber,
      };
    case 'sovereignty-incident':
      return { glyph: 'bang', color: 0xd040e0 };
    case 'cross-border':
      return { glyph: 'arrow', color: 0x33c6e8 };
    default:
      return null;
  }
}

export function createIncidentsLayer(ctx: LayerContext, refs: EventRefs, units: Motion): MapLayer {
  const { atlas } = ctx;
  const root = new Container({ label: 'incidents' });
  const set = new GlyphSet(atlas, 2);
  root.addChild(set.container);
  const px: number[] = [];
  const py: number[] = [];
  const at: number[] = [];
  const col: number[] = [];
  const glyph: GlyphName[] = [];
  let xs = new Float32Array(0);
  let ys = new Float32Array(0);
  const ring = atlas.glyph('ring');

  return {
    root,
    push(snap, c) {
      for (const e of snap.events) {
        const st = incidentStyle(e);
        if (!st) continue;
        let x = Number.NaN;
        let y = Number.NaN;
        const u = refs.unit(e.unit);
        if (e.k === 'attack') {
          const ll = refs.lonLat(e.x, e.y);
          if (ll) {
            x = projX(c.proj, ll[0]);
            y = projY(c.proj, ll[1]);
          }
        } else if (u >= 0 && u < units.n) {
          x = units.x[u]!;
          y = units.y[u]!;
        }
        if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
        px.push(x);
        py.push(y);
        at.push(c.now);
        col.push(st.color);
        glyph.push(st.glyph);
      }
      // After a seek many events arrive at once: keep the latest.
      const extra = px.length - MAX_PULSES;
      if (extra > 0) for (const a of [px, py, at, col, glyph]) a.splice(0, extra);
    },
    frame(c) {
      let live = 0;
      for (let i = 0; i < at.length; i++) {
        if (c.now - at[i]! >= PULSE_MS) continue;
        px[live] = px[i]!;
        py[live] = py[i]!;
        at[live] = at[i]!;
        col[live] = col[i]!;
        glyph[live] = glyph[i]!;
        live++;
      }
      px.length = py.length = at.length = col.length = glyph.length = live;
      if (live === 0 && set.count === 0) return false;
      set.resize(live);
      if (xs.length < live) {
        xs = new Float32Array(live * 2);
        ys = new Float32Array(live * 2);
      }
      for (let i = 0; i < live; i++) {
        xs[i] = px[i]!;
        ys[i] = py[i]!;
        const t = (c.now - at[i]!) / PULSE_MS;
        const ringPx = 16 + 54 * Math.sqrt(t);
        set.set(i, 0, { frame: ring, w: ringPx, h: ringPx, tint: col[i]!, alpha: 1 - t });
        set.set(i, 1, {
          frame: atlas.glyph(glyph[i]!),
          w: 22,
          h: 22,
          tint: col[i]!,
          alpha: t < 0.7 ? 1 : (1 - t) / 0.3,
        });
      }
      set.layout(xs, ys, 1 / c.k);
      return true;
    },
    destroy() {
      set.destroy();
    },
  };
}
