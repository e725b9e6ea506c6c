// Load-time masks from Natural Earth TopoJSON: land owner, territorial sea owner, path-finder
// passability codes per domain, distance to the nearest land border, and zone membership bits.

import { labelRegions } from './components';
import type { LonLatRings } from './country-shapes';
import { forEachCountryPolygon } from './country-shapes';
import { nearestSource } from './distance-transform';
import type { Projection } from './projection';
import { makeProjection, toX, toY } from './projection';
import type { GridSpec } from './raster';
import { makeGridSpec, rasterizeRings } from './raster';

export { snapToDomain } from './snap';

/** Land or territorial sea of a country that is not in `countryIsos`. */
export const CODE_OTHER = 255;
/** seaCode value on land cells. */
export const CODE_LAND = 254;
/** Kilometres per nautical mile. */
export const KM_PER_NM = 1.852;

export interface GeoMasks {
  spec: GridSpec;
  proj: Projection;
  /** Land owner per cell: 0 = sea, k = country countryIsos[k-1]. 255 = land of a country not listed. */
  land: Uint8Array;
  /**
   * Territorial sea owner per cell: 0 = international waters or land, k = country k (same
   * numbering), 255 = territorial sea of a country not listed. Sea cells within territorialSeaNm
   * of land (centre distance minus half a cell), owner = nearest land's country (median line).
   */
  sea: Uint8Array;
  /** Ground passability codes: the same array as `land` (0 = sea, never passable on the ground). */
  groundCode: Uint8Array;
  /** Sea passability codes: 254 on land, 0 on high seas, k in territorial sea of k (255 other). */
  seaCode: Uint8Array;
  /**
   * Distance in km from each cell to the nearest land border between two different countries
   * (distance to the nearest border cell's centre plus half a cell; Infinity when none).
   */
  borderKm: Float32Array;
  /**
   * The nearest border's two passability codes as a*256 + b (a ≤ b); 0 when none. Tells which
   * seam a place lies on, so pursuit cover can be judged per border, not per country.
   */
  borderPair: Uint16Array;
  /** Connected regions: bodies of water (sea cells) and landmasses (land cells); 0 none. */
  seaRegion: Int32Array;
  landRegion: Int32Array;
  /** Bit z set when the cell is inside zone z (at most 32 zones). */
  zones: Uint32Array;
}

export interface MaskInput {
  /** [west, south, east, north] degrees. */
  bbox: [number, number, number, number];
  cellKm: number;
  territorialSeaNm: number;
  /** ISO 3166-1 numeric ids; index i gets code i + 1 (at most 253 countries). */
  countryIsos: string[];
  /** lon/lat rings of one polygon each (outer + holes, even-odd). */
  zones: Array<{ polygon: Array<Array<[number, number]>> }>;
}

/** Extra margin (km) rasterised around the box so coasts and borders just outside it count. */
const MIN_PAD_KM = 60;

function ringsToKm(
  proj: Projection,
  rings: LonLatRings,
  offsetKm: number,
): Array<Array<[number, number]>> {
  return rings.map((ring) =>
    ring.map((p): [number, number] => [toX(proj, p[0]) + offsetKm, toY(proj, p[1]) + offsetKm]),
  );
}

// Building the masks is the costliest part of loading a scenario (rasterised borders, distance
// transforms): a session reopened, replayed or branched on the same geography reuses them. Masks
// are never written after they are built, so sharing them between sessions is safe.
const MEMO_PER_TOPOLOGY = 4;
const memo = new WeakMap<object, Map<string, GeoMasks>>();

/** buildMasks, remembered per topology object and input (a few geographies at a time). */
export function buildMasksShared(topology: unknown, input: MaskInput): GeoMasks {
  if (typeof topology !== 'object' || topology === null) return buildMasks(topology, input);
  let byInput = memo.get(topology);
  if (!byInput) {
    byInput = new Map();
    memo.set(topology, byInput);
  }
  const key = JSON.stringify(input);
  const hit = byInput.get(key);
  if (hit) return hit;
  const masks = buildMasks(topology, input);
  if (byInput.size >= MEMO_PER_TOPOLOGY) byInput.delete(byInput.keys().next().value as string);
  byInput.set(key, masks);
  return masks;
}

/**
 * The masks remembered for a topology, as (input key, masks) pairs: plain data a thread can
 * send to another (structured clone keeps them equal bit for bit), which adopts them with
 * adoptMasks instead of building them again.
 */
export function rememberedMasks(topology: object): Array<[string, GeoMasks]> {
  return [...(memo.get(topology) ?? [])];
}

/** Takes masks built elsewhere (rememberedMasks) as if this thread had built them. */
export function adoptMasks(topology: object, entries: ReadonlyArray<[string, GeoMasks]>): void {
  let byInput = memo.get(topology);
  if (!byInput) {
    byInput = new Map();
    memo.set(topology, byInput);
  }
  for (const [key, masks] of entries) {
    if (byInput.has(key)) continue;
    if (byInput.size >= MEMO_PER_TOPOLOGY) byInput.delete(byInput.keys().next().value as string);
    byInput.set(key, masks);
  }
}

export function buildMasks(topology: unknown, input: MaskInput): GeoMasks {
  const { cellKm, countryIsos } = input;
  if (countryIsos.length > 253) throw new Error('at most 253 countries can be coded');
  if (input.zones.length > 32) throw new Error('at most 32 zones');
  const proj = makeProjection(input.bbox);
  const spec = makeGridSpec(proj, cellKm);
  const { cols, rows } = spec;
  const tsKm = input.territorialSeaNm * KM_PER_NM;

  // Padded working grid: `pad` cells on every side of the output grid.
  const pad = Math.ceil(Math.max(tsKm, MIN_PAD_KM) / cellKm) + 2;
  const padKm = pad * cellKm;
  const pcols = cols + 2 * pad;
  const prows = rows + 2 * pad;
  const pspec: GridSpec = { cols: pcols, rows: prows, cellKm };
  const padBox = [
    proj.west - padKm / proj.kx,
    proj.south - padKm / proj.ky,
    proj.east + padKm / proj.kx,
    proj.north + padKm / proj.ky,
  ] as const;

  // Land owner on the padded grid: internal country number + 1 (0 = sea).
  const codeOfIso = new Map<string, number>();
  countryIsos.forEach((iso, i) => {
    codeOfIso.set(iso, i + 1);
  });
  const keyIndex = new Map<string, number>();
  const keyCode: number[] = [0];
  const owner = new Uint16Array(pcols * prows);
  forEachCountryPolygon(topology, padBox, (key, rings) => {
    let k = keyIndex.get(key);
    if (k === undefined) {
      k = keyCode.length;
      keyIndex.set(key, k);
      keyCode.push(codeOfIso.get(key) ?? CODE_OTHER);
    }
    const kk = k;
    const listed = keyCode[kk] !== CODE_OTHER;
    // Where polygons overlap (disputed areas), a listed country wins, else the first one drawn.
    rasterizeRings(pspec, ringsToKm(proj, rings, padKm), (cell) => {
      const cur = owner[cell]!;
      if (cur === 0 || (listed && keyCode[cur] === CODE_OTHER)) owner[cell] = kk;
    });
  });

  // Territorial sea: nearest land cell, its country, within tsKm of the coast.
  const toLand = nearestSource(pcols, prows, (i) => owner[i] !== 0);
  // Border cells: land with a 4-neighbour land cell of another country.
  const isBorder = (i: number): boolean => {
    const o = owner[i]!;
    if (o === 0) return false;
    const c = i % pcols;
    const r = (i - c) / pcols;
    if (c > 0 && owner[i - 1] !== 0 && owner[i - 1] !== o) return true;
    if (c + 1 < pcols && owner[i + 1] !== 0 && owner[i + 1] !== o) return true;
    if (r > 0 && owner[i - pcols] !== 0 && owner[i - pcols] !== o) return true;
    return r + 1 < prows && owner[i + pcols] !== 0 && owner[i + pcols] !== o;
  };
  const toBorder = nearestSource(pcols, prows, isBorder);

  const n = cols * rows;
  const land = new Uint8Array(n);
  const sea = new Uint8Array(n);
  const seaCode = new Uint8Array(n);
  const borderKm = new Float32Array(n);
  const borderPair = new Uint16Array(n);
  const pairAt = (b: number): number => {
    const o = owner[b]!;
    const c = b % pcols;
    for (const nb of [b - 1, b + 1, b - pcols, b + pcols]) {
      if (nb < 0 || nb >= owner.length || Math.abs((nb % pcols) - c) > 1) continue;
      const q = owner[nb]!;
      if (q === 0 || q === o) continue;
      const x = keyCode[o]!;
      const y = keyCode[q]!;
      return Math.min(x, y) * 256 + Math.max(x, y);
    }
    return 0;
  };
  const tsCells = tsKm / cellKm + 0.5;
  const tsCells2 = tsCells * tsCells;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const p = (r + pad) * pcols + c + pad;
      const o = owner[p]!;
      if (o !== 0) {
        land[i] = keyCode[o]!;
        seaCode[i] = CODE_LAND;
      } else {
        const s = toLand.source[p]!;
        if (s >= 0 && tsKm > 0 && toLand.dist2[p]! <= tsCells2) {
          const code = keyCode[owner[s]!]!;
          sea[i] = code;
          seaCode[i] = code;
        }
      }
      borderKm[i] =
        toBorder.source[p]! < 0
          ? Number.POSITIVE_INFINITY
          : (Math.sqrt(toBorder.dist2[p]!) + 0.5) * cellKm;
      if (toBorder.source[p]! >= 0) borderPair[i] = pairAt(toBorder.source[p]!);
    }
  }

  const zones = new Uint32Array(n);
  input.zones.forEach((zone, z) => {
    const bit = (1 << z) >>> 0;
    rasterizeRings(spec, ringsToKm(proj, zone.polygon, 0), (cell) => {
      zones[cell] = (zones[cell]! | bit) >>> 0;
    });
  });

  const seaRegion = labelRegions(cols, rows, (i) => seaCode[i] !== CODE_LAND);
  const landRegion = labelRegions(cols, rows, (i) => land[i] !== 0);
  return {
    spec,
    proj,
    land,
    sea,
    groundCode: land,
    seaCode,
    borderKm,
    borderPair,
    seaRegion,
    landRegion,
    zones,
  };
}
