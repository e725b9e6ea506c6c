// The measuring tool's rules (src/store/map-tools.ts): what a click, a double-click, Enter,
// Shift+Enter and Backspace do to the path.
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../../src/sim/describe';
import {
  MEASURE_OFF,
  type MeasureState,
  measureClick,
  measureClose,
  measureEnd,
  measureUndo,
} from '../../src/store/map-tools';

const A: LonLat = [2.1098, 13.5116];
const B: LonLat = [-8.0029, 12.6392];
const C: LonLat = [-3, 17];
const far = { first: false, last: false };
const onLast = { first: false, last: true };
const onFirst = { first: true, last: false };
const on: MeasureState = { ...MEASURE_OFF, on: true };

const clicks = (...pts: LonLat[]) => pts.reduce((m, p) => measureClick(m, p, far), on);

describe('measuring', () => {
  it('adds a point per click; a double-click on the last point ends the path', () => {
    let m = clicks(A, B);
    expect(m.points).toEqual([A, B]);
    expect(m.ended).toBe(false);
    m = measureClick(m, B, onLast); // the second click of the double-click
    expect(m.ended).toBe(true);
    expect(m.points).toEqual([A, B]);
    // A click too many on the same point leaves the finished path alone.
    expect(measureClick(m, B, onLast)).toBe(m);
    // Elsewhere, a new path starts.
    const next = measureClick(m, C, far);
    expect(next.points).toEqual([C]);
    expect(next.ended).toBe(false);
    expect(next.closed).toBe(false);
  });

  it('a double-click on a lone first point does not end an empty measurement', () => {
    const m = clicks(A);
    expect(measureClick(m, A, { first: true, last: true })).toBe(m);
  });

  it('closes on the first point (three points or more), or with Shift+Enter', () => {
    const m = clicks(A, B, C);
    const closed = measureClick(m, A, onFirst);
    expect(closed.closed).toBe(true);
    expect(closed.ended).toBe(true);
    expect(closed.points).toEqual([A, B, C]);
    expect(measureClose(m)).toEqual(closed);
    // Two points make no area: Shift+Enter does nothing, a click on the first point adds it.
    const two = clicks(A, B);
    expect(measureClose(two)).toBe(two);
    expect(measureClick(two, A, onFirst).points).toEqual([A, B, A]);
  });

  it('Enter ends a path of two points or more', () => {
    expect(measureEnd(clicks(A)).ended).toBe(false);
    const m = measureEnd(clicks(A, B));
    expect(m.ended).toBe(true);
    expect(m.cursor).toBeNull();
  });

  it('Backspace takes back the last point, or opens a closed path', () => {
    const m = clicks(A, B, C);
    expect(measureUndo(m).points).toEqual([A, B]);
    const closed = measureClose(m);
    const opened = measureUndo(closed);
    expect(opened.closed).toBe(false);
    expect(opened.ended).toBe(false);
    expect(opened.points).toEqual([A, B, C]);
    expect(measureUndo(measureEnd(clicks(A, B))).ended).toBe(false);
    expect(measureUndo(on)).toBe(on);
  });
});
