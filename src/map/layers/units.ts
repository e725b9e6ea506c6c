// Units: one run of particles per unit — bar backing, strength and fuel bars, the milsymbol
// symbol filled in the owner's colour, and an engagement burst — all from the shared atlas. A
// push updates typed targets, bar widths and colours; frames only move particles. Selection is
// a ring.
// At the overview zoom, units of one owner whose symbols would overlap are drawn as one symbol
// with a count chip (unit-groups.ts; the rule and the clustering in ../aggregate.ts): regrouped
// when a push sets new targets, the zoom changes or the selection changes, never per frame.
import { Container, Graphics } from 'pixi.js';
import { TASK, TASK_NAMES } from '../../sim/codes';
import type { WorldDescription } from '../../sim/describe';
import type { Snapshot } from '../../sim/snapshot';
import { PALETTE, parseColor, stockColor } from '../colors';
import { GlyphSet } from '../glyphs';
import { type Hit, nearestWithin, pct } from '../hit-test';
import type { LayerContext, MapLayer } from '../layer';
import { Motion } from '../motion';
import { projectBBox, projX, projY } from '../projection';
import { type AtlasFrame, SYMBOL_SIZE, type SymbolAtlas } from '../symbols';
import type { HoverInfo } from '../types';
import { ALONE, HIDDEN, UnitGroups } from './unit-groups';

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
  /**
   * Where each unit is drawn now, world units: its own displayed position, or its group's
   * symbol when it is aggregated into one (NaN before the first push).
   */
  readonly shownX: Float32Array;
  readonly shownY: Float32Array;
  /** Unit symbols drawn now (see MapStats.unitSymbolsDrawn). */
  drawn(): number;
  /** Count chips drawn now (symbols standing for two units or more). */
  clusters(): number;
}

const bucket = (f: number) => (f < 0.2 ? 0 : f < 0.4 ? 1 : 2);

/**
 * Every unit's particle run and its look: state (0 destroyed, 1 active, 2 engaged, 3 active with
 * strength and fuel unknown to the view — a partner's unit in an actor's picture —, 4 not
 * arrived yet; −1 before the first push), role in the aggregation, and LOD (dots when dense).
 */
class UnitSprites {
  readonly glyphs: GlyphSet;
  /** Per unit: its symbol, filled in the owner's colour (drawn into the cached texture). */
  readonly symbolOf: AtlasFrame[];
  readonly state: Int8Array;
  /** Units are drawn as dots in their owner's colour. */
  dense = false;
  private readonly ownerTint: number[];
  private readonly disc: AtlasFrame;
  private readonly strBucket: Int8Array;
  private readonly fuelBucket: Int8Array;

  constructor(d: WorldDescription, atlas: SymbolAtlas) {
    const n = d.units.length;
    this.glyphs = new GlyphSet(atlas, PER);
    this.glyphs.resize(n);
    this.symbolOf = d.units.map((unit) =>
      atlas.symbol(unit.sidc, SYMBOL_SIZE.unit, d.actors[unit.owner]?.color ?? '#888888'),
    );
    this.ownerTint = d.units.map((unit) => parseColor(d.actors[unit.owner]?.color));
    this.disc = atlas.glyph('disc');
    this.state = new Int8Array(n).fill(-1);
    this.strBucket = new Int8Array(n).fill(-1);
    this.fuelBucket = new Int8Array(n).fill(-1);
    const white = atlas.glyph('white');
    const bar = { frame: white, ax: 0, ay: 0, dx: -BAR_W / 2, w: BAR_W, h: 2, tint: PALETTE.ok };
    for (let u = 0; u < n; u++) {
      const back = { frame: white, ax: 0.5, ay: 0, dy: BAR_Y - 1, w: BAR_W + 2, h: 7 };
      this.glyphs.set(u, BACK, { ...back, tint: 0x111111, alpha: 0.9 });
      this.glyphs.set(u, STR, { ...bar, dy: BAR_Y });
      this.glyphs.set(u, FUEL, { ...bar, dy: BAR_Y + 3 });
      this.glyphs.set(u, SYM, { frame: this.symbolOf[u]!, dy: -1 });
    }
  }

  /** Applies unit u's look for its state, its role (ALONE, GROUPED, HIDDEN) and the LOD. */
  look(u: number, role: number): void {
    const { glyphs } = this;
    const st = this.state[u]! < 0 ? 1 : this.state[u]!;
    const dead = st === 0;
    // st 4: a force flow's unit not yet arrived: in the arrays, not on the map.
    const shown = st === 4 || role === HIDDEN ? 0 : 1;
    if (this.dense)
      glyphs.set(u, SYM, {
        frame: this.disc,
        w: 7,
        h: 7,
        tint: this.ownerTint[u]!,
        alpha: shown * (dead ? 0.3 : 1),
      });
    else glyphs.set(u, SYM, { frame: this.symbolOf[u]!, dy: -1, alpha: shown * (dead ? 0.35 : 1) });
    // A group's symbol shows a count, not one member's strength and fuel.
    const bars = dead || this.dense || st >= 3 || role !== ALONE ? 0 : 1;
    glyphs.particle(u, BACK).alpha = 0.9 * bars;
    glyphs.particle(u, STR).alpha = bars;
    glyphs.particle(u, FUEL).alpha = bars;
  }

  /** Reconciles unit u's state, bars and colour buckets with the snapshot; → its state. */
  reconcile(L: Snapshot['units'], u: number, role: number): number {
    const { glyphs } = this;
    const st = stateOf(L, u);
    if (st !== this.state[u]) {
      this.state[u] = st;
      this.look(u, role);
    }
    const str = L.strength[u]!;
    const fuel = L.fuel[u]!;
    glyphs.setWidth(u, STR, BAR_W * Math.max(0, Math.min(1, str || 0)));
    glyphs.setWidth(u, FUEL, BAR_W * Math.max(0, Math.min(1, fuel || 0)));
    const sb = bucket(str);
    if (sb !== this.strBucket[u]) {
      this.strBucket[u] = sb;
      glyphs.particle(u, STR).tint = sb === 0 ? PALETTE.red : sb === 1 ? PALETTE.amber : 0xffffff;
    }
    const fb = bucket(fuel);
    if (fb !== this.fuelBucket[u]) {
      this.fuelBucket[u] = fb;
      glyphs.particle(u, FUEL).tint = stockColor(fuel);
    }
    return st;
  }
}

/** Engagement bursts: only for engaged units, so the common case costs nothing. */
class Bursts {
  readonly set: GlyphSet;
  private engaged = new Int32Array(16);
  private count = 0;
  private ex = new Float32Array(16);
  private ey = new Float32Array(16);

  constructor(private readonly atlas: SymbolAtlas) {
    this.set = new GlyphSet(atlas, 1);
  }

  /** Starts a push: no unit engaged yet. */
  clear(): void {
    this.count = 0;
  }

  add(u: number): void {
    if (this.count === this.engaged.length) {
      const grown = new Int32Array(this.engaged.length * 2);
      grown.set(this.engaged);
      this.engaged = grown;
      this.ex = new Float32Array(grown.length);
      this.ey = new Float32Array(grown.length);
    }
    this.engaged[this.count++] = u;
  }

  /** Ends a push: one burst per engaged unit (the pool only grows). */
  commit(): void {
    const { set, count } = this;
    if (set.count === count) return;
    const had = set.count;
    set.resize(count);
    const burst = this.atlas.glyph('burst');
    for (let i = had; i < count; i++)
      set.set(i, 0, { frame: burst, dx: 15, dy: -11, w: 13, h: 13, tint: PALETTE.red });
  }

  /** Places the bursts on their units' displayed positions. */
  layout(x: Float32Array, y: Float32Array, ik: number): void {
    for (let i = 0; i < this.count; i++) {
      const u = this.engaged[i]!;
      this.ex[i] = x[u]!;
      this.ey[i] = y[u]!;
    }
    this.set.layout(this.ex, this.ey, ik);
  }
}

/** Unit state for its look from the snapshot (see `UnitSprites`). */
function stateOf(L: Snapshot['units'], u: number): number {
  const str = L.strength[u]!;
  if (L.task[u] === TASK.notArrived) return 4;
  if (L.task[u] === TASK.destroyed || str <= 0) return 0;
  if (L.engaged[u]) return 2;
  return Number.isNaN(str) ? 3 : 1;
}

/** The hover card of a unit drawn on its own. */
function unitCard(d: WorldDescription, last: Snapshot | null, u: number) {
  const unit = d.units[u]!;
  const owner = d.actors[unit.owner]?.name ?? '?';
  const type = d.unitTypes.find((t) => t.id === unit.type)?.name ?? unit.type;
  const L = last?.units;
  const lines = [`${owner} · ${type}`];
  if (L) {
    lines.push(`Task: ${TASK_NAMES[L.task[u]!] ?? L.task[u]}${L.engaged[u] ? ' · engaged' : ''}`);
    // A partner's unit in an actor's picture: the view holds no strength, fuel or supplies.
    lines.push(
      Number.isNaN(L.strength[u]!)
        ? 'Strength, fuel and supplies not known in this picture'
        : `Strength ${pct(L.strength[u]!)} · fuel ${pct(L.fuel[u]!)} · supplies ${pct(L.supplies[u]!)}`,
    );
  }
  return { title: unit.name, lines };
}

/** The hover card of an aggregated symbol: how many, of which types, what a click does. */
function clusterCard(
  d: WorldDescription,
  members: readonly number[],
  rep: number,
): Pick<HoverInfo, 'title' | 'lines'> {
  const owner = d.actors[d.units[rep]!.owner]?.name ?? '?';
  const byType = new Map<string, number>();
  for (const u of members) {
    const unit = d.units[u]!;
    const type = d.unitTypes.find((t) => t.id === unit.type)?.name ?? unit.type;
    byType.set(type, (byType.get(type) ?? 0) + 1);
  }
  const types = [...byType].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lines = types.slice(0, 3).map(([type, k]) => `${k} × ${type}`);
  if (types.length > 3) lines.push(`and ${types.length - 3} more types`);
  lines.push(`Click selects ${d.units[rep]!.name}; zoom in to see each unit`);
  return { title: `${members.length} ${owner} units`, lines };
}

/**
 * Level of detail: when symbols would cover more than about half the scenario box on screen
 * (thousands of units zoomed out), each unit becomes a dot in its owner's colour.
 */
function denseAt(ctx: LayerContext): (k: number) => boolean {
  const box = projectBBox(ctx.proj, ctx.description.bbox);
  const boxArea = Math.max(1e-9, (box[2] - box[0]) * (box[3] - box[1]));
  const n = ctx.description.units.length;
  return (k) => (n * SYMBOL_AREA_PX) / (boxArea * k * k) > 0.5;
}

export function createUnitsLayer(ctx: LayerContext): UnitsLayer {
  const { description: d, atlas } = ctx;
  const n = d.units.length;
  const root = new Container({ label: 'units' });
  const sprites = new UnitSprites(d, atlas);
  const bursts = new Bursts(atlas);
  const groups = new UnitGroups(
    n,
    Int32Array.from(d.units, (unit) => unit.owner),
    sprites.symbolOf,
    (owner) => d.actors[owner]?.color ?? '#888888',
    ctx.resolution,
  );
  const { role, shownX, shownY } = groups;
  const selRing = new Graphics();
  selRing.circle(0, 0, 20).stroke({ width: 3, color: 0xffffff });
  selRing.circle(0, 0, 23).stroke({ width: 1.5, color: 0x000000, alpha: 0.6 });
  selRing.visible = false;
  root.addChild(sprites.glyphs.container, bursts.set.container, groups.container, selRing);
  const isDense = denseAt(ctx);

  const motion = new Motion();
  // Target positions of the last push: groups form where units are going, so a push regroups
  // once, not while they glide.
  const tx = new Float32Array(n);
  const ty = new Float32Array(n);
  let last: Snapshot | null = null;
  let dirty = true;
  let selected = -1;
  const restyle = (u: number) => sprites.look(u, role[u]!);
  const regroup = (c: LayerContext) => {
    const { state, dense } = sprites;
    const g = { m: motion.n, tx, ty, state, selected, dense, scale: unitScale(c) };
    groups.regroup(c, g, restyle);
    dirty = true;
  };
  const pickable = (u: number) => role[u] !== HIDDEN;

  return {
    root,
    motion,
    shownX,
    shownY,
    clusters: () => groups.chips(),
    push(snap, c) {
      const L = snap.units;
      const m = Math.min(n, L.lon.length);
      motion.step(c.alpha);
      motion.begin(m);
      bursts.clear();
      for (let u = 0; u < m; u++) {
        tx[u] = projX(c.proj, L.lon[u]!);
        ty[u] = projY(c.proj, L.lat[u]!);
        motion.target(u, u, tx[u]!, ty[u]!);
        if (sprites.reconcile(L, u, role[u]!) === 2) bursts.add(u);
      }
      motion.end();
      bursts.commit();
      last = snap;
      regroup(c);
    },
    setZoom(c) {
      const dense = isDense(c.k);
      if (dense !== sprites.dense) {
        sprites.dense = dense;
        for (let u = 0; u < n; u++) restyle(u);
      }
      regroup(c);
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
        groups.place(motion.n, motion.x, motion.y, 1 / c.k);
        sprites.glyphs.layout(shownX, shownY, ik);
        bursts.layout(motion.x, motion.y, ik);
      }
      if (selected >= 0 && selected < motion.n) {
        selRing.visible = true;
        selRing.position.set(shownX[selected]!, shownY[selected]! - 1 / c.k);
        selRing.scale.set(1 / c.k);
      } else selRing.visible = false;
      return changed;
    },
    setSelection(c) {
      const next = c.selection?.kind === 'unit' ? c.selection.index : -1;
      if (next === selected) return;
      selected = next;
      // The selected unit leaves its group: its ring, name and orders stay its own.
      regroup(c);
    },
    drawn() {
      let k = 0;
      const { state } = sprites;
      for (let u = 0; u < motion.n; u++)
        if (state[u]! >= 0 && state[u]! < 4 && role[u] !== HIDDEN) k++;
      return k;
    },
    pick(x, y, r): Hit | null {
      const { index, d2 } = nearestWithin(shownX, shownY, motion.n, x, y, r, pickable);
      if (index < 0) return null;
      return {
        selection: { kind: 'unit', index },
        d2,
        priority: 0,
        hover() {
          const members = groups.members(index, motion.n);
          return members ? clusterCard(d, members, index) : unitCard(d, last, index);
        },
      };
    },
    destroy() {
      sprites.glyphs.destroy();
      bursts.set.destroy();
      groups.destroy();
    },
  };
}
