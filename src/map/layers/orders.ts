// Orders: the planned leg of every unit under orders — a dashed line in the owner's colour on a
// pale halo from where the unit is drawn now along the engine's path (or straight to its
// target), a ring at the target — and the zone a patrol order names, tinted and outlined.
// Orders given on this screen that no snapshot carries yet (they take effect with the next
// tick) are drawn the same way, fainter and with shorter dashes, in place of the unit's old leg.
// Descriptors come from the snapshot (order-legs.ts) and the shell (PendingLeg); legs follow the
// units' displayed positions (the units layer's Motion), so they are re-pathed while units
// glide, and re-stroked on zoom for screen-constant widths. Only units under orders cost anything.
import { Container, Graphics } from 'pixi.js';
import { parseColor } from '../colors';
import type { LayerContext, MapLayer } from '../layer';
import { dashedPath, projectLine } from '../lines';
import type { Motion } from '../motion';
import { ORDER_KIND, orderLegs } from '../order-legs';
import { projX, projY } from '../projection';
import type { PendingLeg } from '../types';

/** Screen sizes, CSS px. */
const LEG_W = 2.5;
const LEG_W_SELECTED = 3.5;
const HALO_W = 6;
const RING_R = 7;

/** One leg as drawn: world-unit points ahead of the unit, target, zone, style. */
interface Drawn {
  unit: number;
  kind: number;
  ahead: number[];
  tx: number;
  ty: number;
  zone: number;
  pending: boolean;
}

export interface OrdersLayer extends MapLayer {
  /** Legs of units under orders drawn now (from the snapshot). */
  drawn(): number;
  /** Legs of pending orders drawn now. */
  pendingDrawn(): number;
  setPending(legs: readonly PendingLeg[]): void;
}

export function createOrdersLayer(ctx: LayerContext, units: Motion): OrdersLayer {
  const { description: d, proj } = ctx;
  const root = new Container({ label: 'orders' });
  const zonesG = new Graphics();
  const legsG = new Graphics();
  root.addChild(zonesG, legsG);
  const unitColor = d.units.map((u) => parseColor(d.actors[u.owner]?.color));
  /** Projected zone rings, made when a zone is first patrolled. */
  const zoneRings = new Map<number, number[][]>();
  const ringsOf = (z: number) => {
    let r = zoneRings.get(z);
    if (!r) {
      r = (d.zones[z]?.polygon ?? []).map((ring) => projectLine(proj, ring));
      zoneRings.set(z, r);
    }
    return r;
  };

  let fromSnap: Drawn[] = [];
  let pending: Drawn[] = [];
  /** What is drawn: pending legs replace their unit's snapshot leg. */
  let shown: Drawn[] = [];
  let zonesKey = '';
  let selected = -1;
  let legsDirty = false;
  let zonesDirty = false;
  let wasMoving = false;

  const compose = () => {
    const replaced = new Set(pending.map((p) => p.unit));
    shown = [...fromSnap.filter((l) => !replaced.has(l.unit)), ...pending];
    const key = shown
      .filter((l) => l.zone >= 0)
      .map((l) => `${l.zone}:${l.unit}:${l.pending ? 1 : 0}`)
      .join(',');
    if (key !== zonesKey) {
      zonesKey = key;
      zonesDirty = true;
    }
    legsDirty = true;
  };

  const drawZones = (c: LayerContext) => {
    const ik = 1 / c.k;
    zonesG.clear();
    const done = new Set<number>();
    for (const l of shown) {
      if (l.zone < 0 || done.has(l.zone)) continue;
      done.add(l.zone);
      const color = unitColor[l.unit] ?? 0x888888;
      for (const r of ringsOf(l.zone)) {
        if (r.length < 6) continue;
        zonesG.poly(r, true).fill({ color, alpha: l.pending ? 0.08 : 0.13 });
        zonesG.poly(r, true).stroke({ width: 5 * ik, color: 0xffffff, alpha: 0.6, join: 'round' });
        zonesG
          .poly(r, true)
          .stroke({ width: 2.5 * ik, color, alpha: l.pending ? 0.6 : 0.95, join: 'round' });
      }
    }
  };

  const drawLegs = (c: LayerContext) => {
    const ik = 1 / c.k;
    legsG.clear();
    const lines = shown.map((leg) => {
      const u = leg.unit;
      if (u >= units.n || !leg.ahead.length) return null;
      const x = units.x[u]!;
      const y = units.y[u]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
      return [x, y, ...leg.ahead];
    });
    // Halos first, so no leg's halo covers another's dashes.
    for (const flat of lines) {
      if (!flat) continue;
      legsG.poly(flat, false).stroke({
        width: HALO_W * ik,
        color: 0xffffff,
        alpha: 0.55,
        cap: 'round',
        join: 'round',
      });
    }
    shown.forEach((leg, i) => {
      const color = unitColor[leg.unit] ?? 0x888888;
      const sel = leg.unit === selected;
      const alpha = leg.pending ? 0.7 : sel ? 1 : 0.9;
      const flat = lines[i];
      if (flat) {
        const [dash, gap] = leg.pending ? [4, 5] : [9, 6];
        dashedPath(legsG, flat, dash * ik, gap * ik);
        legsG.stroke({ width: (sel ? LEG_W_SELECTED : LEG_W) * ik, color, alpha, cap: 'round' });
      }
      // A ring at a move's point or a patrol's next waypoint (the base symbol marks a return).
      if (leg.kind !== ORDER_KIND.return && Number.isFinite(leg.tx)) {
        legsG
          .circle(leg.tx, leg.ty, RING_R * ik)
          .stroke({ width: 4.5 * ik, color: 0xffffff, alpha: 0.7 })
          .circle(leg.tx, leg.ty, RING_R * ik)
          .stroke({ width: (sel ? 3 : 2) * ik, color, alpha })
          .circle(leg.tx, leg.ty, 1.8 * ik)
          .fill({ color, alpha });
      }
    });
  };

  const px = (lon: number) => (Number.isFinite(lon) ? projX(proj, lon) : Number.NaN);
  const py = (lat: number) => (Number.isFinite(lat) ? projY(proj, lat) : Number.NaN);

  return {
    root,
    push(snap) {
      fromSnap = orderLegs(snap.units).map((l) => {
        const ahead: number[] = [];
        for (let i = 0; i + 1 < l.ahead.length; i += 2)
          ahead.push(projX(proj, l.ahead[i]!), projY(proj, l.ahead[i + 1]!));
        return {
          unit: l.unit,
          kind: l.kind,
          ahead,
          tx: px(l.targetLon),
          ty: py(l.targetLat),
          zone: l.zone,
          pending: false,
        };
      });
      compose();
    },
    setPending(legs) {
      pending = legs
        .filter((l) => l.unit >= 0 && l.unit < d.units.length)
        .map((l) => {
          const tx = px(l.lon);
          const ty = py(l.lat);
          return {
            unit: l.unit,
            kind: l.kind,
            ahead: Number.isFinite(tx) && Number.isFinite(ty) ? [tx, ty] : [],
            tx,
            ty,
            zone: l.zone,
            pending: true,
          };
        });
      compose();
    },
    setZoom() {
      legsDirty = true;
      zonesDirty = true;
    },
    setSelection(c) {
      const next = c.selection?.kind === 'unit' ? c.selection.index : -1;
      if (next !== selected) {
        selected = next;
        legsDirty = true;
      }
    },
    frame(c) {
      // Legs start where the unit is drawn: follow it while it glides (and its last step).
      if (shown.length && (units.moving || wasMoving)) legsDirty = true;
      wasMoving = units.moving;
      let changed = false;
      if (zonesDirty) {
        zonesDirty = false;
        drawZones(c);
        changed = true;
      }
      if (legsDirty) {
        legsDirty = false;
        drawLegs(c);
        changed = true;
      }
      return changed;
    },
    drawn() {
      return shown.length - pending.length;
    },
    pendingDrawn() {
      return pending.length;
    },
    destroy() {
      zonesG.destroy();
      legsG.destroy();
    },
  };
}
