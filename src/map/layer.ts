// What every map layer looks like to the view: a long-lived root container plus hooks the view
// calls when something changes. Layers know nothing of each other; shared facts live in the
// context (projection, description, camera scale, view, selection).
import type { Container } from 'pixi.js';
import type { WorldDescription } from '../sim/describe';
import type { Snapshot } from '../sim/snapshot';
import type { Hit } from './hit-test';
import type { LabelCandidate, Obstacle } from './label-placement';
import type { MapProjection } from './projection';
import type { SymbolAtlas } from './symbols';
import type { Selection } from './types';

export interface LayerContext {
  description: WorldDescription;
  proj: MapProjection;
  /** Current camera scale (screen px per world unit); 1/k turns px into world units. */
  k: number;
  /** Camera scale that frames the whole scenario (the overview). */
  kFit: number;
  view: number;
  selection: Selection;
  /** Display time in ms (performance.now at the frame). */
  now: number;
  /** Interpolation fraction between the previous and the latest snapshot, 0..1. */
  alpha: number;
  /** Device pixel ratio used for textures. */
  resolution: number;
  atlas: SymbolAtlas;
}

export interface MapLayer {
  readonly root: Container;
  /** Screen-constant sizes after a zoom change (at most once per frame). */
  setZoom?(ctx: LayerContext): void;
  /** A new snapshot arrived (reconcile descriptors onto long-lived objects). */
  push?(snap: Snapshot, ctx: LayerContext): void;
  /**
   * Every display frame: interpolation and short animations only. Returns true when it
   * changed something on screen (the view renders only then).
   */
  frame?(ctx: LayerContext): boolean;
  /** The viewing actor changed. */
  setView?(ctx: LayerContext): void;
  /** The selection changed. */
  setSelection?(ctx: LayerContext): void;
  /** Labels this layer offers to the view's collision pass (built once, counter-scaled). */
  labels?: readonly LabelCandidate[];
  /** Static marks labels must not cover (base symbols, HQ nodes). */
  obstacles?: readonly Obstacle[];
  /** How many items the layer draws now (for stats and tests). */
  drawn?(): number;
  /** Nearest item to world point (x, y) within r world units, if the layer is pickable. */
  pick?(x: number, y: number, r: number, ctx: LayerContext): Hit | null;
  destroy?(): void;
}

/**
 * Size of unit, base and threat symbols relative to full size: 0.6 at the overview zoom, so a
 * crowded theatre stays readable, growing to full size two zoom steps (4×) in.
 */
export function symbolScale(c: LayerContext): number {
  const r = Math.max(1e-6, c.k / (c.kFit || c.k));
  return Math.min(1, Math.max(0.6, 0.6 + 0.2 * Math.log2(r)));
}
