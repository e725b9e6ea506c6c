// The units layer's aggregation at the overview zoom: which units are drawn on their own, which
// stand for a group (drawn at the members' mean position with a count chip) and which are hidden
// in one. Regrouped on push (on the targets), zoom and selection by the layer; `place` runs in
// frames and only moves things (no allocation). The rule and the clustering: ../aggregate.ts.
import { aggregates, CLUSTER_RADIUS_PX, UnitClusters } from '../aggregate';
import type { LayerContext } from '../layer';
import type { AtlasFrame } from '../symbols';
import { UnitBadges } from './unit-badges';

/** How a unit is drawn at this zoom: on its own, for its group (with a count), or not. */
export const ALONE = 0;
export const GROUPED = 1;
export const HIDDEN = 2;

/** Unit states (see units.ts `stateOf`) that may join a group: active, known or not. */
const isGroupable = (st: number) => st === 1 || st === 3;

export interface GroupInputs {
  /** Units in the latest snapshot. */
  m: number;
  /** Their target world positions (where the last push sends them). */
  tx: Float32Array;
  ty: Float32Array;
  /** Their states (units.ts `stateOf`), −1 before the first push. */
  state: Int8Array;
  /** The selected unit (it stays on its own), or −1. */
  selected: number;
  /** Units are drawn as dots (thousands of them): no groups. */
  dense: boolean;
  /** Unit symbol size relative to full (units.ts `unitScale`). */
  scale: number;
}

export class UnitGroups {
  /** Per unit: ALONE, GROUPED or HIDDEN. */
  readonly role: Int8Array;
  /** Where each unit is drawn (world units): its own position, or its group's symbol. */
  readonly shownX: Float32Array;
  readonly shownY: Float32Array;
  private readonly clusters = new UnitClusters();
  private readonly badges: UnitBadges;
  private readonly groupable: Uint8Array;
  /** Per cluster: its chip, or −1 for a unit alone. */
  private readonly badgeOf: Int32Array;
  private readonly sumX: Float64Array;
  private readonly sumY: Float64Array;
  private grouped = false;

  constructor(
    private readonly n: number,
    private readonly ownerOf: Int32Array,
    /** Per unit: its symbol (the chip sits under the frame). */
    private readonly symbolOf: readonly AtlasFrame[],
    /** Per owner: '#rrggbb'. */
    private readonly colorOf: (owner: number) => string,
    resolution: number,
  ) {
    this.role = new Int8Array(n);
    this.shownX = new Float32Array(n).fill(Number.NaN);
    this.shownY = new Float32Array(n).fill(Number.NaN);
    this.groupable = new Uint8Array(n);
    this.badgeOf = new Int32Array(n).fill(-1);
    this.sumX = new Float64Array(n);
    this.sumY = new Float64Array(n);
    this.badges = new UnitBadges(resolution);
  }

  /** The count chips' container (above the unit symbols). */
  get container() {
    return this.badges.container;
  }

  /** Count chips drawn now (symbols standing for two units or more). */
  chips(): number {
    return this.badges.count;
  }

  /**
   * Regroups for camera scale c.k: one owner's alive units (not engaged, not selected) closer
   * than one symbol on screen share one symbol. Calls `restyle(u)` for each unit whose role
   * changed (its symbol, bars shown or hidden).
   */
  regroup(c: LayerContext, g: GroupInputs, restyle: (u: number) => void): void {
    const { clusters, role } = this;
    this.grouped = aggregates(c.k, c.kFit, g.dense);
    if (this.grouped) {
      for (let u = 0; u < g.m; u++)
        this.groupable[u] = isGroupable(g.state[u]!) && u !== g.selected ? 1 : 0;
      // The merge distance grows with the symbols, in world units at this zoom.
      const radius = (CLUSTER_RADIUS_PX * g.scale) / 0.85 / c.k;
      clusters.run(g.m, g.tx, g.ty, this.ownerOf, this.groupable, radius);
    }
    for (let u = 0; u < this.n; u++) {
      const cl = this.grouped && u < g.m ? clusters.clusterOf[u]! : -1;
      const r =
        cl < 0 || clusters.size[cl]! < 2 ? ALONE : clusters.rep[cl] === u ? GROUPED : HIDDEN;
      if (r === role[u]) continue;
      role[u] = r;
      restyle(u);
    }
    let chips = 0;
    for (let cl = 0; this.grouped && cl < clusters.count; cl++) {
      this.badgeOf[cl] = -1;
      if (clusters.size[cl]! < 2) continue;
      const rep = clusters.rep[cl]!;
      const f = this.symbolOf[rep]!;
      // In the bars' place, over the frame's bottom edge: a group keeps a lone unit's footprint
      // (its neighbours stay clear) and the echelon marks above the frame stay readable.
      const dy = (1 - f.ay) * f.h * g.scale + 2;
      this.badges.set(chips, clusters.size[cl]!, this.colorOf(this.ownerOf[rep]!), 0, dy);
      this.badgeOf[cl] = chips++;
    }
    this.badges.use(chips);
  }

  /**
   * Where each of the m units is drawn now, from the displayed positions x, y: a group at its
   * members' mean, its chip with it (counter-scaled by ik = 1 / camera scale).
   */
  place(m: number, x: Float32Array, y: Float32Array, ik: number): void {
    const { clusters, role, sumX, sumY, shownX, shownY } = this;
    if (this.grouped) {
      sumX.fill(0, 0, clusters.count);
      sumY.fill(0, 0, clusters.count);
      for (let u = 0; u < m; u++) {
        if (role[u] === ALONE) continue;
        const cl = clusters.clusterOf[u]!;
        sumX[cl]! += x[u]!;
        sumY[cl]! += y[u]!;
      }
    }
    for (let u = 0; u < m; u++) {
      if (role[u] === ALONE) {
        shownX[u] = x[u]!;
        shownY[u] = y[u]!;
        continue;
      }
      const cl = clusters.clusterOf[u]!;
      const size = clusters.size[cl]!;
      shownX[u] = sumX[cl]! / size;
      shownY[u] = sumY[cl]! / size;
      const chip = this.badgeOf[cl]!;
      if (role[u] === GROUPED && chip >= 0) this.badges.place(chip, shownX[u]!, shownY[u]!, ik);
    }
  }

  /** The units a group's symbol stands for (u drawn for its group), else null. */
  members(u: number, m: number): number[] | null {
    if (this.role[u] !== GROUPED) return null;
    const cl = this.clusters.clusterOf[u]!;
    const out: number[] = [];
    for (let v = 0; v < m; v++) if (this.clusters.clusterOf[v] === cl) out.push(v);
    return out;
  }

  destroy(): void {
    this.badges.destroy();
  }
}
