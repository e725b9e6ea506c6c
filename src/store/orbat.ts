// The ORBAT (order of battle) as a tree: actor → command (national, a task force, or not known
// to this view) → unit, built from the role's own world description — a player's lists only the
// units its role may know, so the tree never holds more — and each unit's current command from
// the latest snapshot. Pure (no DOM, no store): the ORBAT panel renders it, tests build it in
// Node. `filterOrbat` keeps the units whose name, id or type matches every word of a search
// (case and accents ignored) with their actor and command, so their ancestors stay shown.
import type { WorldDescription } from '../sim/describe';
import type { Snapshot } from '../sim/snapshot';

export type CommandKind = 'national' | 'task-force' | 'unknown';

export interface OrbatUnit {
  /** The description's unit index (what `select` takes). */
  index: number;
  key: string;
  id: string;
  name: string;
  /** The unit type's name ("Motorised company"), or its id when the type is not listed. */
  type: string;
  typeId: string;
  sidc: string;
}

export interface OrbatCommand {
  key: string;
  kind: CommandKind;
  /** Task-force index (description.taskForces), −1 for national or not known. */
  taskForce: number;
  name: string;
  units: OrbatUnit[];
}

export interface OrbatActor {
  key: string;
  /** The description's actor index. */
  index: number;
  name: string;
  color: string;
  commands: OrbatCommand[];
  /** Units under this actor (in a filtered tree: those that match). */
  count: number;
}

/** Task-force index, −1 national, null when this view does not know the unit's command. */
export type CommandOf = (unit: number) => number | null;

/**
 * Each unit's command as the snapshot has it. Not known (null): no snapshot yet; a unit the
 * role lists but no longer commands (its position is blank); or, in an actor's view, another
 * actor's unit shown as national (a view knows the orders of its own units only).
 */
export function snapshotCommands(d: WorldDescription, snap: Snapshot | null): CommandOf {
  if (!snap) return () => null;
  const { command, lon } = snap.units;
  return (u) => {
    if (u >= command.length || !Number.isFinite(lon[u]!)) return null;
    const c = command[u]!;
    if (c >= d.taskForces.length) return null;
    if (c < 0 && snap.view >= 0 && d.units[u]?.owner !== snap.view) return null;
    return c;
  };
}

const COMMAND_ORDER: Record<CommandKind, number> = { national: 0, 'task-force': 1, unknown: 2 };

function commandNode(d: WorldDescription, actorId: string, c: number | null): OrbatCommand {
  if (c === null)
    return {
      key: `c:${actorId}:?`,
      kind: 'unknown',
      taskForce: -1,
      name: 'Command not known',
      units: [],
    };
  if (c < 0)
    return {
      key: `c:${actorId}:national`,
      kind: 'national',
      taskForce: -1,
      name: 'National',
      units: [],
    };
  const tf = d.taskForces[c]!;
  return {
    key: `c:${actorId}:tf:${tf.id}`,
    kind: 'task-force',
    taskForce: c,
    name: tf.name,
    units: [],
  };
}

/**
 * The tree: actors in the description's order (those without units left out), under each its
 * national command first, then task forces in the description's order, then "not known";
 * units in the description's order.
 */
export function buildOrbat(d: WorldDescription, commandOf: CommandOf): OrbatActor[] {
  const typeName = new Map(d.unitTypes.map((t) => [t.id, t.name]));
  const byActor = new Map<number, Map<string, OrbatCommand>>();
  d.units.forEach((u, i) => {
    const actor = d.actors[u.owner];
    if (!actor) return;
    const node = commandNode(d, actor.id, commandOf(i));
    const commands = byActor.get(u.owner) ?? new Map<string, OrbatCommand>();
    byActor.set(u.owner, commands);
    const command = commands.get(node.key) ?? node;
    commands.set(node.key, command);
    command.units.push({
      index: i,
      key: `u:${u.id}`,
      id: u.id,
      name: u.name,
      type: typeName.get(u.type) ?? u.type,
      typeId: u.type,
      sidc: u.sidc,
    });
  });
  const out: OrbatActor[] = [];
  d.actors.forEach((a, i) => {
    const commands = byActor.get(i);
    if (!commands) return;
    const list = [...commands.values()].sort(
      (x, y) => COMMAND_ORDER[x.kind] - COMMAND_ORDER[y.kind] || x.taskForce - y.taskForce,
    );
    const count = list.reduce((n, c) => n + c.units.length, 0);
    out.push({ key: `a:${a.id}`, index: i, name: a.name, color: a.color, commands: list, count });
  });
  return out;
}

/** Lower case, accents taken off ("Ménaka" → "menaka"). */
export function foldText(s: string): string {
  return s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The search's words, folded; none for a blank search. */
export function searchWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean);
}

/**
 * The tree cut down to the units whose name, id or type holds every word of `query`, with the
 * actors and commands above them (counts of what is left); the tree itself for a blank query.
 */
export function filterOrbat(tree: readonly OrbatActor[], query: string): OrbatActor[] {
  const words = searchWords(query);
  if (words.length === 0) return [...tree];
  const matches = (u: OrbatUnit) => {
    const hay = foldText(`${u.name} ${u.id} ${u.type} ${u.typeId}`);
    return words.every((w) => hay.includes(w));
  };
  const out: OrbatActor[] = [];
  for (const a of tree) {
    const commands = a.commands
      .map((c) => ({ ...c, units: c.units.filter(matches) }))
      .filter((c) => c.units.length > 0);
    if (commands.length === 0) continue;
    out.push({ ...a, commands, count: commands.reduce((n, c) => n + c.units.length, 0) });
  }
  return out;
}

/** Units in a tree (filtered or not). */
export function orbatCount(tree: readonly OrbatActor[]): number {
  return tree.reduce((n, a) => n + a.count, 0);
}

/** The keys of a unit's actor and command nodes (to open them when the unit is selected). */
export function orbatPath(
  tree: readonly OrbatActor[],
  unit: number,
): { actor: string; command: string; unit: string } | null {
  for (const a of tree)
    for (const c of a.commands)
      for (const u of c.units)
        if (u.index === unit) return { actor: a.key, command: c.key, unit: u.key };
  return null;
}
