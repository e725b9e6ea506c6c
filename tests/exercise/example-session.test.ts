// The example session scenarios/sessions/sahel-classroom.concord.json (played through the app
// by scripts/play-example-session.ts): it parses as a current session file, three roles played
// at least ten orders, at least two live injects (added during play, not the scenario's own)
// fired, one role's proposal was accepted by the other, and it replays in Node with every
// recorded hash equal — in-process and through `concord replay`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openSessionDoc } from '../../src/exercise/migrate';
import { mselFromScenario } from '../../src/exercise/msel';
import { replaySession } from '../../src/exercise/replay';
import { SESSION_VERSION, type SessionFile } from '../../src/exercise/session-file';
import { validateScenario } from '../../src/scenario/validate';
import { memoryDeps, scenarioDoc } from './fixture';

const FILE = 'scenarios/sessions/sahel-classroom.concord.json';
const doc: unknown = JSON.parse(readFileSync(FILE, 'utf8'));

async function parsed(): Promise<SessionFile> {
  const r = await openSessionDoc(doc, async (name) => scenarioDoc(name));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.value;
}

describe('the example session', () => {
  it('parses as a current-version session file of sahel-ct, played in turns', async () => {
    expect((doc as { version: number }).version).toBe(SESSION_VERSION);
    const f = await parsed();
    expect(f.scenario).toMatchObject({ id: 'sahel-ct', name: 'sahel-ct', doc: null });
    expect(f.setup.mode).toBe('turns');
    expect(f.turns.length).toBeGreaterThanOrEqual(3);
  });

  it('three played roles and the white cell; at least ten orders, spread over the roles', async () => {
    const f = await parsed();
    const players = f.roles.filter((r) => r.actor !== null);
    expect(players.map((r) => r.name)).toEqual(['Mali', 'Niger', 'Burkina Faso']);
    expect(f.roles.some((r) => r.id === 'white')).toBe(true);
    const byPlayers = f.orders.filter((o) => o.role !== 'white');
    expect(byPlayers.length).toBeGreaterThanOrEqual(10);
    for (const p of players)
      expect(byPlayers.filter((o) => o.role === p.id).length).toBeGreaterThanOrEqual(3);
    const kinds = new Set(byPlayers.map((o) => o.order.kind));
    for (const k of ['move', 'patrol-area', 'return']) expect(kinds).toContain(k);
    // One suspension by a player (signing or restoring takes a proposal).
    expect(
      byPlayers.some((o) => o.order.kind === 'set-agreement' && o.order.active === false),
    ).toBe(true);
  });

  it('two live injects added during play fired: a narrative the addressed role acknowledged, and an effect', async () => {
    const f = await parsed();
    const v = validateScenario(scenarioDoc('sahel-ct'));
    if (!v.ok) throw new Error('sahel-ct does not validate');
    const own = new Set(mselFromScenario(v.value).map((e) => e.serial));
    const live = f.msel.filter((e) => !own.has(e.serial));
    const firedLive = f.fired.filter((x) => live.some((e) => e.serial === x.serial));
    expect(firedLive.length).toBeGreaterThanOrEqual(2);
    const narrative = live.find((e) => e.effect === null && e.to.length === 1)!;
    expect(f.fired.map((x) => x.serial)).toContain(narrative.serial);
    expect(f.acks).toContainEqual(
      expect.objectContaining({ serial: narrative.serial, role: narrative.to[0] }),
    );
    const effect = live.find((e) => e.effect !== null)!;
    expect(effect.effect?.kind).toBe('weather');
    expect(f.fired.map((x) => x.serial)).toContain(effect.serial);
    // Each fired entry is a recorded inject order of the white cell.
    const injects = f.orders.filter((o) => o.order.kind === 'inject');
    expect(injects.length).toBe(f.fired.length);
  });

  it("one role's proposal accepted by the other, with the order it gave; bookmarks kept", async () => {
    const f = await parsed();
    const p = f.proposals.find((x) => x.status === 'accepted')!;
    expect(p).toBeDefined();
    expect(p.from).not.toBe(p.to);
    expect([p.from, p.to].every((r) => r !== 'white')).toBe(true);
    expect(f.orders).toContainEqual(
      expect.objectContaining({
        role: p.to,
        tick: p.decidedTick,
        order: expect.objectContaining({ kind: 'set-agreement', agreement: p.target.id }),
      }),
    );
    expect(f.bookmarks.length).toBeGreaterThanOrEqual(1);
  });

  it('replays in Node with every recorded hash equal', async () => {
    const f = await parsed();
    const r = await replaySession(f, memoryDeps().deps, { keepGoing: true });
    expect(r.mismatch).toBeNull();
    expect(r.checked).toBe(f.hashes.length);
    expect(r.session.tick).toBe(f.tick);
    expect(r.session.hash()).toBe(f.turns.at(-1)!.hash);
    const cli = spawnSync('node', ['bin/concord.mjs', 'replay', FILE, '--json'], {
      encoding: 'utf8',
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, tick: f.tick, mismatch: null });
  });
});
