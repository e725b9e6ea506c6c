// Colour-vision deficiency simulation, so the palette can be checked as about one man in twelve
// sees it. Pure: 0xrrggbb in, 0xrrggbb out.
//
// Machado, G. M., Oliveira, M. M. & Fernandes, L. A. F. (2009), "A Physiologically-based Model
// for Simulation of Color Vision Deficiency", IEEE TVCG 15(6), 1291–1298,
// doi:10.1109/TVCG.2009.113 — the severity 1.0 matrices of the authors' published table
// (the dichromacies). They act on linear RGB, so a colour is decoded from sRGB, multiplied,
// clamped to the gamut and encoded again.

/** A dichromacy: no L cones (protanopia), no M cones (deuteranopia), no S cones (tritanopia). */
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';

type Row = readonly [number, number, number];
type Matrix = readonly [Row, Row, Row];

/** Machado et al. (2009), severity 1.0, rows give linear R', G', B' from linear R, G, B. */
export const MACHADO_2009: Readonly<Record<Deficiency, Matrix>> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

/** sRGB channel 0..255 → linear 0..1 (IEC 61966-2-1). */
export function srgbToLinear(v: number): number {
  const s = v / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/** Linear 0..1 → sRGB channel 0..255, clamped first: the matrices can leave the gamut. */
function encode(v: number): number {
  const l = Math.min(1, Math.max(0, v));
  const s = l <= 0.0031308 ? 12.92 * l : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.round(s * 255);
}

/** 0xrrggbb as the given dichromat sees it (Machado et al. 2009, severity 1.0). */
export function simulateCvd(color: number, deficiency: Deficiency): number {
  const rgb = [
    srgbToLinear((color >> 16) & 255),
    srgbToLinear((color >> 8) & 255),
    srgbToLinear(color & 255),
  ];
  const [r, g, b] = MACHADO_2009[deficiency].map((row) =>
    encode(row[0] * rgb[0]! + row[1] * rgb[1]! + row[2] * rgb[2]!),
  ) as [number, number, number];
  return (r << 16) | (g << 8) | b;
}
