// What one actor knows of the world's fixed tables, as index lists: which units, agreements,
// rights, mechanisms, supply runs, zones and scripted injects its role may see (the rules are
// listed in role-view.ts). Reads only `Def`; the lists are fixed at load, so they are built
// once per (def, actor) and cached. Writes nothing.
import { mechanismParties } from './systems/mechanisms';
import { unitEntries } from './unit-entries';
import type { Def } from './world';

type Inject = Def['scenario']['injects'][number];

/** Dense role indices: `x[role] = full index`, and `xRole[full] = role index or −1`. */
export interface RoleIndex {
  actor: number;
  units: Int32Array;
  agreements: Int32Array;
  rights: Int32Array;
  mechanisms: Int32Array;
  supplyRuns: Int32Array;
  zones: Int32Array;
  injects: Int32Array;
  unitRole: Int32Array;
  agreementRole: Int32Array;
  mechanismRole: Int32Array;
  supplyRunRole: Int32Array;
  zoneRole: Int32Array;
}

export function checkActor(def: Def, actor: number): void {
  if (!Number.isInteger(actor) || actor < 0 || actor >= def.nActors)
    throw new RangeError(
      `actor ${actor}: expected 0..${def.nActors - 1} (the white cell's view is the full snapshot)`,
    );
}

/** The task force each unit starts under (−1 national), in build-units.ts's order. */
function initialCommand(def: Def): Int32Array {
  const sc = def.scenario;
  const tfOf = new Map(sc.taskForces.map((t, i) => [t.id, i]));
  const out = new Int32Array(def.nUnits).fill(-1);
  let u = 0;
  for (const { unit: entry } of unitEntries(sc)) {
    const tf = entry.command === 'national' ? -1 : (tfOf.get(entry.command) ?? -1);
    for (let k = 0; k < entry.count; k++) out[u++] = tf;
  }
  return out;
}

/** Whether a scripted inject's event is one the actor may know (eventVisible's 'inject' rule). */
export function injectVisible(def: Def, actor: number, inj: Inject): boolean {
  const me = def.actorIds[actor]!;
  switch (inj.kind) {
    case 'narrative':
      return inj.to.length === 0 || inj.to.includes(me);
    case 'weather':
    case 'withdraw':
      return true; // public knowledge
    case 'funding':
      return inj.actor === me;
    case 'force-flow':
      return inj.units.some((u) => u.owner === me); // a nation knows its own deployments
    case 'agreement': {
      const a = def.agreements.find((x) => x.id === inj.agreement);
      return !!a && (a.from === actor || a.to === actor);
    }
    case 'right': {
      const r = def.rights.find((x) => x.id === inj.right);
      return !!r && (r.grantor === actor || r.grantee === actor);
    }
    default:
      return false; // spawn and attack injects are the white cell's secret
  }
}

function pick(n: number, keep: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (keep(i)) out.push(i);
  return Int32Array.from(out);
}

function inverse(list: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  list.forEach((full, role) => {
    out[full] = role;
  });
  return out;
}

function build(def: Def, actor: number): RoleIndex {
  const cmd = initialCommand(def);
  const commands = (tf: number) => tf >= 0 && def.taskForces[tf]?.commander === actor;
  const units = pick(def.nUnits, (u) => def.uOwner[u] === actor || commands(cmd[u]!));
  const agreements = pick(def.agreements.length, (i) => {
    // A joint centre's channel joins two members: being party implies being a member.
    const a = def.agreements[i]!;
    return a.from === actor || a.to === actor;
  });
  const rights = pick(def.rights.length, (i) => {
    const r = def.rights[i]!;
    return r.grantor === actor || r.grantee === actor;
  });
  const mechanisms = pick(def.mechanisms.length, (m) => mechanismParties(def, m).includes(actor));
  const supplyRuns = pick(def.supplyRuns.length, (r) => def.supplyRuns[r]!.owner === actor);
  // Safe havens are the white cell's knowledge of where threats hide.
  const zones = pick(def.zones.length, (z) => {
    const zone = def.zones[z]!;
    return zone.kind !== 'safe-haven' || zone.owner === actor;
  });
  const injects = pick(def.scenario.injects.length, (i) =>
    injectVisible(def, actor, def.scenario.injects[i]!),
  );
  return {
    actor,
    units,
    agreements,
    rights,
    mechanisms,
    supplyRuns,
    zones,
    injects,
    unitRole: inverse(units, def.nUnits),
    agreementRole: inverse(agreements, def.agreements.length),
    mechanismRole: inverse(mechanisms, def.mechanisms.length),
    supplyRunRole: inverse(supplyRuns, def.supplyRuns.length),
    zoneRole: inverse(zones, def.zones.length),
  };
}

// Def never changes after load, so one build per (def, actor) serves every snapshot.
const cache = new WeakMap<Def, Map<number, RoleIndex>>();

export function roleIndex(def: Def, actor: number): RoleIndex {
  checkActor(def, actor);
  let byActor = cache.get(def);
  if (!byActor) {
    byActor = new Map();
    cache.set(def, byActor);
  }
  let ix = byActor.get(actor);
  if (!ix) {
    ix = build(def, actor);
    byActor.set(actor, ix);
  }
  return ix;
}
