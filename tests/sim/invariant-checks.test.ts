// The invariant checks can fail: each corruption of a real session's state or log is reported
// with its seed, tick and unit, and one error lists the first few. (The 20-seed sweep that
// uses them, invariants.test.ts, is in the slow tier; this file is in the fast one.)
import { describe, expect, it } from 'vitest';
import { TASK } from '../../src/sim/codes';
import { sim, ticksFor } from './driver';
import {
  checkMessages,
  checkTick,
  newTally,
  remember,
  runChecked,
  Violations,
} from './invariant-checks';

describe('invariant checks', () => {
  it('pass on a clean day of sahel-ct', () => {
    const session = sim('sahel-ct', 1);
    const tally = newTally();
    runChecked(session, ticksFor(session, '1d'), tally, 'sahel-ct');
    expect(tally.unitTicks).toBeGreaterThan(0);
  });

  it('report negative fuel and stocks, a unit off the map and a stranded unit that moved', () => {
    const session = sim('sahel-ct', 1);
    session.step(4);
    const mem = remember(session);
    const v = new Violations();
    checkTick(session, mem, v, newTally());
    expect(v.count).toBe(0);

    const { s, def } = session.world;
    s.uFuel[0] = -1;
    s.bSup[0] = -5;
    s.ux[1] = -1e6;
    s.uTask[2] = TASK.stranded;
    checkTick(session, mem, v, newTally());
    s.ux[2] = s.ux[2]! + 3;
    checkTick(session, mem, v, newTally());

    const tick = s.tick;
    expect(v.first).toEqual(
      expect.arrayContaining([
        `seed 1 tick ${tick} unit ${def.unitIds[0]}: fuel -1 < 0`,
        `seed 1 tick ${tick} unit ${def.unitIds[1]}: outside the map`,
        'seed 1 tick 4: base 0 supply stock -5 < 0',
        expect.stringMatching(
          new RegExp(`^seed 1 tick ${tick} unit ${def.unitIds[2]}: stranded at`),
        ),
      ]),
    );
    expect(() => v.throwIfAny('sahel-ct')).toThrow(
      /^sahel-ct: \d+ invariant violations:\n {2}seed 1/,
    );
  });

  it('report a message that arrives unsent or faster than its agreement allows', () => {
    const session = sim('sahel-ct', 1);
    session.step(2);
    const log = session.world.log;
    log.push(2, 'msg-arrive', { msg: 999_999, from: 0, to: 1, cell: 0 });
    log.push(2, 'msg-send', { msg: 999_998, from: 0, to: 1, agreement: 0, cell: 0, arrive: 2 });
    const v = new Violations();
    checkMessages(session, v, newTally());
    expect(v.first).toEqual([
      'seed 1 tick 2: (event at tick 2) message 999999 arrived but was never sent',
      expect.stringMatching(
        /^seed 1 tick 2: \(event at tick 2\) message 999998 over agreement 0 took 0 min < \d/,
      ),
    ]);
  });

  it('fail once, listing the first ten of many', () => {
    const session = sim('sahel-ct', 1);
    const v = new Violations();
    for (let i = 0; i < 25; i++) v.add(session, `broken ${i}`, 0);
    expect(v.count).toBe(25);
    expect(() => v.throwIfAny('x')).toThrow(
      /^x: 25 invariant violations:\n(?: {2}seed 1 tick 0 unit \S+: broken \d+\n){10} {2}… and 15 more$/,
    );
  });
});
