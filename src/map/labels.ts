// Text labels: white with a dark halo (legible on pale land and dark sea alike), counter-scaled
// by the layer that owns them. Collisions: label-placement.ts.
import { Text } from 'pixi.js';

export function makeLabel(
  text: string,
  resolution: number,
  size = 12,
  weight: '400' | '600' | '700' = '600',
): Text {
  return new Text({
    text,
    style: {
      fontFamily: 'Arial, Helvetica, sans-serif',
      fontSize: size,
      fontWeight: weight,
      fill: 0xffffff,
      stroke: { color: 0x0e1a24, width: 3.5, join: 'round' },
    },
    resolution,
  });
}
