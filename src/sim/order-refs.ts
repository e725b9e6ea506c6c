// Whether an order is well formed: everything it names exists (units, zones, task forces,
// agreements, rights, mechanisms, actors) and a live inject passes the scenario's own schema
// and reference rules. Session.order refuses an order that fails here; who may give an order
// and whether it can be carried out is order-check.ts. Reads Def and the orders given before;
// writes nothing. zod runs here once per order given, never per tick.
import { problemsFromZod } from '../scenario/problems';
import { checkReferences } from '../scenario/references';
import { Inject } from '../scenario/schema';
import type { Def, Order } from './world';

/**
 * What is wrong with an order's references, or null. `earlier`: the live injects given before
 * it (a live inject's id must be new).
 */
export function orderProblem(def: Def, o: Order, earlier: readonly Inject[]): string | null {
  const has = (ok: boolean, what: string) => (ok ? null : what);
  switch (o.kind) {
    case 'set-agreement':
      return has(
        def.agreements.some((a) => a.id === o.agreement),
        `no agreement "${o.agreement}"`,
      );
    case 'set-right':
      return has(
        def.rights.some((r) => r.id === o.right),
        `no right "${o.right}"`,
      );
    case 'set-mechanism':
      return has(
        def.mechanisms.some((m) => m.id === o.mechanism),
        `no coordination mechanism "${o.mechanism}"`,
      );
    case 'set-trust':
      if (!def.actorIds.includes(o.from) || !def.actorIds.includes(o.to)) return 'unknown actor';
      return has(o.value >= 0 && o.value <= 1, 'trust must be within 0..1');
    case 'auto-tasking': {
      const a = def.actorIds.indexOf(o.actor);
      if (a < 0) return `no actor "${o.actor}"`;
      return has(
        !def.isOrg[a],
        `"${o.actor}" is an organisation: it tasks units only through its task forces`,
      );
    }
    case 'inject': {
      const r = parseLiveInject(def, o.inject, earlier);
      return 'problem' in r ? r.problem : null;
    }
    default:
      return unitOrderProblem(def, o);
  }
}

function unitOrderProblem(def: Def, o: Extract<Order, { unit: string }>): string | null {
  if (!def.unitIds.includes(o.unit)) return `no unit "${o.unit}"`;
  if (o.kind === 'patrol-area' && !def.zones.some((z) => z.id === o.zone))
    return `no zone "${o.zone}"`;
  if (
    o.kind === 'assign' &&
    o.command !== 'national' &&
    !def.taskForces.some((t) => t.id === o.command)
  )
    return `no task force "${o.command}"`;
  if (
    o.kind === 'move' &&
    !(
      Array.isArray(o.position) &&
      o.position.length === 2 &&
      o.position.every((v) => typeof v === 'number' && Number.isFinite(v))
    )
  )
    return 'position must be [longitude, latitude] in degrees';
  return null;
}

/** The live injects among orders given. */
export function liveInjects(orders: readonly Order[]): Inject[] {
  return orders.flatMap((o) => (o.kind === 'inject' ? [o.inject] : []));
}

/**
 * A live inject parsed by the scenario schema (defaults filled in), or what is wrong with it:
 * its shape, its references (the scenario's rules, with the scenario's and earlier live
 * injects as the inject list, so its id must be new) and room for another threat cell.
 */
export function parseLiveInject(
  def: Def,
  raw: unknown,
  earlier: readonly Inject[],
): { inject: Inject } | { problem: string } {
  const parsed = Inject.safeParse(raw);
  if (!parsed.success) {
    const p = problemsFromZod(Inject, raw, parsed.error)[0];
    return { problem: p ? `inject${at(p.path)}: ${p.message}` : 'inject: not an inject' };
  }
  const inj = parsed.data;
  if (inj.kind === 'force-flow')
    return {
      problem:
        "inject: a force flow cannot be given live (its units must exist from load): schedule it in the scenario's injects",
    };
  const sc = def.scenario;
  const all = [...sc.injects, ...earlier, inj];
  const prefix = `injects[${all.length - 1}]`;
  const ref = checkReferences({ ...sc, injects: all }).find(
    (p) => p.path === prefix || p.path.startsWith(`${prefix}.`),
  );
  if (ref) return { problem: `inject${ref.path.slice(prefix.length)}: ${ref.message}` };
  if (inj.kind === 'spawn' && inj.position) {
    const [w, s, e, n] = sc.geography.bbox;
    const [lon, lat] = inj.position;
    if (lon < w || lon > e || lat < s || lat > n)
      return {
        problem: `inject.position: found [${lon}, ${lat}]; allowed: a position inside geography.bbox [${sc.geography.bbox.join(', ')}]`,
      };
  }
  const spawns = earlier.filter((x) => x.kind === 'spawn').length;
  if (inj.kind === 'spawn' && spawns >= def.liveCells)
    return {
      problem: `inject: no room for another threat cell (a session may spawn at most ${def.liveCells} live)`,
    };
  return { inject: inj };
}

/** "threat" → ".threat", "(root)" → "", "to[1]" → ".to[1]". */
function at(path: string): string {
  return path === '(root)' ? '' : `.${path}`;
}
