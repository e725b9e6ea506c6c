// Names for sentences a trainee reads (order refusals): actors, units, zones, task forces,
// agreements, rights and mechanisms by their scenario names, falling back to ids. Reads Def;
// unit names are built once per Def (the same names the map and panels show, describe.ts).
import { mechanismName, unitNames } from './describe';
import type { Def } from './world';

const units = new WeakMap<Def, string[]>();

export function actorName(def: Def, a: number): string {
  return def.scenario.actors[a]?.name ?? def.actorIds[a] ?? `actor ${a}`;
}

export function unitName(def: Def, u: number): string {
  let names = units.get(def);
  if (!names) {
    names = unitNames(def);
    units.set(def, names);
  }
  return names[u] ?? def.unitIds[u] ?? `unit ${u}`;
}

export function zoneName(def: Def, z: number): string {
  return def.scenario.zones[z]?.name ?? def.zones[z]?.id ?? `zone ${z}`;
}

export function taskForceName(def: Def, tf: number): string {
  return def.scenario.taskForces[tf]?.name ?? def.taskForces[tf]?.id ?? `task force ${tf}`;
}

/** A treaty by its name (or id); a joint centre's channel as "<centre> channel A–B". */
export function agreementName(def: Def, k: number): string {
  const a = def.agreements[k];
  if (!a) return `agreement ${k}`;
  const named = def.scenario.agreements[k]?.name;
  if (named) return named;
  if (a.centre >= 0) {
    const centre = def.scenario.jointCentres[a.centre]?.name ?? a.id;
    return `${centre} channel ${actorName(def, a.from)}–${actorName(def, a.to)}`;
  }
  return a.id;
}

/** Rights have no names: "Niger's transit right for Partner (hp-…)". */
export function rightName(def: Def, r: number): string {
  const x = def.rights[r];
  if (!x) return `right ${r}`;
  return `${actorName(def, x.grantor)}'s ${x.kind} right for ${actorName(def, x.grantee)} (${x.id})`;
}

export function mechanismLabel(def: Def, m: number): string {
  const id = def.mechanisms[m]?.id ?? `mechanism ${m}`;
  return mechanismName(def.scenario, id);
}

const DOMAIN_WORD = ['ground', 'sea', 'air'] as const;
export function domainWord(d: number): string {
  return DOMAIN_WORD[d] ?? 'unknown';
}
