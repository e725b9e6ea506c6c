// Units: one run of particles per unit — bar backing, strength and fuel bars, the milsymbol
// symbol filled in the owner's colour, and an engagement burst — all from the shared atlas. A
// push updates typed targets, bar widths and colours; frames only move particles. Selection is
// a ring.
import { Container, Graphics } from 'pixi.js';
import { TASK, TASK_NAMES } from '../../sim/codes';
import type { Snapshot } from '../../sim/snapshot';
import { PALETTE, parseColor, stockColor } from '../colors';
import { GlyphSet } from '../glyphs';
import { type Hit, nearestWithin, pct } from '../hit-test';
import type { LayerContext, MapLayer } from '../layer';
import { Motion } from '../motion';
import { projectBBox, projX, projY } from '../projection';
import { SYMBOL_SIZE } from '../symbols';

/** Particle slots per unit: bar backing, strength bar, fuel bar, symbol. */
const BACK = 0;
const STR = 1;
const FUEL = 2;
const SYM = 3;
const PER = 4;

/** Layout in CSS px relative to the unit's position (the symbol's frame centre). */
const BAR_W = 26;
const BAR_Y = 13;
/** Screen area one unit symbol with its bars takes, px². */
const SYMBOL_AREA_PX = 34 * 38;

/**
 * Size of unit symbols relative to full size: 0.85 at the overview zoom (a projector shows the
 * whole theatre, and the room must tell the nations apart from the back), full size one zoom
 * step (2×) in. Bases and threats keep the smaller overview size of `symbolScale`.
 */
export function unitScale(c: Pick<LayerContext, 'k' | 'kFit'>): number {
  const r = Math.max(1e-6, c.k / (c.kFit || c.k));
  return Math.min(1, Math.max(0.85, 0.85 + 0.15 * Math.log2(r)));
}

export interface UnitsLayer extends MapLayer {
  /** Displayed world positions (other layers may follow units, e.g. incidents). */
  motion: Motion;
}

export function createUnitsLayer(ctx: LayerContext): UnitsLayer {
  const { description: d, atlas } = ctx;
  const n = d.units.length;
  const root = new Container({ label: 'units' });
  const glyphs = new GlyphSet(atlas, PER);
  glyphs.resize(n);
  const white = atlas.glyph('white');
  for (let u = 0; u < n; u++) {
    const unit = d.units[u]!;
    // The owner's colour fills the symbol's frame (drawn into the cached texture).
    const sym = atlas.symbol(unit.sidc, SYMBOL_SIZE.unit, d.actors[unit.owner]?.color ?? '#888888');
    glyphs.set(u, BACK, {
      frame: white,
      ax: 0.5,
      ay: 0,
      dy: BAR_Y - 1,
      w: BAR_W + 2,
      h: 7,
      tint: 0x111111,
      alpha: 0.9,
    });
    glyphs.set(u, STR, {
      frame: white,
      ax: 0,
      ay: 0,
      dx: -BAR_W / 2,
      dy: BAR_Y,
      w: BAR_W,
      h: 2,
      tint: PALETTE.ok,
    });
    glyphs.set(u, FUEL, {
      frame: white,
      ax: 0,
      ay: 0,
      dx: -BAR_W / 2,
      dy: BAR_Y + 3,
      w: BAR_W,
      h: 2,
      tint: PALETTE.ok,
    });
    glyphs.set(u, SYM, { frame: sym, dy: -1 });
  }
  const symbolOf = d.units.map((unit) =>
    atlas.symbol(unit.sidc, SYMBOL_SIZE.unit, d.actors[unit.owner]?.color ?? '#888888'),
  );
  const ownerTint = d.units.map((unit) => parseColor(d.actors[unit.owner]?.color));
  const disc = atlas.glyph('disc');
  /**
   * Level of detail: when symbols would cover more than about half the scenario box on
   * screen (thousands of units zoomed out), each unit becomes a dot in its owner's colour.
   */
  const box = projectBBox(ctx.proj, d.bbox);
  const boxArea = Math.max(1e-9, (box[2] - box[0]) * (box[3] - box[1]));
  const isDense = (k: number) => (n * SYMBOL_AREA_PX) / (boxArea * k * k) > 0.5;
  let dense = false;
  /**
   * Applies the unit's look for its state (0 destroyed, 1 active, 2 engaged, 3 active with its
   * strength and fuel unknown to the view: a partner's unit in an actor's picture) and the LOD.
   */
  const look = (u: number, st: number) => {
    const dead = st === 0;
    // st 4: a force flow's unit not yet arrived: in the arrays, not on the map.
    const shown = st === 4 ? 0 : 1;
    if (dense)
      glyphs.set(u, SYM, {
        frame: disc,
        w: 7,
        h: 7,
        tint: ownerTint[u]!,
        alpha: shown * (dead ? 0.3 : 1),
      });
    else glyphs.set(u, SYM, { frame: symbolOf[u]!, dy: -1, alpha: shown * (dead ? 0.35 : 1) });
    const bars = dead || dense || st >= 3 ? 0 : 1;
    glyphs.particle(u, BACK).alpha = 0.9 * bars;
    glyphs.particle(u, STR).alpha = bars;
    glyphs.particle(u, FUEL).alpha = bars;
  };
  // Engagement bursts: only for engaged units, so the common case costs nothing.
  const bursts = new GlyphSet(atlas, 1);
  let engagedIdx = new Int32Array(16);
  let ex = new Float32Array(16);
  let ey = new Float32Array(16);
  root.addChild(glyphs.container, bursts.container);
  const selRing = new Graphics();
  selRing.visible = false;
  root.addChild(selRing);

  const motion = new Motion();
  const strBucket = new Int8Array(n).fill(-1);
  const fuelBucket = new Int8Array(n).fill(-1);
  const state = new Int8Array(n).fill(-1);
  let last: Snapshot | null = null;
  let dirty = true;
  let selected = -1;
  let engagedCount = 0;

  const bucket = (f: number) => (f < 0.2 ? 0 : f < 0.4 ? 1 : 2);
  const drawSelRing = () => {
    selRing.clear();
    selRing.circle(0, 0, 20).stroke({ width: 3, color: 0xffffff });
    selRing.circle(0, 0, 23).stroke({ width: 1.5, color: 0x000000, alpha: 0.6 });
  };
  drawSelRing();

  return {
    root,
    motion,
    push(snap, c) {
      const L = snap.units;
      const m = Math.min(n, L.lon.length);
      motion.step(c.alpha);
      motion.begin(m);
      let nEngaged = 0;
      for (let u = 0; u < m; u++) {
        motion.target(u, u, projX(c.proj, L.lon[u]!), projY(c.proj, L.lat[u]!));
        const str = L.strength[u]!;
        const fuel = L.fuel[u]!;
        const dead = L.task[u] === TASK.destroyed || str <= 0;
        const st =
          L.task[u] === TASK.notArrived
            ? 4
            : dead
              ? 0
              : L.engaged[u]
                ? 2
                : Number.isNaN(str)
                  ? 3
                  : 1;
        if (st !== state[u]) {
          state[u] = st;
          look(u, st);
        }
        if (st === 2) {
          if (nEngaged === engagedIdx.length) {
            const grown = new Int32Array(engagedIdx.length * 2);
            grown.set(engagedIdx);
            engagedIdx = grown;
          }
          engagedIdx[nEngaged++] = u;
        }
        glyphs.setWidth(u, STR, BAR_W * Math.max(0, Math.min(1, str || 0)));
        glyphs.setWidth(u, FUEL, BAR_W * Math.max(0, Math.min(1, fuel || 0)));
        const sb = bucket(str);
        if (sb !== strBucket[u]) {
          strBucket[u] = sb;
          glyphs.particle(u, STR).tint =
            sb === 0 ? PALETTE.red : sb === 1 ? PALETTE.amber : 0xffffff;
        }
        const fb = bucket(fuel);
        if (fb !== fuelBucket[u]) {
          fuelBucket[u] = fb;
          glyphs.particle(u, FUEL).tint = stockColor(fuel);
        }
      }
      motion.end();
      if (bursts.count !== nEngaged) {
        const had = bursts.count;
        bursts.resize(nEngaged);
        const burst = atlas.glyph('burst');
        for (let i = had; i < nEngaged; i++)
          bursts.set(i, 0, { frame: burst, dx: 15, dy: -11, w: 13, h: 13, tint: PALETTE.red });
      }
      if (ex.length < nEngaged) {
        ex = new Float32Array(engagedIdx.length);
        ey = new Float32Array(engagedIdx.length);
      }
      engagedCount = nEngaged;
      last = snap;
      dirty = true;
    },
    setZoom(c) {
      dirty = true;
      const next = isDense(c.k);
      if (next !== dense) {
        dense = next;
        for (let u = 0; u < n; u++) look(u, state[u]! < 0 ? 1 : state[u]!);
      }
    },
    frame(c) {
      if (motion.moving) {
        motion.step(c.alpha);
        dirty = true;
      }
      const changed = dirty;
      if (dirty) {
        dirty = false;
        const ik = unitScale(c) / c.k;
        glyphs.layout(motion.x, motion.y, ik);
        for (let i = 0; i < engagedCount; i++) {
          const u = engagedIdx[i]!;
          ex[i] = motion.x[u]!;
          ey[i] = motion.y[u]!;
        }
        bursts.layout(ex, ey, ik);
      }
      if (selected >= 0 && selected < motion.n) {
        selRing.visible = true;
        selRing.position.set(motion.x[selected]!, motion.y[selected]! - 1 / c.k);
        selRing.scale.set(1 / c.k);
      } else selRing.visible = false;
      return changed;
    },
    setSelection(c) {
      selected = c.selection?.kind === 'unit' ? c.selection.index : -1;
    },
    pick(x, y, r): Hit | null {
      const { index, d2 } = nearestWithin(motion.x, motion.y, motion.n, x, y, r);
      if (index < 0) return null;
      return {
        selection: { kind: 'unit', index },
        d2,
        priority: 0,
        hover() {
          const unit = d.units[index]!;
          const owner = d.actors[unit.owner]?.name ?? '?';
          const type = d.unitTypes.find((t) => t.id === unit.type)?.name ?? unit.type;
          const L = last?.units;
          const lines = [`${owner} · ${type}`];
          if (L) {
            lines.push(
              `Task: ${TASK_NAMES[L.task[index]!] ?? L.task[index]}${L.engaged[index] ? ' · engaged' : ''}`,
            );
            // A partner's unit in an actor's picture: the view holds no strength, fuel or supplies.
            lines.push(
              Number.isNaN(L.strength[index]!)
                ? 'Strength, fuel and supplies not known in this picture'
                : `Strength ${pct(L.strength[index]!)} · fuel ${pct(L.fuel[index]!)} · supplies ${pct(L.supplies[index]!)}`,
            );
          }
          return { title: unit.name, lines };
        },
      };
    },
    destroy() {
      glyphs.destroy();
      bursts.destroy();
    },
  };
}
