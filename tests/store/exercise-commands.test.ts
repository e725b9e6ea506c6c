// The exercise's UI commands over an app session with an in-process engine (no worker, no
// map): who the screen passes to next, the default played actors, the setup form and its
// passcodes, and a hot-seat turn — hand over, a wrong passcode refused, each role's own view and
// orders, ready, execute, the execution phase ending at its span — plus agreements in play.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { type AppSession, createAppSession } from '../../src/store/app';
import type { EngineApi } from '../../src/store/engine-api';
import { getExercise } from '../../src/store/exercise';
import {
  type ActorInfo,
  createExerciseCommands,
  createOptions,
  defaultPlayed,
  type ExerciseCommands,
  hashPasscode,
  nextRole,
  type SetupForm,
  setupProblems,
} from '../../src/store/exercise-commands';
import { getSession } from '../../src/store/session';
import type { ExerciseView } from '../../workers/exercise-view';
import { SessionApi } from '../../workers/session-api';

const doc = (name: string): unknown => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));

function roles(ready: string[], phase: 'planning' | 'executing' = 'planning', mode = 'turns') {
  return {
    roles: ['white', 'mali', 'niger', 'burkina'].map((id) => ({
      id,
      name: id,
      actor: id === 'white' ? null : id,
      hasPasscode: false,
      autoTasking: true,
    })),
    turn: { mode, phase, turn: 1, executeTo: null, ready, deadline: null },
  } as unknown as Pick<ExerciseView, 'roles' | 'turn'>;
}

describe('hand-over order and setup rules', () => {
  it('passes to the roles not yet ready, in order after the current one, then the white cell', () => {
    expect(nextRole(roles([]), 'white')).toBe('mali');
    expect(nextRole(roles(['mali']), 'mali')).toBe('niger');
    expect(nextRole(roles(['mali']), 'niger')).toBe('burkina');
    // Burkina is ready but Mali is not: back round to Mali.
    expect(nextRole(roles(['burkina', 'niger']), 'burkina')).toBe('mali');
    expect(nextRole(roles(['mali', 'niger', 'burkina']), 'burkina')).toBe('white');
    expect(nextRole(roles(['mali', 'niger', 'burkina']), 'white')).toBe('white');
    // Real time: the next played role, the white cell after the last.
    expect(nextRole(roles([], 'planning', 'realtime'), 'niger')).toBe('burkina');
    expect(nextRole(roles([], 'planning', 'realtime'), 'burkina')).toBe('white');
    expect(nextRole(roles([], 'planning', 'realtime'), 'white')).toBe('mali');
  });

  it("plays a scenario's main nations by default: regional nations with most units", () => {
    type Doc = { actors: ActorInfo[]; units: Array<{ owner: string; count?: number }> };
    const sahel = doc('sahel-ct') as Doc;
    const played = defaultPlayed(sahel.actors, sahel.units);
    expect(played).toHaveLength(3);
    expect(played).toEqual(expect.arrayContaining(['mali', 'niger']));
    expect(played).not.toContain('g5-sahel');
    expect(played).not.toContain('partner');
    const sea = doc('sea-maritime') as Doc;
    for (const a of defaultPlayed(sea.actors, sea.units))
      expect(sea.actors.find((x) => x.id === a)?.kind).toBe('nation');
  });

  it('names what is wrong with the form, and hashes passcodes with a salt', async () => {
    const form: SetupForm = {
      title: 'Liptako',
      name: 'sahel-ct',
      doc: {},
      seed: '7',
      mode: 'turns',
      executionHours: '6',
      planningMinutes: '',
      roles: [
        { actor: 'mali', name: 'Mali', passcode: 'sesame', autoTasking: false },
        { actor: 'niger', name: 'Niger', passcode: '', autoTasking: true },
      ],
    };
    expect(setupProblems(form)).toEqual([]);
    expect(
      setupProblems({
        ...form,
        seed: '-1',
        planningMinutes: '0.1',
        executionHours: '0',
        roles: [],
      }),
    ).toEqual([
      expect.stringMatching(/^seed: /),
      expect.stringMatching(/^played actors: /),
      expect.stringMatching(/^execution span: /),
      expect.stringMatching(/^planning countdown: /),
    ]);
    const o = await createOptions({ ...form, planningMinutes: '0.5' });
    expect(o.setup).toEqual({ mode: 'turns', executionHours: 6, planningSeconds: 30 });
    expect(o.roles[1]).toEqual({ actor: 'niger', name: 'Niger', autoTasking: true });
    const p = o.roles[0]!.passcode!;
    expect(p.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(p.hash).toBe((await hashPasscode('sesame', p.salt)).hash);
    expect(p.hash).not.toBe((await hashPasscode('sesame')).hash);
  });
});

describe('a hot-seat turn through the app session', () => {
  let app: AppSession;
  let ex: ExerciseCommands;
  beforeAll(async () => {
    const api = new SessionApi(async (a) => loadAtlas(a), {
      scenario: async (n) => doc(n),
    }) as unknown as EngineApi;
    app = createAppSession({
      api,
      frames: {
        request: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
        cancel: (id) => clearTimeout(id),
      },
      now: () => performance.now(),
      defer: (fn) => void setTimeout(fn, 0),
      topology: async () => null,
      scenarios: { names: ['sahel-ct'], load: async (n) => doc(n) },
    });
    ex = createExerciseCommands(app);
    const o = await createOptions({
      title: 'Hot seat',
      name: 'sahel-ct',
      doc: doc('sahel-ct'),
      seed: '3',
      mode: 'turns',
      executionHours: '1',
      planningMinutes: '',
      roles: [
        { actor: 'mali', name: 'Mali', passcode: 'sesame', autoTasking: true },
        { actor: 'niger', name: 'Niger', passcode: '', autoTasking: true },
      ],
    });
    await app.startExercise(o);
  });
  afterAll(() => app?.dispose());

  const unitIds = () => getSession().description!.units.map((u) => u.id);

  it('hands the screen on: a wrong passcode is refused, the right one shows only that role', async () => {
    expect(getExercise()).toMatchObject({ active: true, role: 'white', handover: null });
    const all = unitIds();
    const d = getSession().description!;
    const publicIds = new Set([...d.bases, ...d.places, ...d.routes].map((x) => x.id));
    await ex.handOver();
    expect(getExercise().handover).toEqual({ to: 'mali' });
    expect(await ex.reveal('mali', 'open sesame')).toBe(false);
    expect(getExercise()).toMatchObject({ role: 'white', handover: { to: 'mali' } });
    expect(await ex.reveal('mali', 'sesame')).toBe(true);
    expect(getExercise()).toMatchObject({ role: 'mali', handover: null });
    const mine = unitIds();
    expect(mine.length).toBeLessThan(all.length);
    expect(mine.every((u) => u.startsWith('ml-'))).toBe(true);
    // No other actor's unit is named anywhere in what this role's screen holds (a few units
    // share their id with their base, which is public infrastructure).
    const json = JSON.stringify(getSession().description);
    const foreign = all.filter((u) => !u.startsWith('ml-') && !publicIds.has(u));
    expect(foreign.length).toBeGreaterThan(20);
    expect(foreign.filter((u) => json.includes(`"${u}"`))).toEqual([]);
  });

  it('each role orders its own units; another actor’s unit is refused in words', async () => {
    expect(
      await ex.giveOrder({ tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }),
    ).toEqual({ ok: true });
    expect((await ex.setReady(true)).ok).toBe(true);
    expect(getExercise().view!.turn.ready).toEqual(['mali']);
    await ex.handOver();
    expect(getExercise().handover).toEqual({ to: 'niger' });
    expect(await ex.reveal('niger')).toBe(true);
    expect(unitIds().every((u) => u.startsWith('ne-'))).toBe(true);
    expect(
      await ex.giveOrder({ tick: 0, kind: 'move', unit: 'ne-ouallam', position: [1.5, 14.2] }),
    ).toEqual({ ok: true });
    const r = await ex.giveOrder({ tick: 0, kind: 'return', unit: 'ml-gao-1' });
    expect(r.ok).toBe(false);
    expect(getSession().notice?.text).toMatch(/Order refused: .*not yours to command/);
  });

  /** The white cell takes the screen, executes, and the play loop runs the span to its end. */
  async function executeTurn(n: number) {
    await ex.handOver('white');
    expect(await ex.reveal('white')).toBe(true);
    expect(getExercise().view!.turn).toMatchObject({ phase: 'planning', turn: n });
    expect((await ex.execute(false)).ok).toBe(true);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const s = getSession();
      if (getExercise().view?.turn.turn === n + 1 && !s.playing && s.tick === n * 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(getExercise().view!.turn).toMatchObject({ phase: 'planning', turn: n + 1, ready: [] });
  }
  const agreementOn = () => {
    const idx = getSession().description!.agreements.findIndex((a) => a.id === 'ag-ml-ne');
    return getSession().agreementsActive[idx];
  };

  it('Niger suspends its agreement with Mali; the white cell executes; the clock stops at the span', async () => {
    const idx = getSession().description!.agreements.findIndex((a) => a.id === 'ag-ml-ne');
    await ex.suspend('agreement', idx);
    expect(getSession().pending.agreements[idx]).toMatchObject({ active: false });
    // Not everyone is ready: the white cell may not execute yet (unless it forces it).
    await ex.handOver('white');
    expect(await ex.reveal('white')).toBe(true);
    expect((await ex.execute(false)).ok).toBe(false);
    await ex.viewAs('niger');
    expect((await ex.setReady(true)).ok).toBe(true);
    await executeTurn(1);
    // One hour of 15-minute ticks.
    expect(getSession().tick).toBe(4);
    expect(agreementOn()).toBe(false);
  });

  it('Mali proposes restoring it; Niger accepts; the next turn runs with it on again', async () => {
    await ex.handOver();
    expect(getExercise().handover).toEqual({ to: 'mali' });
    expect(await ex.reveal('mali', 'sesame')).toBe(true);
    expect(await ex.propose('agreement', 'ag-ml-ne', true)).toEqual({ ok: true });
    const prop = getExercise().view!.proposals.at(-1)!;
    expect(prop).toMatchObject({ from: 'mali', to: 'niger', status: 'pending', active: true });
    // The proposer cannot answer its own proposal.
    expect((await ex.answer(prop.id, true)).ok).toBe(false);
    expect((await ex.setReady(true)).ok).toBe(true);
    await ex.handOver();
    expect(getExercise().handover).toEqual({ to: 'niger' });
    expect(await ex.reveal('niger')).toBe(true);
    expect(await ex.answer(prop.id, true)).toEqual({ ok: true });
    expect(getExercise().view!.proposals.find((x) => x.id === prop.id)?.status).toBe('accepted');
    expect((await ex.setReady(true)).ok).toBe(true);
    await ex.handOver();
    expect(getExercise().handover).toEqual({ to: 'white' });
    await executeTurn(2);
    expect(getSession().tick).toBe(8);
    expect(agreementOn()).toBe(true);
    const orders = (await app.api.saveFile()).orders.map((o) => [o.role, o.order.kind]);
    expect(orders).toEqual([
      ['mali', 'move'],
      ['niger', 'move'],
      ['niger', 'set-agreement'],
      ['niger', 'set-agreement'],
    ]);
  });
});
