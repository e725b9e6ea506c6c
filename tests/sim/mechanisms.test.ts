// Coordination mechanisms as scenario elements: validation names the place of a bad one, the
// set-mechanism order and the mechanism inject switch them mid-run, and each acts as built.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/scenario/validate';
import { OrderError } from '../../src/sim/session';
import { loaded, sim, ticksFor } from './driver';

function sahelWith(edit: (doc: Record<string, unknown[]>) => void) {
  const doc = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));
  edit(doc);
  return validateScenario(doc);
}

const problems = (v: ReturnType<typeof validateScenario>) =>
  v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);

describe('coordination mechanisms', () => {
  it('validation names bad references, self-liaison and duplicate ids across mechanisms', () => {
    const v = sahelWith((doc) => {
      doc.liaisonOffices!.push({ id: 'lo-x', name: 'X', from: 'mali', to: 'mali' });
      doc.dialogues!.push({
        id: 'jf-joc',
        name: 'Dup',
        participants: ['mali', 'atlantis'],
        everyDays: 7,
      });
      doc.injects!.push({
        id: 'i-x',
        at: 'D+1',
        kind: 'mechanism',
        mechanism: 'nope',
        active: true,
      });
    });
    const p = problems(v);
    expect(p).toContain(
      'liaisonOffices[2].to: found "mali"; a liaison office joins two different actors',
    );
    expect(p).toContain(
      'dialogues[1].id: found duplicate id "jf-joc"; ids must be unique across all coordination mechanisms',
    );
    expect(p.some((x) => x.startsWith('dialogues[1].participants[1]: found "atlantis"'))).toBe(
      true,
    );
    expect(
      p.some((x) =>
        x.startsWith(
          `injects[${loaded('sahel-ct').scenario.injects.length}].mechanism: found "nope"`,
        ),
      ),
    ).toBe(true);
  });

  it('an order opens the joint centre mid-run: its channels carry messages from then on', () => {
    const s = sim('sahel-ct', 3);
    const at = ticksFor(s, '2d');
    s.runTo(at);
    expect(() =>
      s.order({ tick: at, kind: 'set-mechanism', mechanism: 'nope', active: true }),
    ).toThrow(OrderError);
    s.order({ tick: at, kind: 'set-mechanism', mechanism: 'jf-joc', active: true });
    s.runTo(ticksFor(s, '6d'));
    const centre = s.def.centres[0]!;
    const onChannels = (e: { k: string; agreement?: number; t: number }) =>
      e.k === 'msg-send' && centre.channels.includes(e.agreement!);
    const sends = s.world.log.events.filter(onChannels);
    expect(sends.length).toBeGreaterThan(0);
    expect(Math.min(...sends.map((e) => e.t))).toBeGreaterThanOrEqual(at);
    expect(s.world.log.events.some((e) => e.k === 'mechanism' && e.active)).toBe(true);
  });

  it('the scenario inject brings liaison officers: Mali–Burkina messages then travel in half the time', () => {
    const s = sim('sahel-ct', 3);
    // The channel is suspended D+8 to D+16 by the MSEL; the officers arrive at D+9.
    s.runTo(ticksFor(s, '22d'));
    const inj = s.world.log.events.find((e) => e.k === 'mechanism');
    expect(inj?.k === 'mechanism' && inj.why).toBe('inject');
    const k = s.def.agreements.findIndex((a) => a.id === 'ag-ml-bf');
    const flights = s.world.log.events.flatMap((e) =>
      e.k === 'msg-send' && e.agreement === k ? [{ t: e.t, ticks: e.arrive - e.t }] : [],
    );
    const before = flights.filter((f) => f.t < inj!.t).map((f) => f.ticks);
    const after = flights.filter((f) => f.t >= inj!.t).map((f) => f.ticks);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.max(...after)).toBe(Math.ceil(Math.max(...before) / 2));
  });

  it('training raises the recipient’s readiness day by day and charges the provider', () => {
    const s = sim('sahel-ct', 3);
    s.runTo(ticksFor(s, '10d'));
    const days = s.world.log.events.filter((e) => e.k === 'training');
    expect(days).toHaveLength(10);
    expect(days.every((e) => e.k === 'training' && e.cost === 6)).toBe(true);
    const mali = s.def.actorIds.indexOf('mali');
    expect(s.world.s.readinessNorm[mali]).toBeCloseTo(0.7 + 10 * 0.004, 6);
  });

  it('a dialogue meets on schedule and raises trust between every pair of participants', () => {
    const s = sim('sahel-ct', 3);
    s.runTo(ticksFor(s, '11d'));
    const meetings = s.world.log.events.filter((e) => e.k === 'dialogue').map((e) => e.t);
    // D+3 10:00, then every 7 days.
    const first = ticksFor(s, '3d') + ticksFor(s, '10h');
    expect(meetings).toEqual([first, first + ticksFor(s, '7d')]);
    const reasons = s.world.log.events.filter((e) => e.k === 'trust' && e.t === first);
    expect(reasons.length).toBeGreaterThan(0);
  });
});
