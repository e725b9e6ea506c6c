// Cross-reference checks that a schema cannot express: unique ids and every id that one part
// of a scenario names in another. Each problem names the JSON path and the ids allowed there.
import type { Problem } from './problems';
import type { Scenario } from './schema';

type Named = { id: string };

function listIds(items: readonly Named[]): string {
  const ids = items.map((x) => x.id);
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, … (${ids.length})` : ids.join(', ');
}

/** The scenario collections that hold coordination mechanisms, in the engine's order. */
export const MECHANISM_COLLECTIONS = [
  'jointCentres',
  'liaisonOffices',
  'logisticsFrameworks',
  'capacityBuilding',
  'dialogues',
] as const;

function mechanismsOf(s: Scenario): Named[] {
  return MECHANISM_COLLECTIONS.flatMap((k): readonly Named[] => s[k]);
}

/**
 * `known`: ids of elements that exist but did not parse (validate.ts, salvage.ts): the schema
 * reports those elements, so a reference to them is no second problem.
 */
export function checkReferences(
  s: Scenario,
  known?: ReadonlyMap<string, readonly string[]>,
): Problem[] {
  const out: Problem[] = [];
  const inBoxLater: Array<[string, readonly [number, number]]> = [];
  const sets = new Map<string, Set<string>>();
  const collections: Record<string, readonly Named[]> = {
    actors: s.actors,
    agreements: s.agreements,
    rights: s.rights,
    taskForces: s.taskForces,
    bases: s.bases,
    routes: s.routes,
    zones: s.zones,
    places: s.places,
    units: s.units,
    threats: s.threats,
    traffic: s.traffic,
    supplyRuns: s.supplyRuns,
    injects: s.injects,
    jointCentres: s.jointCentres,
    liaisonOffices: s.liaisonOffices,
    logisticsFrameworks: s.logisticsFrameworks,
    capacityBuilding: s.capacityBuilding,
    dialogues: s.dialogues,
    mechanisms: mechanismsOf(s),
  };
  for (const [name, items] of Object.entries(collections)) {
    if (name === 'mechanisms') continue; // checked below, with the path of the second one
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id))
        out.push({
          path: `${name}[${i}].id`,
          message: `found duplicate id "${item.id}"; ids must be unique in ${name}`,
        });
      seen.add(item.id);
    });
    sets.set(name, seen);
  }
  const ref = (path: string, value: string | undefined, collection: keyof typeof collections) => {
    if (value === undefined) return;
    if (!sets.get(collection)?.has(value)) {
      out.push({
        path,
        message: `found "${value}"; allowed: an id in ${collection} (${listIds(collections[collection] ?? [])})`,
      });
    }
  };
  const unitTypeIds = [...Object.keys(s.unitTypes), ...(known?.get('unitTypes') ?? [])];
  const mechanismIds = new Set<string>();
  for (const name of MECHANISM_COLLECTIONS) {
    const items: readonly Named[] = s[name];
    items.forEach((m, i) => {
      if (mechanismIds.has(m.id))
        out.push({
          path: `${name}[${i}].id`,
          message: `found duplicate id "${m.id}"; ids must be unique across all coordination mechanisms`,
        });
      mechanismIds.add(m.id);
    });
  }
  sets.set('mechanisms', mechanismIds);
  for (const [name, ids] of known ?? []) {
    const mechanism = (MECHANISM_COLLECTIONS as readonly string[]).includes(name);
    for (const id of ids) {
      sets.get(name)?.add(id);
      if (mechanism) mechanismIds.add(id);
    }
  }
  const members = (path: string, ids: readonly string[]) =>
    ids.forEach((a, j) => ref(`${path}[${j}]`, a, 'actors'));
  s.jointCentres.forEach((c, i) => {
    ref(`jointCentres[${i}].host`, c.host, 'actors');
    members(`jointCentres[${i}].members`, c.members);
    inBoxLater.push([`jointCentres[${i}].position`, c.position]);
  });
  s.liaisonOffices.forEach((l, i) => {
    ref(`liaisonOffices[${i}].from`, l.from, 'actors');
    ref(`liaisonOffices[${i}].to`, l.to, 'actors');
    if (l.from === l.to)
      out.push({
        path: `liaisonOffices[${i}].to`,
        message: `found "${l.to}"; a liaison office joins two different actors`,
      });
  });
  s.logisticsFrameworks.forEach((f, i) => members(`logisticsFrameworks[${i}].members`, f.members));
  s.capacityBuilding.forEach((c, i) => {
    ref(`capacityBuilding[${i}].provider`, c.provider, 'actors');
    ref(`capacityBuilding[${i}].recipient`, c.recipient, 'actors');
  });
  s.dialogues.forEach((d, i) => members(`dialogues[${i}].participants`, d.participants));

  s.geography.countries.forEach((c, i) =>
    ref(`geography.countries[${i}].actor`, c.actor, 'actors'),
  );
  s.actors.forEach((a, i) => {
    a.members?.forEach((m, j) => ref(`actors[${i}].members[${j}]`, m, 'actors'));
    for (const other of Object.keys(a.trust)) ref(`actors[${i}].trust.${other}`, other, 'actors');
    if (a.kind === 'organisation' && !a.members?.length) {
      out.push({
        path: `actors[${i}].members`,
        message: 'missing; an organisation needs at least one member',
      });
    }
  });
  s.agreements.forEach((a, i) => {
    ref(`agreements[${i}].from`, a.from, 'actors');
    ref(`agreements[${i}].to`, a.to, 'actors');
    if (a.from === a.to)
      out.push({
        path: `agreements[${i}].to`,
        message: `found "${a.to}"; an agreement joins two different actors`,
      });
  });
  s.rights.forEach((r, i) => {
    ref(`rights[${i}].grantor`, r.grantor, 'actors');
    ref(`rights[${i}].grantee`, r.grantee, 'actors');
  });
  s.taskForces.forEach((t, i) => {
    ref(`taskForces[${i}].commander`, t.commander, 'actors');
    ref(`taskForces[${i}].area`, t.area, 'zones');
  });
  s.bases.forEach((b, i) => {
    ref(`bases[${i}].owner`, b.owner, 'actors');
    b.users.forEach((u, j) => ref(`bases[${i}].users[${j}]`, u, 'actors'));
  });
  s.zones.forEach((z, i) => ref(`zones[${i}].owner`, z.owner, 'actors'));
  if (s.zones.length > 32)
    out.push({ path: 'zones', message: `found ${s.zones.length} zones; allowed: at most 32` });
  // A unit of the scenario's or of a force-flow inject (same shape, same references).
  const unitRefs = (p: string, u: Scenario['units'][number]) => {
    if (!unitTypeIds.includes(u.type)) {
      out.push({
        path: `${p}.type`,
        message: `found "${u.type}"; allowed: a key of unitTypes (${unitTypeIds.join(', ')})`,
      });
    }
    ref(`${p}.owner`, u.owner, 'actors');
    ref(`${p}.base`, u.base, 'bases');
    if (u.command !== 'national') ref(`${p}.command`, u.command, 'taskForces');
    if (u.task.kind === 'patrol-area') ref(`${p}.task.zone`, u.task.zone, 'zones');
    if (u.task.kind === 'patrol-route') ref(`${p}.task.route`, u.task.route, 'routes');
  };
  s.units.forEach((u, i) => unitRefs(`units[${i}]`, u));
  // Force-flow units are units from load: their ids are unique among all units.
  const unitIds = new Set(s.units.map((u) => u.id));
  s.injects.forEach((inj, i) => {
    if (inj.kind !== 'force-flow') return;
    inj.units.forEach((u, j) => {
      const p = `injects[${i}].units[${j}]`;
      if (unitIds.has(u.id))
        out.push({
          path: `${p}.id`,
          message: `found duplicate id "${u.id}"; ids must be unique among units and force-flow units`,
        });
      unitIds.add(u.id);
      unitRefs(p, u);
      if (u.position) inBoxLater.push([`${p}.position`, u.position]);
    });
  });
  s.threats.forEach((t, i) =>
    t.havens.forEach((h, j) => ref(`threats[${i}].havens[${j}]`, h, 'zones')),
  );
  s.traffic.forEach((t, i) => ref(`traffic[${i}].route`, t.route, 'routes'));
  s.supplyRuns.forEach((r, i) => {
    ref(`supplyRuns[${i}].owner`, r.owner, 'actors');
    ref(`supplyRuns[${i}].from`, r.from, 'bases');
    ref(`supplyRuns[${i}].to`, r.to, 'bases');
    ref(`supplyRuns[${i}].route`, r.route, 'routes');
  });
  s.injects.forEach((inj, i) => {
    const p = `injects[${i}]`;
    switch (inj.kind) {
      case 'spawn':
        ref(`${p}.threat`, inj.threat, 'threats');
        break;
      case 'attack':
        ref(`${p}.threat`, inj.threat, 'threats');
        ref(`${p}.place`, inj.place, 'places');
        break;
      case 'agreement':
        ref(`${p}.agreement`, inj.agreement, 'agreements');
        break;
      case 'right':
        ref(`${p}.right`, inj.right, 'rights');
        break;
      case 'mechanism':
        ref(`${p}.mechanism`, inj.mechanism, 'mechanisms');
        break;
      case 'weather':
        ref(`${p}.zone`, inj.zone, 'zones');
        break;
      case 'funding':
        ref(`${p}.actor`, inj.actor, 'actors');
        break;
      case 'narrative':
        inj.to.forEach((a, j) => ref(`${p}.to[${j}]`, a, 'actors'));
        break;
      case 'withdraw': {
        ref(`${p}.actor`, inj.actor, 'actors');
        ref(`${p}.organisation`, inj.organisation, 'actors');
        const org = s.actors.find((a) => a.id === inj.organisation);
        if (org && !org.members?.includes(inj.actor)) {
          out.push({
            path: `${p}.actor`,
            message: `found "${inj.actor}"; allowed: a member of ${inj.organisation} (${(org.members ?? []).join(', ')})`,
          });
        }
        // An unknown organisation is reported above; its members are then unknown too.
        if (inj.sectorsTo !== undefined && org) {
          const others = (org?.members ?? []).filter((m) => m !== inj.actor);
          if (!others.includes(inj.sectorsTo))
            out.push({
              path: `${p}.sectorsTo`,
              message: `found "${inj.sectorsTo}"; allowed: a remaining member of ${inj.organisation} (${others.join(', ')})`,
            });
        }
        break;
      }
    }
  });
  const [w, so, e, n] = s.geography.bbox;
  if (w >= e || so >= n)
    out.push({
      path: 'geography.bbox',
      message: `found [${s.geography.bbox.join(', ')}]; allowed: west < east and south < north`,
    });
  const inBox = (path: string, p: readonly [number, number]) => {
    if (p[0] < w || p[0] > e || p[1] < so || p[1] > n) {
      out.push({
        path,
        message: `found [${p[0]}, ${p[1]}]; allowed: a position inside geography.bbox [${s.geography.bbox.join(', ')}]`,
      });
    }
  };
  s.actors.forEach((a, i) => inBox(`actors[${i}].hq`, a.hq));
  for (const [path, p] of inBoxLater) inBox(path, p);
  s.bases.forEach((b, i) => inBox(`bases[${i}].position`, b.position));
  s.places.forEach((pl, i) => inBox(`places[${i}].position`, pl.position));
  s.routes.forEach((r, i) =>
    r.coordinates.forEach((c, j) => inBox(`routes[${i}].coordinates[${j}]`, c)),
  );
  return out;
}
