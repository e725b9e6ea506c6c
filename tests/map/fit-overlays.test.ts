// Fit around the shell's overlays: the scenario box is framed in the largest part of the view
// no overlay covers, so a key along the bottom or a banner at the top never hides a unit.
import { describe, expect, it } from 'vitest';
import {
  fitCamera,
  type ScreenBox,
  toScreenX,
  toScreenY,
  uncoveredArea,
} from '../../src/map/camera';

const W = 880;
const H = 576;
const banner: ScreenBox = [8, 8, 683, 48];
const dock: ScreenBox = [8, 56, 278, 92];
const zoom: ScreenBox = [826, 10, 870, 130];
const strip: ScreenBox = [0, 423, 880, 576];
const column: ScreenBox = [8, 100, 278, 568];

const overlaps = (a: ScreenBox, b: ScreenBox) =>
  a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** The box a world rect takes on screen under the camera fitted into the area. */
function framed(rect: [number, number, number, number], area: ScreenBox): ScreenBox {
  const cam = fitCamera(rect, W, H, 24, area);
  return [
    toScreenX(cam, rect[0]),
    toScreenY(cam, rect[1]),
    toScreenX(cam, rect[2]),
    toScreenY(cam, rect[3]),
  ];
}

describe('uncoveredArea', () => {
  it('is the whole view without overlays', () => {
    expect(uncoveredArea(W, H, [], 1.5)).toEqual([0, 0, W, H]);
  });

  it('a wide scenario goes above a key along the bottom and below the banner', () => {
    const area = uncoveredArea(W, H, [banner, dock, zoom, strip], 1.94);
    for (const o of [banner, dock, zoom, strip]) expect(overlaps(area, o)).toBe(false);
    expect(area[3]).toBe(423);
    const box = framed([-1940, -500, 1940, 500], area);
    for (const o of [banner, dock, zoom, strip]) expect(overlaps(box, o)).toBe(false);
  });

  it('a tall scenario goes beside a key up the left side', () => {
    const area = uncoveredArea(W, H, [banner, dock, zoom, column], 1.05);
    expect(area[0]).toBe(278);
    const box = framed([0, 0, 1050, 1000], area);
    for (const o of [banner, dock, zoom, column]) expect(overlaps(box, o)).toBe(false);
    // Bigger than giving up the top 100 px to the key's column instead.
    expect(box[3] - box[1]).toBeGreaterThan(H - 2 * 24 - 100);
  });

  it('ignores overlays outside the view and survives one that covers it all', () => {
    expect(uncoveredArea(W, H, [[-50, -50, -10, -10]], 1)).toEqual([0, 0, W, H]);
    expect(uncoveredArea(W, H, [[0, 0, W, H]], 1)).toEqual([0, 0, W, H]);
  });

  it('merges overlays beyond seven into one box (the search stays small)', () => {
    const many: ScreenBox[] = Array.from({ length: 12 }, (_, i) => [i * 10, 500, i * 10 + 8, 520]);
    const area = uncoveredArea(W, H, many, 2);
    for (const o of many) expect(overlaps(area, o)).toBe(false);
  });
});
