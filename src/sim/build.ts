// Load time: turns a validated scenario and a Natural Earth topology into the engine's dense
// `Def` (indices, km geometry, masks) and the initial `State`. Runs once per load, so it may
// use maps and closures freely; nothing here runs per tick.

import type { Scenario } from '../scenario/schema';
import { buildMechanisms, initiallyActive, scopeBits } from './build-mechanisms';
import { hypot2 } from './geo/hypot';
import { buildMasksShared, CODE_LAND, CODE_OTHER } from './geo/masks';
import { toX, toY } from './geo/projection';
import { cellCenterX, cellCenterY, cellOf } from './geo/raster';
import { snapToDomain } from './geo/snap';
import { makeStreams, type Rng } from './rng';
import { initialTrust } from './systems/trust';
import { hoursToTick, scenarioHours } from './time';
import { unitEntries } from './unit-entries';
import {
  CAVEAT,
  CELL,
  type Def,
  DOMAIN,
  type GroupDef,
  N_THREAT_KINDS,
  type Polyline,
  type State,
  TASK,
  THREAT_KIND_INDEX,
  type ZoneDef,
} from './world';

export class ScenarioGeoError extends Error {}

/** Threat cells that live spawn injects may add in one session (the white cell's reserve). */
export const LIVE_CELLS = 16;

function indexer(ids: readonly string[]): (id: string) => number {
  const m = new Map(ids.map((id, i) => [id, i]));
  return (id) => m.get(id) ?? -1;
}

export function makePolyline(id: string, kind: string, xy: number[]): Polyline {
  const n = xy.length / 2;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    cum[i] = cum[i - 1]! + hypot2(xy[2 * i]! - xy[2 * i - 2]!, xy[2 * i + 1]! - xy[2 * i - 1]!);
  }
  return { id, kind, xy: Float64Array.from(xy), cum, length: cum[n - 1] ?? 0 };
}

/** Distance along a polyline of the point nearest to (x, y). */
export function nearestAlong(p: Polyline, x: number, y: number): number {
  let best = Number.POSITIVE_INFINITY;
  let bestD = 0;
  const n = p.xy.length / 2;
  for (let i = 0; i < n - 1; i++) {
    const ax = p.xy[2 * i]!;
    const ay = p.xy[2 * i + 1]!;
    const dx = p.xy[2 * i + 2]! - ax;
    const dy = p.xy[2 * i + 3]! - ay;
    const len2 = dx * dx + dy * dy || 1e-12;
    const u = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    const d = hypot2(ax + u * dx - x, ay + u * dy - y);
    if (d < best) {
      best = d;
      bestD = p.cum[i]! + u * Math.sqrt(len2);
    }
  }
  return bestD;
}

/** Point at distance d along a polyline, written into out. */
export function pointAlong(p: Polyline, d: number, out: { x: number; y: number }): void {
  const n = p.xy.length / 2;
  if (d <= 0) {
    out.x = p.xy[0]!;
    out.y = p.xy[1]!;
    return;
  }
  for (let i = 1; i < n; i++) {
    if (p.cum[i]! >= d) {
      const seg = p.cum[i]! - p.cum[i - 1]! || 1e-12;
      const u = (d - p.cum[i - 1]!) / seg;
      out.x = p.xy[2 * i - 2]! + u * (p.xy[2 * i]! - p.xy[2 * i - 2]!);
      out.y = p.xy[2 * i - 1]! + u * (p.xy[2 * i + 1]! - p.xy[2 * i - 1]!);
      return;
    }
  }
  out.x = p.xy[2 * n - 2]!;
  out.y = p.xy[2 * n - 1]!;
}

/** Waypoints along a polyline from distance a to distance b (either direction). */
export function sliceAlong(p: Polyline, a: number, b: number): number[] {
  const out: number[] = [];
  const pt = { x: 0, y: 0 };
  pointAlong(p, a, pt);
  out.push(pt.x, pt.y);
  const n = p.xy.length / 2;
  if (a < b) {
    for (let i = 0; i < n; i++)
      if (p.cum[i]! > a && p.cum[i]! < b) out.push(p.xy[2 * i]!, p.xy[2 * i + 1]!);
  } else {
    for (let i = n - 1; i >= 0; i--)
      if (p.cum[i]! < a && p.cum[i]! > b) out.push(p.xy[2 * i]!, p.xy[2 * i + 1]!);
  }
  pointAlong(p, b, pt);
  out.push(pt.x, pt.y);
  return out;
}

/**
 * How much slower an organisation decides than its stated latency: consensus grows with the
 * number of members and their divergence (mean pairwise distance of their threat priorities,
 * 0..1); majority grows gently with members; a lead nation decides alone.
 */
export function decisionFactor(sc: Scenario, actorId: string, members: string[]): number {
  const a = sc.actors.find((x) => x.id === actorId);
  if (a?.kind !== 'organisation' || !members.length) return 1;
  const m = members.length;
  if (a.decisionRule === 'lead-nation') return 1;
  if (a.decisionRule === 'majority') return 1 + 0.05 * (m - 1);
  const kinds = Object.keys(THREAT_KIND_INDEX) as Array<keyof typeof THREAT_KIND_INDEX>;
  const vec = (id: string) => {
    const p = sc.actors.find((x) => x.id === id)?.priorities ?? {};
    return kinds.map((k) => (p[k] ?? 1) / 10);
  };
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const u = vec(members[i]!);
      const v = vec(members[j]!);
      sum += Math.sqrt(u.reduce((acc, x, k) => acc + (x - v[k]!) ** 2, 0) / kinds.length);
      pairs++;
    }
  }
  const divergence = pairs ? Math.min(1, sum / pairs) : 0;
  return 1 + 0.15 * (m - 1) * (1 + divergence);
}

/** A task force's decision latency in ticks: its stated minutes slowed by its commander's rule. */
export function taskForceDecisionTicks(
  sc: Scenario,
  minutes: number,
  commander: string,
  members: string[],
): number {
  return Math.max(
    0,
    Math.ceil((minutes * decisionFactor(sc, commander, members)) / sc.tickMinutes),
  );
}

function membersOf(sc: Scenario, actorId: string): string[] {
  return sc.actors.find((x) => x.id === actorId)?.members ?? [];
}

export function buildDef(sc: Scenario, topology: unknown): Def {
  const g = sc.geography;
  const masks = buildMasksShared(topology, {
    bbox: g.bbox,
    cellKm: g.cellKm,
    territorialSeaNm: g.territorialSeaNm,
    countryIsos: g.countries.map((c) => c.iso),
    zones: sc.zones.map((z) => ({ polygon: z.polygon as Array<Array<[number, number]>> })),
  });
  const { proj, spec } = masks;
  const xOf = (lon: number) => toX(proj, lon);
  const yOf = (lat: number) => toY(proj, lat);
  const actorIds = sc.actors.map((a) => a.id);
  const actorOf = indexer(actorIds);
  const nActors = actorIds.length;
  const codeToActor = new Int16Array(256).fill(-1);
  g.countries.forEach((c, i) => {
    codeToActor[i + 1] = actorOf(c.actor);
  });
  const airCode = new Uint8Array(masks.land.length);
  for (let i = 0; i < airCode.length; i++)
    airCode[i] = masks.land[i]! !== 0 ? masks.land[i]! : masks.sea[i]!;

  const zoneOf = indexer(sc.zones.map((z) => z.id));
  const routeOf = indexer(sc.routes.map((r) => r.id));
  const baseOf = indexer(sc.bases.map((b) => b.id));
  const typeIds = Object.keys(sc.unitTypes);
  const typeOf = indexer(typeIds);
  const ticks = (min: number) => Math.max(0, Math.ceil(min / sc.tickMinutes));

  // Zones: cell lists and centroids from the raster.
  const zoneCounts = new Int32Array(sc.zones.length);
  for (let c = 0; c < masks.zones.length; c++) {
    let bits = masks.zones[c]!;
    while (bits) {
      const z = 31 - Math.clz32(bits);
      zoneCounts[z]!++;
      bits &= ~(1 << z);
    }
  }
  const zoneCells = sc.zones.map((_, z) => new Int32Array(zoneCounts[z]!));
  const fill = new Int32Array(sc.zones.length);
  for (let c = 0; c < masks.zones.length; c++) {
    let bits = masks.zones[c]!;
    while (bits) {
      const z = 31 - Math.clz32(bits);
      zoneCells[z]![fill[z]!++] = c;
      bits &= ~(1 << z);
    }
  }
  const zones: ZoneDef[] = sc.zones.map((z, i) => {
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
      owner: z.owner ? actorOf(z.owner) : -1,
      cells,
      cx: sx / n,
      cy: sy / n,
    };
  });

  const routes = sc.routes.map((r) =>
    makePolyline(
      r.id,
      r.kind,
      r.coordinates.flatMap(([lo, la]) => [xOf(lo), yOf(la)]),
    ),
  );
  // Ships must be able to follow lanes: every lane must lie at sea at this resolution.
  const seaOk = new Uint8Array(256).fill(1);
  seaOk[CODE_LAND] = 0;
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
          `routes[${i}].coordinates: lane "${r.id}" crosses land near [${lon}, ${lat}] at ${g.cellKm} km resolution; allowed: lanes entirely at sea`,
        );
      }
    }
  });

  // Bases: snap land bases onto their owner's land, berths onto sea.
  const nBases = sc.bases.length;
  const bX = new Float64Array(nBases);
  const bY = new Float64Array(nBases);
  const bBerthX = new Float64Array(nBases);
  const bBerthY = new Float64Array(nBases);
  const anyLand = new Uint8Array(256).fill(1);
  anyLand[0] = 0;
  anyLand[CODE_OTHER] = 0;
  sc.bases.forEach((b, i) => {
    const x = xOf(b.position[0]);
    const y = yOf(b.position[1]);
    const land = snapToDomain(masks, masks.land, anyLand, x, y, 30);
    if (!land)
      throw new ScenarioGeoError(
        `bases[${i}].position: "${b.id}" is more than 30 km from land at ${g.cellKm} km resolution`,
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

  // Units: expand counts (force-flow injects' units follow the scenario's, unit-entries.ts).
  const expanded = unitEntries(sc).flatMap(({ unit: u, inject }) =>
    u.count === 1
      ? [{ u, id: u.id, inject }]
      : Array.from({ length: u.count }, (_, k) => ({ u, id: `${u.id}-${k + 1}`, inject })),
  );
  const nUnits = expanded.length;
  const f64 = () => new Float64Array(nUnits);
  const def: Def = {
    scenario: sc,
    dtH: sc.tickMinutes / 60,
    tickMinutes: sc.tickMinutes,
    totalTicks: Math.round((sc.durationDays * 1440) / sc.tickMinutes),
    masks,
    airCode,
    codeToActor,
    nActors,
    actorIds,
    isOrg: Uint8Array.from(sc.actors.map((a) => (a.kind === 'organisation' ? 1 : 0))),
    members: sc.actors.map((a) => (a.members ?? []).map(actorOf)),
    participant: new Uint8Array(nActors),
    hqX: Float64Array.from(sc.actors.map((a) => xOf(a.hq[0]))),
    hqY: Float64Array.from(sc.actors.map((a) => yOf(a.hq[1]))),
    decisionTicks: Int32Array.from(sc.actors.map((a) => ticks(a.decisionLatencyMin))),
    sovereignty: Float64Array.from(sc.actors.map((a) => a.sovereigntySensitivity)),
    withholdBelow: Float64Array.from(sc.actors.map((a) => a.withholdBelowTrust)),
    priority: new Float64Array(nActors * N_THREAT_KINDS),
    typeIds,
    nUnits,
    unitIds: expanded.map((e) => e.id),
    uType: new Int16Array(nUnits),
    uOwner: new Int16Array(nUnits),
    uDomain: new Uint8Array(nUnits),
    uSpeed: f64(),
    uPatrolSpeed: f64(),
    uFuelCap: f64(),
    uIdleFuel: f64(),
    uSupCap: f64(),
    uRange: f64(),
    uPDetect: f64(),
    uSweepHalf: f64(),
    uClass: new Uint8Array(nUnits),
    uFirepower: f64(),
    uStrength0: f64(),
    uCost: f64(),
    uCaveats: new Uint8Array(nUnits),
    uHome: new Int16Array(nUnits),
    uSidc: [],
    uArrive: Int16Array.from(expanded, (e) => e.inject),
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
    routes,
    zones,
    nPlaces: sc.places.length,
    placeIds: sc.places.map((p) => p.id),
    pX: Float64Array.from(sc.places.map((p) => xOf(p.position[0]))),
    pY: Float64Array.from(sc.places.map((p) => yOf(p.position[1]))),
    pKind: sc.places.map((p) => p.kind),
    pPop: Float64Array.from(sc.places.map((p) => p.population)),
    pDelay: Int32Array.from(sc.places.map((p) => ticks(p.reportDelayMin))),
    pReportP: Float64Array.from(sc.places.map((p) => p.reportProbability)),
    pCountry: new Int16Array(sc.places.length),
    groups: [],
    cellCap: 0,
    liveCells: 0,
    agreements: sc.agreements.map((a) => ({
      id: a.id,
      from: actorOf(a.from),
      to: actorOf(a.to),
      bidirectional: a.bidirectional,
      scope: scopeBits(a.scope),
      // A standard reporting protocol cuts latency by a third.
      latencyTicks: Math.max(1, ticks(a.latencyMin * (a.protocol === 'standard' ? 2 / 3 : 1))),
      reliability: a.protocol === 'standard' ? 1 - (1 - a.reliability) / 2 : a.reliability,
      ceiling: a.classificationCeiling,
      centre: -1,
      liaisons: [],
      withholding: 1,
    })),
    rights: sc.rights.map((r) => ({
      id: r.id,
      kind: r.kind,
      grantor: actorOf(r.grantor),
      grantee: actorOf(r.grantee),
      domains: r.domains.reduce((m, d) => m | (1 << DOMAIN[d]), 0),
      depthKm: r.depthKm,
    })),
    taskForces: sc.taskForces.map((t) => ({
      id: t.id,
      commander: actorOf(t.commander),
      decisionTicks: taskForceDecisionTicks(
        sc,
        t.decisionLatencyMin,
        t.commander,
        membersOf(sc, t.commander),
      ),
      area: t.area ? zoneOf(t.area) : -1,
    })),
    nTreaties: sc.agreements.length,
    mechanisms: [],
    centres: [],
    centreRelay: new Uint8Array(0),
    liaisons: [],
    frameworks: [],
    trainings: [],
    dialogues: [],
    borders: [],
    traffic: sc.traffic.map((t) => ({
      id: t.id,
      kind: t.kind,
      route: routeOf(t.route),
      perTick: (t.perDay * sc.tickMinutes) / 1440,
      speed: t.speedKmh,
      reportDelayTicks: ticks(t.reportDelayMin),
      bothWays: t.bothWays,
      sidc: t.sidc,
    })),
    vesselCap: 0,
    supplyRuns: [],
    convoyCap: 0,
    injectTicks: Int32Array.from(
      sc.injects.map((i) => hoursToTick(scenarioHours(i.at), sc.tickMinutes)),
    ),
    startMin: Date.parse(sc.start) / 60000,
  };

  Object.assign(
    def,
    buildMechanisms(sc, def.agreements, actorOf, (p) => [xOf(p[0]), yOf(p[1])]),
  );

  sc.actors.forEach((a, i) => {
    for (let k = 0; k < N_THREAT_KINDS; k++) def.priority[i * N_THREAT_KINDS + k] = 1;
    for (const [kind, w] of Object.entries(a.priorities)) {
      def.priority[i * N_THREAT_KINDS + THREAT_KIND_INDEX[kind as keyof typeof THREAT_KIND_INDEX]] =
        w ?? 1;
    }
    if (a.kind === 'organisation') def.participant[i] = 1;
  });
  for (const a of def.agreements) {
    def.participant[a.from] = 1;
    def.participant[a.to] = 1;
  }

  expanded.forEach(({ u }, i) => {
    const t = sc.unitTypes[u.type]!;
    def.uType[i] = typeOf(u.type);
    def.uOwner[i] = actorOf(u.owner);
    def.participant[def.uOwner[i]!] = 1;
    def.uDomain[i] = DOMAIN[t.domain];
    def.uSpeed[i] = t.speedKmh;
    def.uPatrolSpeed[i] = t.patrolSpeedKmh ?? t.speedKmh * 0.6;
    def.uFuelCap[i] = t.fuelCapacityH;
    def.uIdleFuel[i] = t.idleFuelPerH;
    def.uSupCap[i] = t.suppliesDays;
    def.uRange[i] = Math.max(t.sensor.rangeKm, (t.sensor.sweepWidthKm ?? 0) / 2);
    def.uPDetect[i] = t.sensor.pDetectPerTick ?? 0;
    def.uSweepHalf[i] = (t.sensor.sweepWidthKm ?? 0) / 2;
    def.uClass[i] = t.sensor.classification;
    def.uFirepower[i] = t.firepower;
    def.uStrength0[i] = t.strength;
    def.uCost[i] = t.costPerDay;
    def.uCaveats[i] = u.caveats.reduce(
      (m, c) =>
        m |
        (c === 'no-offensive'
          ? CAVEAT.noOffensive
          : c === 'no-night'
            ? CAVEAT.noNight
            : CAVEAT.ownTerritoryOnly),
      t.night ? 0 : CAVEAT.noNight,
    );
    def.uHome[i] = baseOf(u.base);
    def.uSidc.push(t.sidc);
  });

  sc.places.forEach((_, i) => {
    const c = cellOf(spec, def.pX[i]!, def.pY[i]!);
    const code = c >= 0 ? def.airCode[c]! : 0;
    def.pCountry[i] = code > 0 && code < CODE_LAND ? codeToActor[code]! : -1;
  });

  // Threat groups and the capacity for cells (initial cells plus one per spawn inject).
  def.groups = sc.threats.map(
    (t): GroupDef => ({
      id: t.id,
      kind: t.kind,
      kindIndex: THREAT_KIND_INDEX[t.kind],
      domain: DOMAIN[t.domain],
      sidc: t.sidc,
      strength: t.strength,
      maxStrength: t.maxStrength ?? t.strength * 1.5,
      firepower: t.firepower,
      speed: t.speedKmh,
      havens: t.havens.map(zoneOf),
      targetPlaceKinds: new Set(
        t.targets.filter((k) => k !== 'convoy' && k !== 'ship' && k !== 'base'),
      ),
      targetsConvoys: t.targets.includes('convoy'),
      targetsShips: t.targets.includes('ship'),
      // The first listed kind weighs 3×, the last 1×, linearly between.
      preference: Object.fromEntries(
        t.targets.map((k, i) => [
          k,
          1 + (2 * (t.targets.length - 1 - i)) / Math.max(1, t.targets.length - 1),
        ]),
      ),
      attackPerTick: (t.attackRatePerDay * sc.tickMinutes) / 1440,
      rangeKm: t.rangeKm,
      seam: t.seamPreference,
      recruitPerTick: (t.recruitPerDay * sc.tickMinutes) / 1440,
      lieLowTicks: [
        Math.round((Math.min(...t.lieLowHours) * 60) / sc.tickMinutes),
        Math.round((Math.max(...t.lieLowHours) * 60) / sc.tickMinutes),
      ],
      detectability: t.detectability,
    }),
  );
  // Spare slots for spawns injected live: only the arrays grow (cells are indexed by spawn
  // order, and the cell grid's bucket size follows the scripted count, session.ts).
  def.liveCells = LIVE_CELLS;
  def.cellCap =
    sc.threats.reduce((n, t) => n + t.cells, 0) +
    sc.injects.filter((i) => i.kind === 'spawn').length +
    LIVE_CELLS;

  // Borders between listed countries, from raster adjacency.
  const pairs = new Set<number>();
  const { cols, rows } = spec;
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
  def.borders = [...pairs].sort((a, b) => a - b);

  // Traffic vessel capacity: vessels alive at once, with headroom.
  def.vesselCap = def.traffic.reduce((n, t) => {
    const route = routes[t.route]!;
    return n + Math.ceil(t.perTick * (route.length / t.speed / def.dtH) * 1.5) + 4;
  }, 0);

  def.supplyRuns = sc.supplyRuns.map((r) => {
    const from = baseOf(r.from);
    const to = baseOf(r.to);
    let path = [bX[from]!, bY[from]!];
    if (r.route) {
      const route = routes[routeOf(r.route)]!;
      const a = nearestAlong(route, bX[from]!, bY[from]!);
      const b = nearestAlong(route, bX[to]!, bY[to]!);
      path = path.concat(sliceAlong(route, a, b));
    }
    path.push(bX[to]!, bY[to]!);
    return {
      id: r.id,
      owner: actorOf(r.owner),
      from,
      to,
      path,
      everyTicks: Math.max(1, Math.round((r.everyHours * 60) / sc.tickMinutes)),
      fuel: r.load.fuel,
      supplies: r.load.supplies,
      speed: r.speedKmh,
      strength: r.strength,
      sidc: r.sidc,
    };
  });
  def.convoyCap = def.supplyRuns.reduce((n, r) => {
    let len = 0;
    for (let i = 2; i < r.path.length; i += 2)
      len += hypot2(r.path[i]! - r.path[i - 2]!, r.path[i + 1]! - r.path[i - 1]!);
    return n + Math.ceil(len / r.speed / (r.everyTicks * def.dtH)) + 2;
  }, 0);
  return def;
}

/** A random allowed cell centre inside a zone, or the zone centroid when none is found. */
export function randomCellIn(
  def: Def,
  zone: number,
  code: Uint8Array,
  allowed: Uint8Array,
  rng: Rng,
  out: { x: number; y: number },
): boolean {
  const z = def.zones[zone]!;
  const spec = def.masks.spec;
  for (let k = 0; k < 12; k++) {
    const c = z.cells[Math.floor(rng() * z.cells.length)]!;
    if (allowed[code[c]!] === 1) {
      out.x = cellCenterX(spec, c) + (rng() - 0.5) * spec.cellKm * 0.8;
      out.y = cellCenterY(spec, c) + (rng() - 0.5) * spec.cellKm * 0.8;
      return true;
    }
  }
  out.x = z.cx;
  out.y = z.cy;
  return false;
}

/** Passability for threats: any land (ground) or any sea (sea), sovereignty ignored. */
export function threatAllowed(domain: number): Uint8Array {
  const a = new Uint8Array(256);
  if (domain === DOMAIN.ground) {
    a.fill(1);
    a[0] = 0;
  } else {
    a.fill(1);
    a[CODE_LAND] = 0;
  }
  return a;
}

export function initState(
  def: Def,
  seed: number,
): { s: State; rng: ReturnType<typeof makeStreams> } {
  const rng = makeStreams(seed);
  const sc = def.scenario;
  const n = def.nUnits;
  const cap = def.cellCap;
  const nA = def.nActors;
  const f = (k: number) => new Float64Array(k);
  const s: State = {
    tick: 0,
    ux: f(n),
    uy: f(n),
    uPrevX: f(n),
    uPrevY: f(n),
    uFuel: Float64Array.from(def.uFuelCap),
    uSup: Float64Array.from(def.uSupCap),
    uStr: new Float64Array(n),
    uReady: new Float64Array(n),
    uTask: new Uint8Array(n),
    uTaskCell: new Int32Array(n).fill(-1),
    uTaskNode: new Int32Array(n).fill(-1),
    uTx: f(n),
    uTy: f(n),
    uPath: Array.from({ length: n }, () => null),
    uPathIdx: new Int32Array(n),
    uCommand: new Int16Array(n).fill(-1),
    uStanding: new Uint8Array(n),
    uStandingRef: new Int16Array(n).fill(-1),
    uPursuit: new Uint8Array(n),
    uExit: new Int16Array(n).fill(-1),
    uEngaged: new Int32Array(n).fill(-1),
    uWait: new Int32Array(n),
    uTerritory: new Int16Array(n).fill(-1),
    uEscort: new Int32Array(n).fill(-1),
    uBase: Int16Array.from(def.uHome),
    uMoved: f(n),
    uStrStart: f(n),
    uOrdered: new Uint8Array(n),
    uOrderX: f(n),
    uOrderY: f(n),
    nCells: 0,
    cGroup: new Int16Array(cap).fill(-1),
    cx: f(cap),
    cy: f(cap),
    cStr: f(cap),
    cStrStart: f(cap),
    cState: new Uint8Array(cap).fill(CELL.unborn),
    cHaven: new Int16Array(cap).fill(-1),
    cHx: f(cap),
    cHy: f(cap),
    cTargetKind: new Int8Array(cap).fill(-1),
    cTarget: new Int32Array(cap).fill(-1),
    cTx: f(cap),
    cTy: f(cap),
    cRaid: new Int32Array(cap).fill(-1),
    cTimer: new Int32Array(cap),
    cAmbush: new Int32Array(cap).fill(-1),
    cRecruit: f(cap),
    cPath: Array.from({ length: cap }, () => null),
    cPathIdx: new Int32Array(cap),
    raids: 0,
    cEp: new Int32Array(cap).fill(-1),
    cEpStart: new Int32Array(cap),
    episodes: 0,
    trX: f(nA * cap),
    trY: f(nA * cap),
    trSeen: new Int32Array(nA * cap).fill(-1),
    trSource: new Int16Array(nA * cap).fill(-1),
    trSent: new Int32Array(nA * cap).fill(-1_000_000),
    trAware: new Int32Array(nA * cap).fill(-1),
    trClass: new Uint8Array(nA * cap),
    politics: [],
    assigned: new Int32Array((nA + def.taskForces.length) * cap).fill(-1),
    retryAt: new Int32Array((nA + def.taskForces.length) * cap),
    msgs: [],
    nextMsg: 0,
    reports: [],
    foundOut: [],
    bFuel: Float64Array.from(sc.bases.map((b) => b.stocks.fuel)),
    bSup: Float64Array.from(sc.bases.map((b) => b.stocks.supplies)),
    agActive: Uint8Array.from(
      def.agreements.map((a, i) =>
        a.centre >= 0
          ? sc.jointCentres[a.centre]!.active
            ? 1
            : 0
          : sc.agreements[i]!.active
            ? 1
            : 0,
      ),
    ),
    rightActive: Uint8Array.from(sc.rights.map((r) => (r.active ? 1 : 0))),
    mechActive: initiallyActive(sc),
    member: new Uint8Array(nA * nA),
    tfDecisionTicks: Int32Array.from(def.taskForces.map((t) => t.decisionTicks)),
    readinessNorm: Float64Array.from(sc.actors.map((a) => a.readiness)),
    zoneOwner: Int16Array.from(def.zones.map((z) => z.owner)),
    trust: new Float64Array(nA * nA),
    budget: Float64Array.from(sc.actors.map((a) => a.budget)),
    closedUntil: new Int32Array(def.zones.length * 3),
    autoTasking: new Uint8Array(nA).fill(1),
    liveInjects: [],
    vAlive: new Uint8Array(def.vesselCap),
    vTraffic: new Int16Array(def.vesselCap),
    vDir: new Int8Array(def.vesselCap),
    vDist: f(def.vesselCap),
    vx: f(def.vesselCap),
    vy: f(def.vesselCap),
    trafficAcc: Float64Array.from(def.traffic.map(() => rng.traffic())),
    kAlive: new Uint8Array(def.convoyCap),
    kRun: new Int16Array(def.convoyCap),
    kx: f(def.convoyCap),
    ky: f(def.convoyCap),
    kIdx: new Int32Array(def.convoyCap),
    kFuel: f(def.convoyCap),
    kSup: f(def.convoyCap),
    runNext: Int32Array.from(def.supplyRuns.map((r) => Math.floor(rng.logistics() * r.everyTicks))),
    costAcc: f(nA),
  };
  def.members.forEach((ms, org) => {
    for (const m of ms) s.member[org * nA + m] = 1;
  });
  s.trust.set(initialTrust(def));
  const units = unitEntries(sc).flatMap(({ unit: u }) => Array.from({ length: u.count }, () => u));
  const zoneOf = indexer(sc.zones.map((z) => z.id));
  const routeOf = indexer(sc.routes.map((r) => r.id));
  const tfOf = indexer(sc.taskForces.map((t) => t.id));
  units.forEach((u, i) => {
    const home = def.uHome[i]!;
    const sea = def.uDomain[i] === DOMAIN.sea;
    const x = u.position
      ? toX(def.masks.proj, u.position[0])
      : sea
        ? def.bBerthX[home]!
        : def.bX[home]!;
    const y = u.position
      ? toY(def.masks.proj, u.position[1])
      : sea
        ? def.bBerthY[home]!
        : def.bY[home]!;
    s.ux[i] = x;
    s.uy[i] = y;
    s.uPrevX[i] = x;
    s.uPrevY[i] = y;
    s.uStr[i] = def.uStrength0[i]! * u.strength;
    s.uReady[i] = u.readiness ?? sc.actors[def.uOwner[i]!]!.readiness;
    s.uCommand[i] = u.command === 'national' ? -1 : tfOf(u.command);
    s.uStanding[i] =
      u.task.kind === 'patrol-area'
        ? TASK.patrolArea
        : u.task.kind === 'patrol-route'
          ? TASK.patrolRoute
          : TASK.idle;
    s.uStandingRef[i] =
      u.task.kind === 'patrol-area'
        ? zoneOf(u.task.zone)
        : u.task.kind === 'patrol-route'
          ? routeOf(u.task.route)
          : -1;
    // A force-flow unit waits out of the world until its inject fires (systems/injects.ts).
    s.uTask[i] = def.uArrive[i]! >= 0 ? TASK.notArrived : s.uStanding[i]!;
  });
  return { s, rng };
}
