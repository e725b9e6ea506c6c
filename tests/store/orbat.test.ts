// The ORBAT tree (src/store/orbat.ts) on sahel-ct: the white cell's holds every unit once,
// under its owner and its current command from the snapshot; a role's holds only what its
// description lists (G5 Sahel: the units of its joint force, under the task force); the white
// cell looking through Mali's eyes does not know the others' commands; a reassignment moves a
// unit to "National"; the search keeps matches by name, id or type (accents and case ignored)
// with their ancestors. And the rows and keys of the tree (src/ui/orbat/rows.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorldDescription } from '../../src/sim/describe';
import {
  buildOrbat,
  filterOrbat,
  type OrbatActor,
  orbatCount,
  orbatPath,
  snapshotCommands,
} from '../../src/store/orbat';
import { treeKey, visibleRows } from '../../src/ui/orbat/rows';
import type { SessionApi } from '../../workers/session-api';
import { loadedApi } from './fixture';

let api: SessionApi;
let d: WorldDescription;
let tree: OrbatActor[];
beforeAll(async () => {
  ({ api, description: d } = await loadedApi('sahel-ct', 7));
  tree = buildOrbat(d, snapshotCommands(d, await api.snapshot(-1, 0)));
});

const unitIds = (t: readonly OrbatActor[]) =>
  t.flatMap((a) => a.commands.flatMap((c) => c.units.map((u) => u.id)));
const shape = (t: readonly OrbatActor[]) =>
  t.map((a) => [a.name, a.count, a.commands.map((c) => [c.name, c.units.length])]);

describe('the ORBAT tree', () => {
  it("holds every unit of the white cell's description once, under its owner", () => {
    expect(orbatCount(tree)).toBe(d.units.length);
    expect(new Set(unitIds(tree)).size).toBe(d.units.length);
    const owners = new Set(d.units.map((u) => u.owner));
    expect(tree.map((a) => a.index)).toEqual([...owners].sort((a, b) => a - b));
    for (const a of tree)
      for (const c of a.commands)
        for (const u of c.units) expect(d.units[u.index]!.owner).toBe(a.index);
  });

  it('puts national command first, then the task force, from the snapshot', () => {
    const mali = tree.find((a) => a.name === 'Mali')!;
    expect(mali.commands.map((c) => [c.kind, c.name])).toEqual([
      ['national', 'National'],
      ['task-force', d.taskForces[0]!.name],
    ]);
    expect(mali.commands[1]!.units.map((u) => u.id)).toEqual([
      'ml-jf-boulkessi-1',
      'ml-jf-boulkessi-2',
      'ml-jf-menaka',
    ]);
    const unit = mali.commands[1]!.units[0]!;
    expect(unit.type).toMatch(/^Motorised infantry company/);
    expect(unit.sidc).toBe(d.units[unit.index]!.sidc);
    expect(orbatPath(tree, unit.index)).toEqual({
      actor: 'a:mali',
      command: 'c:mali:tf:jf-g5',
      unit: 'u:ml-jf-boulkessi-1',
    });
  });

  it("holds only what a role's description lists: G5 Sahel's joint force", async () => {
    const g5 = d.actors.findIndex((a) => a.id === 'g5-sahel');
    const rd = await api.roleDescribe(g5);
    const own = buildOrbat(rd, snapshotCommands(rd, await api.roleSnapshot(g5, 0)));
    expect(unitIds(own)).toEqual(rd.units.map((u) => u.id));
    expect(orbatCount(own)).toBeLessThan(d.units.length);
    for (const a of own) expect(a.commands.map((c) => c.kind)).toEqual(['task-force']);
  });

  it("does not know another actor's command through an actor's eyes", async () => {
    const mali = d.actors.findIndex((a) => a.id === 'mali');
    const seen = buildOrbat(d, snapshotCommands(d, await api.snapshot(mali, 0)));
    expect(seen.find((a) => a.index === mali)!.commands.map((c) => c.kind)).toEqual([
      'national',
      'task-force',
    ]);
    for (const a of seen.filter((x) => x.index !== mali))
      expect(a.commands.map((c) => c.kind)).toEqual(['unknown']);
    // No snapshot yet: nothing is known.
    const none = buildOrbat(d, snapshotCommands(d, null));
    expect(none.every((a) => a.commands.length === 1 && a.commands[0]!.kind === 'unknown')).toBe(
      true,
    );
  });

  it('follows a reassignment to national command', async () => {
    const r = await api.order({
      tick: 0,
      kind: 'assign',
      unit: 'ml-jf-boulkessi-1',
      command: 'national',
    });
    expect(r.ok).toBe(true);
    await api.step(1);
    const after = buildOrbat(d, snapshotCommands(d, await api.snapshot(-1, 0)));
    const mali = after.find((a) => a.name === 'Mali')!;
    expect(mali.commands[0]!.units.map((u) => u.id)).toContain('ml-jf-boulkessi-1');
    expect(mali.commands[1]!.units.map((u) => u.id)).not.toContain('ml-jf-boulkessi-1');
  });
});

describe('searching the ORBAT', () => {
  it('keeps the Malian units of Boulkessi with their actor and task force', () => {
    const found = filterOrbat(tree, 'boulkessi');
    expect(shape(found)).toEqual([['Mali', 2, [[d.taskForces[0]!.name, 2]]]]);
    expect(unitIds(found)).toEqual(['ml-jf-boulkessi-1', 'ml-jf-boulkessi-2']);
    expect(filterOrbat(tree, '  BOULKESSI  ')).toEqual(found);
  });

  it('ignores accents and case, and matches ids and types; every word must match', () => {
    const menaka = unitIds(filterOrbat(tree, 'MENAKA'));
    expect(menaka).toEqual(['ml-menaka', 'ml-jf-menaka']); // national first
    expect(unitIds(filterOrbat(tree, 'Ménaka JF'))).toEqual(['ml-jf-menaka']);
    expect(unitIds(filterOrbat(tree, 'pt-uav'))).toEqual(['pt-uav-1', 'pt-uav-2', 'pt-uav-east']);
    const helos = unitIds(filterOrbat(tree, 'attack helicopter'));
    expect(helos.length).toBeGreaterThan(3);
    expect(helos.every((id) => id.includes('helo'))).toBe(true);
    expect(unitIds(filterOrbat(tree, 'mi-24'))).toEqual(helos); // the type's name
    expect(filterOrbat(tree, 'no such unit')).toEqual([]);
    expect(filterOrbat(tree, '   ')).toEqual(tree);
  });
});

describe("the tree's rows and keys", () => {
  it('shows the children of open groups only, with levels and positions', () => {
    const closed = new Set(tree.map((a) => a.key));
    const top = visibleRows(tree, closed);
    expect(top.map((r) => r.level)).toEqual(tree.map(() => 1));
    expect(top[1]).toMatchObject({ kind: 'actor', pos: 2, setSize: tree.length, expanded: false });
    closed.delete('a:mali');
    closed.add('c:mali:national');
    const rows = visibleRows(tree, closed);
    const mali = rows.findIndex((r) => r.key === 'a:mali');
    expect(rows.slice(mali, mali + 6).map((r) => [r.key, r.level])).toEqual([
      ['a:mali', 1],
      ['c:mali:national', 2],
      ['c:mali:tf:jf-g5', 2],
      ['u:ml-jf-boulkessi-1', 3],
      ['u:ml-jf-boulkessi-2', 3],
      ['u:ml-jf-menaka', 3],
    ]);
    expect(rows[mali + 3]).toMatchObject({ parent: 'c:mali:tf:jf-g5', pos: 1, setSize: 3 });
  });

  it('moves, opens, closes and chooses as the WAI-ARIA tree pattern says', () => {
    const rows = visibleRows(filterOrbat(tree, 'boulkessi'), new Set());
    const keys = rows.map((r) => r.key);
    expect(keys).toEqual([
      'a:mali',
      'c:mali:tf:jf-g5',
      'u:ml-jf-boulkessi-1',
      'u:ml-jf-boulkessi-2',
    ]);
    const unit = (rows[2] as Extract<(typeof rows)[number], { kind: 'unit' }>).unit.index;
    expect(treeKey(rows, 'a:mali', 'ArrowDown')).toEqual({ do: 'focus', key: keys[1] });
    expect(treeKey(rows, 'a:mali', 'ArrowUp')).toEqual({ do: 'search' });
    expect(treeKey(rows, keys[3]!, 'ArrowDown')).toBeNull();
    expect(treeKey(rows, keys[2]!, 'Home')).toEqual({ do: 'focus', key: 'a:mali' });
    expect(treeKey(rows, 'a:mali', 'End')).toEqual({ do: 'focus', key: keys[3] });
    expect(treeKey(rows, 'a:mali', 'ArrowRight')).toEqual({ do: 'focus', key: keys[1] });
    expect(treeKey(rows, keys[1]!, 'ArrowLeft')).toEqual({ do: 'close', key: keys[1] });
    expect(treeKey(rows, keys[2]!, 'ArrowLeft')).toEqual({ do: 'focus', key: keys[1] });
    expect(treeKey(rows, keys[2]!, 'ArrowRight')).toBeNull();
    expect(treeKey(rows, keys[2]!, 'Enter')).toEqual({ do: 'choose', unit });
    expect(treeKey(rows, keys[2]!, ' ')).toEqual({ do: 'choose', unit });
    expect(treeKey(rows, 'a:mali', 'Enter')).toEqual({ do: 'close', key: 'a:mali' });
    const shut = visibleRows(filterOrbat(tree, 'boulkessi'), new Set(['a:mali']));
    expect(treeKey(shut, 'a:mali', 'ArrowRight')).toEqual({ do: 'open', key: 'a:mali' });
    expect(treeKey(shut, 'a:mali', 'ArrowLeft')).toBeNull();
    expect(treeKey(shut, 'a:mali', 'x')).toBeNull();
  });
});
