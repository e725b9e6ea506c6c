// Force flow (issue 11, item 8.4): a scenario inject brings units in at a given time — a
// deployment or reinforcement. Its units are in the arrays from load, `not-arrived` (out of
// the world: no movement, sensing, fighting, tasking, costs, orders) until the inject fires;
// then they take up their standing tasks like any unit of their owner, in the snapshot, the
// owner's role view and its feed. au-somalia schedules one: two UPDF companies at D+12 08:00.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mselFromScenario } from '../../src/exercise/msel';
import { validateScenario } from '../../src/scenario/validate';
import { TASK } from '../../src/sim/codes';
import { checkOrder, WHITE_CELL } from '../../src/sim/order-check';
import { roleEvents } from '../../src/sim/role-events';
import { roleDescription, roleSnapshot } from '../../src/sim/role-view';
import { takeSnapshot } from '../../src/sim/snapshot';
import { loaded, sim } from './driver';

const IDS = ['ug-reinf-inf-1', 'ug-reinf-inf-2'];

describe('force-flow inject: schema and references', () => {
  const doc = () => JSON.parse(readFileSync('scenarios/au-somalia.json', 'utf8'));
  const at = (d: { injects: Array<{ kind: string }> }) =>
    d.injects.findIndex((i) => i.kind === 'force-flow');

  it('the bundled au-somalia inject validates', () => {
    expect(validateScenario(doc()).ok).toBe(true);
  });

  it('bad references and duplicate ids are named by JSON path', () => {
    const d = doc();
    const k = at(d);
    const u = d.injects[k].units[0];
    u.type = 'battleship';
    u.base = 'nowhere';
    u.task = { kind: 'patrol-area', zone: 'atlantis' };
    d.injects[k].units.push({ ...d.units[0] });
    const v = validateScenario(d);
    expect(v.ok).toBe(false);
    const paths = v.ok ? [] : v.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `injects[${k}].units[0].type`,
        `injects[${k}].units[0].base`,
        `injects[${k}].units[0].task.zone`,
        `injects[${k}].units[1].id`,
      ]),
    );
  });

  it('an empty unit list is refused by the schema', () => {
    const d = doc();
    d.injects[at(d)].units = [];
    const v = validateScenario(d);
    expect(v.ok ? [] : v.problems.map((p) => p.path)).toContain(`injects[${at(d)}].units`);
  });

  it('an exercise MSEL leaves it to the engine (it cannot be fired live)', () => {
    const { scenario } = loaded('au-somalia');
    expect(
      mselFromScenario(scenario).some((e) => e.effect?.kind === ('force-flow' as string)),
    ).toBe(false);
    const s = sim('au-somalia', 7);
    expect(() =>
      s.order({
        tick: 0,
        kind: 'inject',
        inject: { ...scenario.injects.find((i) => i.kind === 'force-flow')!, id: 'again' },
      }),
    ).toThrow(/force flow cannot be given live/);
  });
});

describe('force-flow inject: the engine (au-somalia, seed 7)', () => {
  const s = sim('au-somalia', 7);
  const { def } = s;
  const units = IDS.map((id) => def.unitIds.indexOf(id));
  const uganda = def.actorIds.indexOf('uganda');
  const kenya = def.actorIds.indexOf('kenya');
  const inj = def.scenario.injects.findIndex((i) => i.kind === 'force-flow');
  const due = def.injectTicks[inj]!;

  it('before its time the units exist but are out of the world', () => {
    expect(units.every((u) => u >= 0)).toBe(true);
    expect([...units].map((u) => def.uArrive[u])).toEqual([inj, inj]);
    const start = units.map((u) => [s.world.s.ux[u], s.world.s.uy[u]]);
    s.runTo(due);
    for (const u of units) {
      expect(s.world.s.uTask[u]).toBe(TASK.notArrived);
      expect(s.world.unitInclude[u]).toBe(0);
      expect(s.world.s.uFuel[u]).toBe(def.uFuelCap[u]);
      expect(
        checkOrder(s.world, WHITE_CELL, { tick: s.tick, kind: 'return', unit: def.unitIds[u]! }),
      ).toMatch(/not yet arrived in theatre/);
    }
    expect(units.map((u) => [s.world.s.ux[u], s.world.s.uy[u]])).toEqual(start);
    const named = s.world.log.events.filter((e) => 'unit' in e && units.includes(e.unit));
    expect(named).toEqual([]);
    expect(takeSnapshot(s.world, -1).units.task[units[0]!]).toBe(TASK.notArrived);
  });

  it('at its time they arrive, logged, and act like any Ugandan unit', () => {
    s.step(1);
    const arrivals = s.world.log.events.filter((e) => e.k === 'arrive');
    expect(arrivals.map((e) => ('unit' in e ? e.unit : -1))).toEqual(units);
    expect(arrivals.every((e) => e.t === due)).toBe(true);
    for (const u of units) expect(s.world.s.uTask[u]).toBe(TASK.patrolArea);
    const from = units.map((u) => [s.world.s.ux[u], s.world.s.uy[u]]);
    s.step(8);
    expect(units.map((u) => [s.world.s.ux[u], s.world.s.uy[u]])).not.toEqual(from);
    for (const u of units) expect(s.world.unitInclude[u]).toBe(1);
    expect(checkOrder(s.world, uganda, { tick: s.tick, kind: 'return', unit: IDS[0]! })).toBeNull();
    // The white cell's snapshot, and Uganda's role view and feed, hold them.
    expect(takeSnapshot(s.world, -1).units.task[units[0]!]).toBe(TASK.patrolArea);
    const rd = roleDescription(def, uganda);
    const k = rd.description.units.findIndex((x) => x.id === IDS[0]);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(rd.description.units[k]!.name).toBe('UPDF reinforcement infantry coy (Marka) 1');
    const snap = roleSnapshot(s.world, uganda);
    expect(snap.units.task[k]).toBe(TASK.patrolArea);
    expect(snap.units.strength[k]).toBe(1);
    const feed = roleEvents(s.world, uganda, due, due + 1);
    expect(feed.filter((e) => e.k === 'arrive').map((e) => e.unit)).toEqual(IDS);
    expect(feed.some((e) => e.k === 'inject' && e.kind === 'force-flow')).toBe(true);
    // Another nation is told nothing of it.
    const other = roleEvents(s.world, kenya, due, due + 1);
    expect(
      other.some((e) => e.k === 'arrive' || (e.k === 'inject' && e.kind === 'force-flow')),
    ).toBe(false);
  });
});
