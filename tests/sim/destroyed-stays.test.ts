// A destroyed unit stays destroyed (issue 11, item 8.5): no order, tasking, withdrawal of a
// right or of a member, or resupply brings it back. Before, a right withdrawn sent a unit
// destroyed abroad home (task `return`), and a member's withdrawal did so to a unit destroyed
// while its task force had it tasked; on arrival it resupplied and went back out.
import { describe, expect, it } from 'vitest';
import { TASK } from '../../src/sim/codes';
import { checkOrder, WHITE_CELL } from '../../src/sim/order-check';
import type { Session } from '../../src/sim/session';
import type { Order } from '../../src/sim/world';
import { sim, ticksFor } from './driver';

/** Lost in a fight as engagement left it before the fix: its tasking's fields still set. */
function destroy(s: Session, id: string, taskNode = -1): number {
  const st = s.world.s;
  const u = s.def.unitIds.indexOf(id);
  st.uStr[u] = 0;
  st.uTask[u] = TASK.destroyed;
  st.uEngaged[u] = -1;
  st.uPath[u] = null;
  if (taskNode >= 0) {
    st.uTaskNode[u] = taskNode;
    st.uTaskCell[u] = 0;
  }
  return u;
}

describe('destroyed units stay destroyed (au-somalia)', () => {
  it('orders, a withdrawn right and a member leaving its organisation leave it destroyed', () => {
    const s = sim('au-somalia', 7);
    s.runTo(ticksFor(s, '6h'));
    const ug = destroy(s, 'ug-qrf-1');
    const tf = s.def.nActors + s.def.taskForces.findIndex((t) => t.id === 'tf-au');
    const bi = destroy(s, 'bi-qrf', tf);
    const where = [s.world.s.ux[ug], s.world.s.uy[ug], s.world.s.ux[bi], s.world.s.uy[bi]];
    const t = s.tick;
    // Replay applies orders unchecked: the engine itself must refuse to revive.
    s.order({ tick: t, kind: 'return', unit: 'ug-qrf-1' });
    s.order({ tick: t, kind: 'release', unit: 'ug-qrf-1' });
    s.order({ tick: t, kind: 'assign', unit: 'ug-qrf-1', command: 'national' });
    s.order({ tick: t, kind: 'set-right', right: 'tr-so-ug', active: false });
    s.order({
      tick: t + 1,
      kind: 'inject',
      inject: {
        id: 'bi-out',
        at: 'D+0',
        kind: 'withdraw',
        actor: 'burundi',
        organisation: 'au-mission',
      },
    });
    for (let k = 0; k < 24; k++) {
      s.step(4);
      for (const u of [ug, bi]) expect(s.world.s.uTask[u]).toBe(TASK.destroyed);
    }
    expect([s.world.s.ux[ug], s.world.s.uy[ug], s.world.s.ux[bi], s.world.s.uy[bi]]).toEqual(where);
    const events = s.world.log.events.filter(
      (e) => e.t >= t && 'unit' in e && (e.unit === ug || e.unit === bi),
    );
    expect(events.filter((e) => e.k === 'resupply' || e.k === 'task')).toEqual([]);
  });

  it('the order check refuses any order to a destroyed unit, in words', () => {
    const s = sim('au-somalia', 7);
    destroy(s, 'ug-qrf-1');
    const why = /: destroyed; it can no longer be ordered$/;
    const orders: Order[] = [
      { tick: 0, kind: 'return', unit: 'ug-qrf-1' },
      { tick: 0, kind: 'release', unit: 'ug-qrf-1' },
      { tick: 0, kind: 'assign', unit: 'ug-qrf-1', command: 'national' },
      { tick: 0, kind: 'move', unit: 'ug-qrf-1', position: [45.3, 2.05] },
    ];
    for (const o of orders) expect(checkOrder(s.world, WHITE_CELL, o)).toMatch(why);
  });
});
