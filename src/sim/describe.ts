// The static lookup tables the map and panels need once per load: names, colours, symbol
// codes and lon/lat geometry of everything a snapshot refers to by dense index. Plain
// JSON-able data built from `Def` (km positions converted back with the projection).

import { DOMAIN, MECH_NAMES } from './codes';
import { toLat, toLon } from './geo/projection';
import { mechanismParties } from './systems/mechanisms';
import { unitEntries } from './unit-entries';
import type { Def } from './world';

export type LonLat = [number, number];
export type DomainName = 'ground' | 'sea' | 'air';

const DOMAIN_NAMES: readonly DomainName[] = ['ground', 'sea', 'air'];

export interface WorldDescription {
  scenario: {
    id: string;
    name: string;
    /** Exercise start, the scenario's UTC ISO 8601 string. */
    start: string;
    tickMinutes: number;
    totalTicks: number;
    checkpointEveryTicks: number;
    /** Natural Earth resolution the scenario uses (the map's basemap should match). */
    atlas: '50m' | '10m';
  };
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  actors: Array<{
    id: string;
    name: string;
    kind: 'nation' | 'organisation';
    color: string;
    hq: LonLat;
    /** Member actor indices (organisations). */
    members: number[];
  }>;
  unitTypes: Array<{ id: string; name: string; domain: DomainName; sidc: string }>;
  units: Array<{
    id: string;
    name: string;
    owner: number;
    type: string;
    domain: DomainName;
    sidc: string;
    /** Home base index. */
    home: number;
  }>;
  bases: Array<{
    id: string;
    name: string;
    owner: number;
    kind: string;
    /** Position as the engine uses it (snapped onto land). */
    lon: number;
    lat: number;
    sidc: string | null;
    capacity: { fuel: number; supplies: number };
  }>;
  places: Array<{
    id: string;
    name: string;
    kind: string;
    lon: number;
    lat: number;
    population: number;
  }>;
  routes: Array<{ id: string; name: string; kind: string; coordinates: LonLat[] }>;
  zones: Array<{ id: string; name: string; kind: string; owner: number; polygon: LonLat[][] }>;
  threatGroups: Array<{ id: string; name: string; kind: string; domain: DomainName; sidc: string }>;
  /** Treaties as written, then joint centres' member-to-member channels. */
  agreements: Array<{
    id: string;
    name: string | null;
    from: number;
    to: number;
    bidirectional: boolean;
    latencyMin: number;
    /** The joint centre (index into mechanisms) whose channel this is; null for a treaty. */
    centre: number | null;
  }>;
  /** Coordination mechanisms, switchable by order. */
  mechanisms: Array<{
    id: string;
    name: string;
    kind: string;
    /** Actors party to it (they see it and may switch it). */
    parties: number[];
  }>;
  rights: Array<{
    id: string;
    kind: string;
    grantor: number;
    grantee: number;
    domains: DomainName[];
    depthKm: number;
  }>;
  taskForces: Array<{ id: string; name: string; commander: number; area: number }>;
  traffic: Array<{ id: string; name: string; kind: string; route: number; sidc: string }>;
  supplyRuns: Array<{ id: string; owner: number; from: number; to: number; sidc: string }>;
  /**
   * The MSEL (master scenario events list): every scripted inject with the tick it fires at,
   * in scenario order, for timeline markers. `subject` names what it acts on (a threat group,
   * place, agreement, right, zone or actor id; the addressees of a narrative).
   */
  injects: Array<{
    id: string;
    kind: Def['scenario']['injects'][number]['kind'];
    tick: number;
    message: string | null;
    subject: string;
  }>;
}

const lonLat = (p: readonly [number, number]): LonLat => [p[0], p[1]];

/** Expanded unit names in the same order as build-units.ts expands `count`. */
export function unitNames(def: Def): string[] {
  const sc = def.scenario;
  const names: string[] = [];
  for (const { unit: u } of unitEntries(sc)) {
    const base = u.name ?? sc.unitTypes[u.type]?.name ?? u.id;
    if (u.count === 1) names.push(base);
    else for (let k = 1; k <= u.count; k++) names.push(`${base} ${k}`);
  }
  return names;
}

/** What a role's app draws and names: ids, names and places, no state (role filters apply). */
export function describeWorld(def: Def): WorldDescription {
  const sc = def.scenario;
  return {
    scenario: {
      id: sc.id,
      name: sc.name,
      start: sc.start,
      tickMinutes: def.tickMinutes,
      totalTicks: def.totalTicks,
      checkpointEveryTicks: sc.checkpointEveryTicks,
      atlas: sc.geography.atlas,
    },
    bbox: [...sc.geography.bbox],
    ...describeForces(def),
    ...describeGeography(def),
    ...describeCoordination(def),
    injects: sc.injects.map((inj, i) => ({
      id: inj.id,
      kind: inj.kind,
      tick: def.injectTicks[i] ?? 0,
      message: inj.message ?? null,
      subject: injectSubject(inj),
    })),
  };
}

const domainOf = (d: number): DomainName => DOMAIN_NAMES[d] ?? 'ground';

function actorLookup(def: Def): (id: string | undefined) => number {
  const actorOf = new Map(def.actorIds.map((id, i) => [id, i]));
  return (id) => (id === undefined ? -1 : (actorOf.get(id) ?? -1));
}

/** Actors, unit types, units and bases. */
function describeForces(
  def: Def,
): Pick<WorldDescription, 'actors' | 'unitTypes' | 'units' | 'bases'> {
  const sc = def.scenario;
  const proj = def.masks.proj;
  const names = unitNames(def);
  return {
    actors: sc.actors.map((a, i) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      color: a.color,
      hq: [toLon(proj, def.hqX[i]!), toLat(proj, def.hqY[i]!)],
      members: [...(def.members[i] ?? [])],
    })),
    unitTypes: def.typeIds.map((id) => {
      const t = sc.unitTypes[id]!;
      return { id, name: t.name, domain: t.domain, sidc: t.sidc };
    }),
    units: def.unitIds.map((id, u) => ({
      id,
      name: names[u] ?? id,
      owner: def.uOwner[u]!,
      type: def.typeIds[def.uType[u]!] ?? '',
      domain: domainOf(def.uDomain[u]!),
      sidc: def.uSidc[u] ?? '',
      home: def.uHome[u]!,
    })),
    bases: sc.bases.map((b, i) => ({
      id: b.id,
      name: b.name,
      owner: def.bOwner[i]!,
      kind: b.kind,
      lon: toLon(proj, def.bX[i]!),
      lat: toLat(proj, def.bY[i]!),
      sidc: b.sidc ?? null,
      capacity: { fuel: def.bCapFuel[i]!, supplies: def.bCapSup[i]! },
    })),
  };
}

/** Places, routes, zones and threat groups. */
function describeGeography(
  def: Def,
): Pick<WorldDescription, 'places' | 'routes' | 'zones' | 'threatGroups'> {
  const sc = def.scenario;
  const actor = actorLookup(def);
  return {
    places: sc.places.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      lon: p.position[0],
      lat: p.position[1],
      population: p.population,
    })),
    routes: sc.routes.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      coordinates: r.coordinates.map(lonLat),
    })),
    zones: sc.zones.map((z) => ({
      id: z.id,
      name: z.name,
      kind: z.kind,
      owner: actor(z.owner),
      polygon: z.polygon.map((ring) => ring.map(lonLat)),
    })),
    threatGroups: sc.threats.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      domain: domainOf(DOMAIN[t.domain]),
      sidc: t.sidc,
    })),
  };
}

/** Agreements, mechanisms, rights, task forces, traffic and supply runs. */
function describeCoordination(
  def: Def,
): Pick<
  WorldDescription,
  'agreements' | 'mechanisms' | 'rights' | 'taskForces' | 'traffic' | 'supplyRuns'
> {
  const sc = def.scenario;
  const actor = actorLookup(def);
  const routeOf = new Map(sc.routes.map((r, i) => [r.id, i]));
  return {
    agreements: def.agreements.map((a, i) => {
      const written = sc.agreements[i];
      const centre = a.centre >= 0 ? def.centres[a.centre]! : null;
      return {
        id: a.id,
        name: written?.name ?? (centre ? sc.jointCentres[a.centre]!.name : null),
        from: a.from,
        to: a.to,
        bidirectional: a.bidirectional,
        latencyMin: written?.latencyMin ?? sc.jointCentres[a.centre]!.latencyMin,
        centre: centre ? centre.mech : null,
      };
    }),
    mechanisms: def.mechanisms.map((m, i) => ({
      id: m.id,
      name: mechanismName(sc, m.id),
      kind: MECH_NAMES[m.kind]!,
      parties: [...new Set(mechanismParties(def, i))],
    })),
    rights: sc.rights.map((r) => ({
      id: r.id,
      kind: r.kind,
      grantor: actor(r.grantor),
      grantee: actor(r.grantee),
      domains: [...r.domains],
      depthKm: r.depthKm,
    })),
    taskForces: sc.taskForces.map((t, i) => ({
      id: t.id,
      name: t.name,
      commander: actor(t.commander),
      area: def.taskForces[i]?.area ?? -1,
    })),
    traffic: sc.traffic.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      route: routeOf.get(t.route) ?? -1,
      sidc: t.sidc,
    })),
    supplyRuns: def.supplyRuns.map((r) => ({
      id: r.id,
      owner: r.owner,
      from: r.from,
      to: r.to,
      sidc: r.sidc,
    })),
  };
}

export function mechanismName(sc: Def['scenario'], id: string): string {
  for (const list of [
    sc.jointCentres,
    sc.liaisonOffices,
    sc.logisticsFrameworks,
    sc.capacityBuilding,
    sc.dialogues,
  ])
    for (const m of list) if (m.id === id) return m.name;
  return id;
}

function injectSubject(inj: Def['scenario']['injects'][number]): string {
  switch (inj.kind) {
    case 'spawn':
      return inj.threat;
    case 'attack':
      return `${inj.threat} → ${inj.place}`;
    case 'agreement':
      return `${inj.agreement} ${inj.active ? 'on' : 'off'}`;
    case 'right':
      return `${inj.right} ${inj.active ? 'on' : 'off'}`;
    case 'mechanism':
      return `${inj.mechanism} ${inj.active ? 'opens' : 'closes'}`;
    case 'weather':
      return `${inj.zone} closed to ${inj.closes.join(', ')}`;
    case 'funding':
      return `${inj.actor} +${inj.amount}`;
    case 'narrative':
      return inj.to.length ? inj.to.join(', ') : 'all';
    case 'withdraw':
      return `${inj.actor} leaves ${inj.organisation}`;
    case 'force-flow':
      return `${inj.units.map((u) => u.id).join(', ')} arrive`;
  }
}
