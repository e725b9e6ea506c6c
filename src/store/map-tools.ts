// The map tools' state: where the pointer is over the map (the cursor readout), the ground
// scale at the view's centre (the scale bar), the measuring tool's path, and whether the
// keyboard help is open. A small framework-free store (zustand vanilla) beside the session's:
// the pointer changes every frame the mouse moves, which the session store need not hear of.
// The measuring tool's rules are pure functions of its state (what a click, Enter, Shift+Enter
// or Backspace does); the browser glue is src/ui/map-tools/measure-actions.ts.
import { createStore } from 'zustand/vanilla';
import type { PointerAt, ViewScale } from '../map/types';
import type { LonLat } from '../sim/describe';

export interface MeasureState {
  /** The tool is on: clicks on the map add points instead of selecting. */
  on: boolean;
  points: LonLat[];
  /** The path goes back to its first point (an area). */
  closed: boolean;
  /** The path is finished (double-click, Enter, closed): the next click starts another. */
  ended: boolean;
  /** The pointer while the path is being built (the dashed leg to it), or null. */
  cursor: LonLat | null;
}

export interface MapToolsState {
  pointer: PointerAt | null;
  scale: ViewScale | null;
  /** Bumped at each camera change: marks that follow a map point place themselves again. */
  cameraSeq: number;
  /** Bumped when a map is made (the measuring tool gives it the path and arms it again). */
  mapSeq: number;
  measure: MeasureState;
  helpOpen: boolean;
}

export const MEASURE_OFF: MeasureState = {
  on: false,
  points: [],
  closed: false,
  ended: false,
  cursor: null,
};

// ——— the measuring tool's rules ———

/** Where a click fell relative to the path's ends (within a few px on screen). */
export interface ClickNear {
  first: boolean;
  last: boolean;
}

/**
 * A click at p: on a finished path, starts a new one (but not on its last point: a click too
 * many in a double-click); on the first point of a path of three points or more, closes it; on
 * the last point (the second click of a double-click), ends it; elsewhere, adds a point.
 */
export function measureClick(m: MeasureState, p: LonLat, near: ClickNear): MeasureState {
  if (m.ended) return near.last ? m : { ...m, points: [p], closed: false, ended: false };
  const n = m.points.length;
  if (n >= 3 && near.first) return { ...m, closed: true, ended: true, cursor: null };
  if (n >= 1 && near.last) return n >= 2 ? { ...m, ended: true, cursor: null } : m;
  return { ...m, points: [...m.points, p] };
}

/** Enter: ends a path of two points or more. */
export function measureEnd(m: MeasureState): MeasureState {
  return !m.ended && m.points.length >= 2 ? { ...m, ended: true, cursor: null } : m;
}

/** Shift+Enter: closes a path of three points or more (and ends it). */
export function measureClose(m: MeasureState): MeasureState {
  return !m.closed && m.points.length >= 3 ? { ...m, closed: true, ended: true, cursor: null } : m;
}

/** Backspace: takes back the last point (and opens a closed or finished path again). */
export function measureUndo(m: MeasureState): MeasureState {
  if (!m.points.length) return m;
  if (m.closed) return { ...m, closed: false, ended: false };
  return { ...m, points: m.points.slice(0, -1), ended: false };
}

// ——— the store ———

export const mapToolsStore = createStore<MapToolsState>()(() => ({
  pointer: null,
  scale: null,
  cameraSeq: 0,
  mapSeq: 0,
  measure: MEASURE_OFF,
  helpOpen: false,
}));

export const getMapTools = (): MapToolsState => mapToolsStore.getState();

export function setPointer(pointer: PointerAt | null): void {
  if (pointer || getMapTools().pointer) mapToolsStore.setState({ pointer });
}

export function setScale(scale: ViewScale): void {
  mapToolsStore.setState((s) => ({ scale, cameraSeq: s.cameraSeq + 1 }));
}

/** A new map: it has no pointer over it yet, and needs the measure path. */
export function mapCreated(): void {
  mapToolsStore.setState((s) => ({ mapSeq: s.mapSeq + 1, pointer: null }));
}

export function setMeasure(measure: MeasureState): void {
  if (measure !== getMapTools().measure) mapToolsStore.setState({ measure });
}

export function setHelpOpen(helpOpen: boolean): void {
  mapToolsStore.setState({ helpOpen });
}
