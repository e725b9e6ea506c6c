// MSEL entries added during play, as the feed and the timeline show them: "Inject L1: Ayorou:
// armed men on motorbikes" (serial and subject, not the engine's id) in the white cell's feed
// and in the feed of a role the entry is addressed to; a role it is not addressed to sees a
// public effect without serial (no MSEL numbering leaks); the white cell's timeline marks
// every firing where it fired, entries added live included.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MselEntry } from '../../src/exercise/msel';
import { loadAtlas } from '../../src/node/load';
import type { WorldDescription } from '../../src/sim/describe';
import { timelineInjects, toFeedItems } from '../../src/store/feed';
import { SessionApi } from '../../workers/session-api';
import { scenarioDoc } from './fixture';

const ayorou: MselEntry = {
  serial: 'L1',
  timing: { kind: 'at', hours: 1 },
  from: 'Niger MoD',
  to: ['niger', 'mali'],
  method: 'phone',
  subject: 'Ayorou: armed men on motorbikes',
  message: 'Villagers report a column heading west.',
  expectedAction: 'Send a patrol',
  effect: null,
};
const haze: MselEntry = {
  serial: 'L2',
  timing: { kind: 'at', hours: 2 },
  from: 'EXCON',
  to: ['niger'],
  method: 'sim',
  subject: 'Dust haze over Sector East',
  message: '',
  expectedAction: '',
  effect: { kind: 'weather', zone: 'sector-east', closes: ['air'], hours: 3 },
};

let api: SessionApi;
let white: WorldDescription;
let mali = -1;

beforeAll(async () => {
  api = new SessionApi(async (a) => loadAtlas(a));
  const r = await api.startExercise({
    title: 'Live injects',
    scenario: { name: 'sahel-ct', doc: scenarioDoc('sahel-ct') },
    seed: 5,
    setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
    roles: [{ actor: 'mali' }, { actor: 'niger' }],
  });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  white = r.description;
  mali = white.actors.findIndex((a) => a.id === 'mali');
  const view = await api.exercise('white');
  // Added during play, then fired: L1 by hand now, L2 at its time.
  await api.setMsel([...view.msel!, ayorou, haze]);
  await api.advance(2);
  expect(await api.fireNow('L1')).toEqual({ ok: true });
  await api.advance(12);
}, 60_000);

const texts = (events: Array<Record<string, unknown>>, d: WorldDescription) =>
  toFeedItems(events, d, 0).map((f) => f.text);

describe('a live inject in the feed', () => {
  it('reads as serial and subject for the white cell, never as the engine id', async () => {
    const lines = texts(await api.events(0), white);
    // An entry without an effect fires as a narrative: its message follows as its own line.
    const at = lines.indexOf('Inject L1: Ayorou: armed men on motorbikes');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('Message to Niger, Mali: Villagers report a column heading west.');
    expect(lines).toContain('Inject L2: Dust haze over Sector East');
    expect(lines.filter((t) => /msel-|live-/.test(t))).toEqual([]);
    const snap = await api.snapshot(-1, 0);
    expect(texts(snap.events, white)).toEqual(lines);
  });

  it('reads the same for a role it is addressed to; others get no serial and no MSEL id', async () => {
    const d = await api.roleDescribe(mali);
    const events = await api.roleEvents(mali, 0);
    const lines = texts(events, d);
    // Addressed to Mali: its card, and its feed line.
    expect(lines).toContain('Inject L1: Ayorou: armed men on motorbikes');
    // Weather is public, but L2 is addressed to Niger: Mali sees the effect, not the entry.
    expect(lines).toContain('Inject (weather)');
    const data = JSON.stringify([events, (await api.roleSnapshot(mali, 0)).events]);
    expect(data).not.toContain('msel-');
    expect(data).not.toContain('"L2"');
    expect(data).not.toContain('Dust haze');
  });
});

describe('the white cell’s timeline', () => {
  it('marks entries added during play where they fired, and those still to come', async () => {
    const view = await api.exercise('white');
    const marks = timelineInjects(white, -1, [], { entries: view.msel, fired: view.fired });
    const l1 = marks.find((m) => m.label === 'Inject L1: Ayorou: armed men on motorbikes');
    expect(l1?.tick).toBe(view.fired!.find((f) => f.serial === 'L1')!.tick);
    expect(marks.find((m) => m.label.startsWith('Inject L2:'))?.kind).toBe('weather');
    // The scenario's own entries not fired yet are marked at their time; keys are unique.
    expect(marks.length).toBeGreaterThan(10);
    expect(new Set(marks.map((m) => m.key)).size).toBe(marks.length);
    // A player's exercise view holds no MSEL: its timeline shows only what its feed saw.
    const player = await api.exercise('mali');
    expect(player.msel).toBeNull();
    expect(timelineInjects(white, mali, [], { entries: null, fired: null })).toEqual([]);
  });
});
