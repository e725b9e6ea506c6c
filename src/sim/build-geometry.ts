// Where things are, at load: zones from the raster, routes (lanes checked to lie at sea), bases
// snapped onto land and their berths onto sea, places, cell codes and land borders. A scenario
// that does not fit the map at its resolution fails here with a ScenarioGeoError.
import type { BuildContext } from './build-context';
import { CODE_LAND, CODE_OTHER, type GeoMasks } from './geo/masks';
import { makePolyline, pointAlong } from './geo/polyline';
import { cellCenterX, cellCenterY, cellOf } from './geo/raster';
import { snapToDomain } from './geo/snap';
import type { Def, Polyline, ZoneDef } from './world';

export class ScenarioGeoError extends Error {}

export type CodeParts = Pick<Def, 'airCode' | 'codeToActor'>;
export type BaseParts = Pick<
  Def,
  | 'nBases'
  | 'baseIds'
  | 'bX'
  | 'bY'
  | 'bBerthX'
  | 'bBerthY'
  | 'bOwner'
  | 'bCapFuel'
  | 'bCapSup'
  | 'bInFuel'
  | 'bInSup'
  | 'bUsers'
>;
export type PlaceParts = Pick<
  Def,
  'nPlaces' | 'placeIds' | 'pX' | 'pY' | 'pKind' | 'pPop' | 'pDelay' | 'pReportP' | 'pCountry'
>;

/** Codes ships may use: anything but land. */
function seaCodes(): Uint8Array {
  const seaOk = new Uint8Array(256).fill(1);
  seaOk[CODE_LAND] = 0;
  return seaOk;
}

/** The actor owning each country code, and one code per cell for aircraft (land, else sea). */
export function buildCodes(ctx: BuildContext): CodeParts {
  const { masks } = ctx;
  const codeToActor = new Int16Array(256).fill(-1);
  ctx.sc.geography.countries.forEach((c, i) => {
    codeToActor[i + 1] = ctx.actorOf(c.actor);
  });
  const airCode = new Uint8Array(masks.land.length);
  for (let i = 0; i < airCode.length; i++)
    airCode[i] = masks.land[i]! !== 0 ? masks.land[i]! : masks.sea[i]!;
  return { airCode, codeToActor };
}

/** Each zone's cells, from the raster's zone bits (counted first, then filled). */
function zoneCellLists(masks: GeoMasks, nZones: number): Int32Array[] {
  const zoneCounts = new Int32Array(nZones);
  for (let c = 0; c < masks.zones.length; c++) {
    let bits = masks.zones[c]!;
    while (bits) {
      const z = 31 - Math.clz32(bits);
      zoneCounts[z]!++;
      bits &= ~(1 << z);
    }
  }
  const zoneCells = Array.from({ length: nZones }, (_, z) => new Int32Array(zoneCounts[z]!));
  const fill = new Int32Array(nZones);
  for (let c = 0; c < masks.zones.length; c++) {
    let bits = masks.zones[c]!;
    while (bits) {
      const z = 31 - Math.clz32(bits);
      zoneCells[z]![fill[z]!++] = c;
      bits &= ~(1 << z);
    }
  }
  return zoneCells;
}

/** Zones: cell lists and centroids from the raster; a zone covering no cell is an error. */
export function buildZones(ctx: BuildContext): ZoneDef[] {
  const { sc, masks } = ctx;
  const { spec } = masks;
  const zoneCells = zoneCellLists(masks, sc.zones.length);
  return sc.zones.map((z, i) => {
    const cells = zoneCells[i]!;
    let sx = 0;
    let sy = 0;
    for (const c of cells) {
      sx += cellCenterX(spec, c);
      sy += cellCenterY(spec, c);
    }
    const n = Math.max(1, cells.length);
    if (!cells.length)
      throw new ScenarioGeoError(`zones[${i}].polygon: covers no grid cell inside geography.bbox`);
    return {
      id: z.id,
      kind: z.kind,
      owner: z.owner ? ctx.actorOf(z.owner) : -1,
      cells,
      cx: sx / n,
      cy: sy / n,
    };
  });
}

/** Routes as km polylines; every lane is checked to lie at sea. */
export function buildRoutes(ctx: BuildContext): Polyline[] {
  const { sc, xOf, yOf } = ctx;
  const routes = sc.routes.map((r) =>
    makePolyline(
      r.id,
      r.kind,
      r.coordinates.flatMap(([lo, la]) => [xOf(lo), yOf(la)]),
    ),
  );
  checkLanesAtSea(ctx, routes);
  return routes;
}

// Ships must be able to follow lanes: every lane must lie at sea at this resolution.
function checkLanesAtSea(ctx: BuildContext, routes: Polyline[]): void {
  const { sc, masks } = ctx;
  const { proj, spec } = masks;
  sc.routes.forEach((r, i) => {
    if (r.kind !== 'lane') return;
    const p = routes[i]!;
    for (let d = 0; d <= p.length; d += spec.cellKm / 2) {
      const pt = { x: 0, y: 0 };
      pointAlong(p, d, pt);
      const c = cellOf(spec, pt.x, pt.y);
      if (c >= 0 && masks.seaCode[c] === CODE_LAND) {
        const lon = (pt.x / proj.kx + proj.west).toFixed(3);
        const lat = (pt.y / proj.ky + proj.south).toFixed(3);
        throw new ScenarioGeoError(
          `routes[${i}].coordinates: lane "${r.id}" crosses land near [${lon}, ${lat}] at ${sc.geography.cellKm} km resolution; allowed: lanes entirely at sea`,
        );
      }
    }
  });
}

/** Bases: snap land bases onto their owner's land, berths onto sea; capacities and users. */
export function buildBases(ctx: BuildContext): BaseParts {
  const { sc, masks, xOf, yOf, actorOf } = ctx;
  const nActors = ctx.actorIds.length;
  const nBases = sc.bases.length;
  const bX = new Float64Array(nBases);
  const bY = new Float64Array(nBases);
  const bBerthX = new Float64Array(nBases);
  const bBerthY = new Float64Array(nBases);
  const anyLand = new Uint8Array(256).fill(1);
  anyLand[0] = 0;
  anyLand[CODE_OTHER] = 0;
  const seaOk = seaCodes();
  sc.bases.forEach((b, i) => {
    const x = xOf(b.position[0]);
    const y = yOf(b.position[1]);
    const land = snapToDomain(masks, masks.land, anyLand, x, y, 30);
    if (!land)
      throw new ScenarioGeoError(
        `bases[${i}].position: "${b.id}" is more than 30 km from land at ${sc.geography.cellKm} km resolution`,
      );
    bX[i] = land[0];
    bY[i] = land[1];
    const bx = b.berth ? xOf(b.berth[0]) : x;
    const by = b.berth ? yOf(b.berth[1]) : y;
    const sea = snapToDomain(masks, masks.seaCode, seaOk, bx, by, 40);
    bBerthX[i] = sea ? sea[0] : land[0];
    bBerthY[i] = sea ? sea[1] : land[1];
  });
  const bUsers = new Uint8Array(nBases * nActors);
  sc.bases.forEach((b, i) => {
    bUsers[i * nActors + actorOf(b.owner)] = 1;
    for (const u of b.users) bUsers[i * nActors + actorOf(u)] = 1;
  });
  return {
    nBases,
    baseIds: sc.bases.map((b) => b.id),
    bX,
    bY,
    bBerthX,
    bBerthY,
    bOwner: Int16Array.from(sc.bases.map((b) => actorOf(b.owner))),
    bCapFuel: Float64Array.from(sc.bases.map((b) => (b.capacity ?? b.stocks).fuel)),
    bCapSup: Float64Array.from(sc.bases.map((b) => (b.capacity ?? b.stocks).supplies)),
    bInFuel: Float64Array.from(
      sc.bases.map((b) => (b.resupplyPerDay.fuel * sc.tickMinutes) / 1440),
    ),
    bInSup: Float64Array.from(
      sc.bases.map((b) => (b.resupplyPerDay.supplies * sc.tickMinutes) / 1440),
    ),
    bUsers,
  };
}

/** Places, with the country each lies in (-1 at sea or outside the listed countries). */
export function buildPlaces(ctx: BuildContext, codes: CodeParts): PlaceParts {
  const { sc, xOf, yOf, ticks } = ctx;
  const places: PlaceParts = {
    nPlaces: sc.places.length,
    placeIds: sc.places.map((p) => p.id),
    pX: Float64Array.from(sc.places.map((p) => xOf(p.position[0]))),
    pY: Float64Array.from(sc.places.map((p) => yOf(p.position[1]))),
    pKind: sc.places.map((p) => p.kind),
    pPop: Float64Array.from(sc.places.map((p) => p.population)),
    pDelay: Int32Array.from(sc.places.map((p) => ticks(p.reportDelayMin))),
    pReportP: Float64Array.from(sc.places.map((p) => p.reportProbability)),
    pCountry: new Int16Array(sc.places.length),
  };
  sc.places.forEach((_, i) => {
    const c = cellOf(ctx.masks.spec, places.pX[i]!, places.pY[i]!);
    const code = c >= 0 ? codes.airCode[c]! : 0;
    places.pCountry[i] = code > 0 && code < CODE_LAND ? codes.codeToActor[code]! : -1;
  });
  return places;
}

/** Borders between listed countries, from raster adjacency: min code × 256 + max code, sorted. */
export function landBorders(masks: GeoMasks): number[] {
  const pairs = new Set<number>();
  const { cols, rows } = masks.spec;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = masks.land[r * cols + c]!;
      if (a === 0 || a === CODE_OTHER) continue;
      const right = c + 1 < cols ? masks.land[r * cols + c + 1]! : 0;
      const up = r + 1 < rows ? masks.land[(r + 1) * cols + c]! : 0;
      for (const b of [right, up]) {
        if (b !== 0 && b !== CODE_OTHER && b !== a)
          pairs.add(Math.min(a, b) * 256 + Math.max(a, b));
      }
    }
  }
  return [...pairs].sort((a, b) => a - b);
}
