// Order checks in words (src/sim/order-check.ts) on real scenario situations: what a player
// may not order and why, what the white cell may, and that accepted orders do what they say.
import { describe, expect, it } from 'vitest';
import { CAVEAT, ORDERED, TASK } from '../../src/sim/codes';
import { cellOf } from '../../src/sim/geo/raster';
import { checkOrder, WHITE_CELL } from '../../src/sim/order-check';
import type { Session } from '../../src/sim/session';
import { homeOf, isNight } from '../../src/sim/systems/units';
import type { Order } from '../../src/sim/world';
import { sim, ticksFor } from './driver';

const actor = (s: Session, id: string) => s.def.actorIds.indexOf(id);
const unit = (s: Session, id: string) => s.def.unitIds.indexOf(id);
const move = (s: Session, id: string, lon: number, lat: number): Order => ({
  tick: s.tick,
  kind: 'move',
  unit: id,
  position: [lon, lat],
});
const QRF = 'Malian reaction coy (Sévaré)';
/** Tahoua, 400 km inside Niger. */
const TAHOUA: [number, number] = [5.27, 14.89];

describe('order checks on sahel-ct', () => {
  const s = sim('sahel-ct', 7);
  const mali = actor(s, 'mali');

  it('a Malian unit ordered deep into Niger: no transit right (a hot-pursuit right is not one)', () => {
    const o = move(s, 'ml-qrf', ...TAHOUA);
    const why = `${QRF}: Mali holds no transit right into Niger (its hot-pursuit right covers only chasing a track across the border)`;
    expect(checkOrder(s.world, mali, o)).toBe(why);
    // Sovereignty binds the white cell too: the unit could not legally go.
    expect(checkOrder(s.world, WHITE_CELL, o)).toBe(why);
  });

  it('an own-territory-only unit ordered abroad, or to patrol abroad: its caveat', () => {
    expect(checkOrder(s.world, mali, move(s, 'ml-gend-1', -1.6, 13.9))).toBe(
      'Malian gendarmerie squadron (Mopti) 1: caveat: own territory only (that is Burkina Faso)',
    );
    expect(
      checkOrder(s.world, mali, {
        tick: 0,
        kind: 'patrol-area',
        unit: 'ml-gend-1',
        zone: 'pa-soum',
      }),
    ).toBe(
      'Malian gendarmerie squadron (Mopti) 1: no part of Patrol area Soum (Djibo–Arbinda) is open to it: caveat: own territory only (that is Burkina Faso)',
    );
    expect(
      checkOrder(s.world, mali, { tick: 0, kind: 'patrol-area', unit: 'ml-qrf', zone: 'pa-tera' }),
    ).toMatch(
      /^Malian reaction coy \(Sévaré\): no part of .* is open to it: Mali holds no transit/,
    );
  });

  it('a unit with too little fuel ordered far away: not enough to get there and back', () => {
    const t = sim('sahel-ct', 7);
    const u = unit(t, 'ml-qrf');
    t.world.s.uFuel[u] = 2; // hours at full speed: 120 km all told
    const gao = move(t, 'ml-qrf', -0.04, 16.27);
    expect(checkOrder(t.world, mali, gao)).toMatch(
      /^Malian reaction coy \(Sévaré\): not enough fuel to get there and back \(needs \d+\.\d h of fuel, has 2\.0 h\)$/,
    );
    expect(checkOrder(t.world, WHITE_CELL, gao)).toMatch(/not enough fuel/);
    // Close by is fine.
    expect(checkOrder(t.world, mali, move(t, 'ml-qrf', -3.9, 14.55))).toBeNull();
  });

  it("another actor's unit, and a unit under a task force, are not Mali's to order", () => {
    // Another's unit is refused without a word about it: no id, owner, name, command or fate.
    expect(checkOrder(s.world, mali, move(s, 'ne-qrf', 2, 14))).toBe(
      'this unit is not yours to command',
    );
    expect(checkOrder(s.world, mali, { tick: 0, kind: 'return', unit: 'ml-jf-menaka' })).toBe(
      "Malian JF coy (Ménaka): under G5 Sahel Joint Force (FC-G5S)'s command; assign it back to national command first",
    );
    // The owner may take it back; the task force's commander may order it.
    const back: Order = { tick: 0, kind: 'assign', unit: 'ml-jf-menaka', command: 'national' };
    expect(checkOrder(s.world, mali, back)).toBeNull();
    const g5 = actor(s, 'g5-sahel');
    expect(checkOrder(s.world, g5, { tick: 0, kind: 'return', unit: 'ml-jf-menaka' })).toBeNull();
    expect(checkOrder(s.world, actor(s, 'niger'), back)).toBe('this unit is not yours to command');
  });

  it('a nation places units only under a task force of its own or of its organisation', () => {
    const jf: Order = { tick: 0, kind: 'assign', unit: 'ml-qrf', command: 'jf-g5' };
    expect(checkOrder(s.world, mali, jf)).toBeNull();
    const pt = actor(s, 'partner');
    expect(checkOrder(s.world, pt, { ...jf, unit: 'pt-qrf-1' })).toBe(
      'External Partner (EUFOR-like) cannot place units under G5 Sahel Joint Force (FC-G5S): it is not a member of G5 Sahel (Permanent Secretariat / Joint Force HQ), which commands it',
    );
  });

  it('agreements, rights and mechanisms only by a party; trust and automatic tasking only its own', () => {
    const agree: Order = { tick: 0, kind: 'set-agreement', agreement: 'ag-bf-ne', active: false };
    expect(checkOrder(s.world, mali, agree)).toBe(
      'Mali is not party to Burkina Faso–Niger liaison cell (Liptako)',
    );
    expect(checkOrder(s.world, actor(s, 'niger'), agree)).toBeNull();
    expect(checkOrder(s.world, WHITE_CELL, agree)).toBeNull();
    const right: Order = { tick: 0, kind: 'set-right', right: 'hp-ne-bf', active: false };
    expect(checkOrder(s.world, mali, right)).toMatch(/^Mali is not party to Niger's hot-pursuit/);
    const mech: Order = {
      tick: 0,
      kind: 'set-mechanism',
      mechanism: 'lo-partner-niger',
      active: false,
    };
    expect(checkOrder(s.world, mali, mech)).toMatch(/^Mali is not party to /);
    const trust: Order = { tick: 0, kind: 'set-trust', from: 'niger', to: 'mali', value: 1 };
    expect(checkOrder(s.world, mali, trust)).toBe(
      "Mali sets only its own trust in others, not Niger's",
    );
    expect(checkOrder(s.world, mali, { ...trust, from: 'mali', to: 'niger' })).toBeNull();
    const auto: Order = { tick: 0, kind: 'auto-tasking', actor: 'niger', on: false };
    expect(checkOrder(s.world, mali, auto)).toBe(
      "Mali switches only its own staff's automatic tasking",
    );
    const inject: Order = {
      tick: 0,
      kind: 'inject',
      inject: { id: 'x-1', at: 'D+0', kind: 'funding', actor: 'mali', amount: 5 },
    };
    expect(checkOrder(s.world, mali, inject)).toBe('only the white cell gives injects');
    expect(checkOrder(s.world, WHITE_CELL, inject)).toBeNull();
  });

  it('a destroyed unit cannot be ordered; a unit not under orders has nothing to release', () => {
    const t = sim('sahel-ct', 7);
    const release: Order = { tick: 0, kind: 'release', unit: 'ml-qrf' };
    expect(checkOrder(t.world, mali, release)).toBe(`${QRF}: not under orders: nothing to release`);
    t.world.s.uTask[unit(t, 'ml-qrf')] = TASK.destroyed;
    expect(checkOrder(t.world, WHITE_CELL, move(t, 'ml-qrf', -3.9, 14.55))).toBe(
      `${QRF}: destroyed; it can no longer be ordered`,
    );
    // Another nation learns nothing of its fate: the refusal is the same as for a live unit.
    expect(checkOrder(t.world, actor(t, 'niger'), release)).toBe(
      'this unit is not yours to command',
    );
  });

  it('names that do not exist are refused like Session.order refuses them', () => {
    expect(checkOrder(s.world, mali, move(s, 'nope', 0, 15))).toBe('no unit "nope"');
    expect(
      checkOrder(s.world, mali, { tick: 0, kind: 'patrol-area', unit: 'ml-qrf', zone: 'nope' }),
    ).toBe('no zone "nope"');
  });
});

describe('order checks on sea-maritime', () => {
  const s = sim('sea-maritime', 7);
  const indonesia = actor(s, 'indonesia');

  it('a ship ordered inland: it cannot go on land, whoever orders it', () => {
    const o = move(s, 'id-kri-batam-1', 101.5, 0.5);
    const why = 'TNI-AL patrol vessels, Batam 1: a ship cannot go on land';
    expect(checkOrder(s.world, indonesia, o)).toBe(why);
    expect(checkOrder(s.world, WHITE_CELL, o)).toBe(why);
  });

  it("into Malaysia's waters: no right for ships; an own-waters-only vessel: its caveat", () => {
    expect(checkOrder(s.world, indonesia, move(s, 'id-kri-batam-1', 101.2, 2.9))).toBe(
      "TNI-AL patrol vessels, Batam 1: Indonesia's transit right into Malaysia's waters does not cover sea units",
    );
    expect(checkOrder(s.world, indonesia, move(s, 'id-kplp-dumai-1', 101.2, 2.9))).toBe(
      "Sea and coast guard (KPLP) vessels, Dumai 1: caveat: own territory only (that is Malaysia's waters)",
    );
  });

  it('no legal route: a Thai ship in the Andaman Sea ordered into the Gulf of Thailand', () => {
    expect(checkOrder(s.world, actor(s, 'thailand'), move(s, 'th-opv-1', 100.5, 8.0))).toBe(
      'RTN patrol vessels, Phang Nga 1: no legal route there (the direct way: a ship cannot go on land)',
    );
  });

  it('a no-night helicopter may be ordered at night: it halts until day, no refusal', () => {
    const t = sim('sea-maritime', 7);
    t.runTo(ticksFor(t, '20h'));
    const heli = unit(t, 'ph-heli');
    expect(t.def.uCaveats[heli]! & CAVEAT.noNight).toBeTruthy();
    expect(isNight(t.world, t.world.s.ux[heli]!)).toBe(true);
    expect(checkOrder(t.world, actor(t, 'philippines'), move(t, 'ph-heli', 120.2, 5.3))).toBeNull();
  });
});

describe('accepted orders do what they say', () => {
  it('move: the unit goes there, holds, and its staff does not task it', () => {
    const s = sim('sahel-ct', 7);
    const mali = actor(s, 'mali');
    const u = unit(s, 'ml-qrf');
    s.runTo(ticksFor(s, '1d'));
    const o = move(s, 'ml-qrf', -3.5, 14.8);
    expect(checkOrder(s.world, mali, o)).toBeNull();
    s.order(o);
    const from = s.world.log.events.length;
    s.runTo(ticksFor(s, '4d'));
    const { ux, uy, uOrderX, uOrderY } = s.world.s;
    expect(Math.hypot(ux[u]! - uOrderX[u]!, uy[u]! - uOrderY[u]!)).toBeLessThan(0.5);
    const x = (-3.5 - s.def.masks.proj.west) * s.def.masks.proj.kx;
    expect(Math.abs(ux[u]! - x)).toBeLessThan(1);
    expect(s.world.s.uTask[u]).toBe(TASK.idle);
    expect(s.world.s.uOrdered[u]).toBe(ORDERED.move);
    const later = s.world.log.events.slice(from);
    expect(later.some((e) => e.k === 'task' && e.unit === u)).toBe(false);
  });

  it('patrol-area: the unit patrols inside the zone', () => {
    const s = sim('sahel-ct', 7);
    const u = unit(s, 'ml-qrf');
    const z = s.def.zones.findIndex((x) => x.id === 'pa-gourma');
    const o: Order = { tick: 0, kind: 'patrol-area', unit: 'ml-qrf', zone: 'pa-gourma' };
    expect(checkOrder(s.world, actor(s, 'mali'), o)).toBeNull();
    s.order(o);
    s.runTo(ticksFor(s, '1d'));
    let inside = 0;
    let samples = 0;
    for (let t = 0; t < 48; t++) {
      s.step(2);
      const c = cellOf(s.def.masks.spec, s.world.s.ux[u]!, s.world.s.uy[u]!);
      samples++;
      if (c >= 0 && ((s.def.masks.zones[c]! >>> z) & 1) === 1) inside++;
    }
    expect(s.world.s.uTask[u]).toBe(TASK.patrolArea);
    expect(inside / samples).toBeGreaterThan(0.8);
  });

  it('return: home, resupplied, and there it stays until released', () => {
    const s = sim('sahel-ct', 7);
    const u = unit(s, 'ml-menaka'); // patrols the Ménaka area
    s.runTo(ticksFor(s, '1d'));
    const o: Order = { tick: s.tick, kind: 'return', unit: 'ml-menaka' };
    expect(checkOrder(s.world, actor(s, 'mali'), o)).toBeNull();
    s.order(o);
    s.runTo(ticksFor(s, '3d'));
    const [hx, hy] = homeOf(s.world, u);
    expect(Math.hypot(hx - s.world.s.ux[u]!, hy - s.world.s.uy[u]!)).toBeLessThan(1);
    expect(s.world.s.uTask[u]).toBe(TASK.idle);
    expect(s.world.s.uFuel[u]).toBeGreaterThan(0.5 * s.def.uFuelCap[u]!);
    s.order({ tick: s.tick, kind: 'release', unit: 'ml-menaka' });
    s.step(1);
    expect(s.world.s.uOrdered[u]).toBe(ORDERED.none);
    expect(s.world.s.uTask[u]).toBe(TASK.patrolArea); // back to its standing patrol
  });
});
