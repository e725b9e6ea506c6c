// Feed sentences name things, never show ids: over a whole sahel-ct run, no line of the white
// cell's feed or of any role's (its own description and feed, as the session API sends them)
// holds a raw id from the scenario's description — units, bases, zones, agreements, supply
// runs, task forces, injects, actors. A role's redacted references read as words too.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorldDescription } from '../../src/sim/describe';
import { type NamedEvent, toFeedItems, toIncidents } from '../../src/store/feed';
import type { SessionApi } from '../../workers/session-api';
import { loadedApi } from './fixture';

let api: SessionApi;
let d: WorldDescription;

beforeAll(async () => {
  ({ api, description: d } = await loadedApi('sahel-ct', 7));
  await api.runTo(d.scenario.totalTicks);
}, 120_000);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Every id in the description, as a pattern that matches it as a whole word. Ids that are
 * also words of some name ("police" in "Malian police intervention unit") are left out:
 * finding them says nothing.
 */
function idPattern(desc: WorldDescription): { re: RegExp; count: number } {
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const list of Object.values(desc))
    if (Array.isArray(list))
      for (const x of list as Array<{ id?: unknown; name?: unknown }>) {
        if (typeof x.id === 'string') ids.add(x.id);
        if (typeof x.name === 'string') for (const w of x.name.split(/[^\w-]+/)) names.add(w);
      }
  const raw = [...ids].filter((id) => !names.has(id)).sort((a, b) => b.length - a.length);
  return {
    re: new RegExp(`(?<![\\w-])(${raw.map(escapeRe).join('|')})(?![\\w-])`),
    count: raw.length,
  };
}

function rawIds(events: NamedEvent[], desc: WorldDescription, re: RegExp): string[] {
  const lines = [
    ...toFeedItems(events, desc, 0).map((f) => f.text),
    ...toIncidents(events, desc).map((m) => m.label),
  ];
  expect(lines.length).toBeGreaterThan(0);
  return lines.filter((t) => re.test(t)).slice(0, 5);
}

describe('feed sentences of a full sahel-ct run', () => {
  it('hold no raw id in the white cell’s feed', async () => {
    const { re, count } = idPattern(d);
    expect(count).toBeGreaterThan(200);
    expect(rawIds(await api.events(0, undefined, -1), d, re)).toEqual([]);
  });

  it('hold no raw id in any role’s feed, and name hidden units by their nation', async () => {
    // The full description's ids: a role's feed must not show those it may not know either.
    const { re } = idPattern(d);
    let foreign = 0;
    for (let a = 0; a < d.actors.length; a++) {
      const events = await api.roleEvents(a, 0);
      const desc = await api.roleDescribe(a);
      expect(rawIds(events, desc, re), d.actors[a]!.id).toEqual([]);
      for (const f of toFeedItems(events, desc, 0))
        expect(f.text, d.actors[a]!.id).not.toMatch(/null|undefined|threat cell \)|threat cell $/);
      foreign += events.filter((e) => e.unit === null).length;
    }
    expect(foreign).toBeGreaterThan(0);
  });

  it('say convoys, task forces, addressees and redacted things in words', () => {
    const line = (e: NamedEvent, desc = d) => toFeedItems([e], desc, 0)[0]!.text;
    const run = d.supplyRuns.find((r) => r.id === 'sr-gao-menaka')!;
    const from = d.bases[run.from]!.name;
    const to = d.bases[run.to]!.name;
    expect(line({ t: 1, k: 'convoy-depart', run: run.id, base: d.bases[run.from]!.id })).toBe(
      `Convoy to ${to} leaves ${from}`,
    );
    expect(line({ t: 1, k: 'convoy-lost', run: run.id })).toBe(`Convoy ${from} → ${to} lost`);
    expect(line({ t: 1, k: 'attack', target: `route:${run.id}`, country: 'mali', harm: 2 })).toBe(
      `Attack on the ${from} → ${to} supply route (Mali): 2 harmed`,
    );
    expect(line({ t: 1, k: 'attack', target: 'route', country: 'mali', harm: 2 })).toBe(
      'Attack on a supply route (Mali): 2 harmed',
    );
    const tf = d.taskForces[0]!;
    expect(line({ t: 1, k: 'task', node: tf.id, unit: 'ml-gao-1', task: 'respond', cell: 3 })).toBe(
      `${tf.name} tasks ${d.units.find((u) => u.id === 'ml-gao-1')!.name}: respond (threat cell 3)`,
    );
    expect(line({ t: 1, k: 'contact', unit: null, unitOwner: 'burkina', cell: null })).toBe(
      'A Burkina Faso unit in contact with a threat cell',
    );
    expect(line({ t: 1, k: 'narrative', to: 'mali,niger', message: 'Hello' })).toBe(
      'Message to Mali, Niger: Hello',
    );
    expect(line({ t: 1, k: 'weather', zone: null, closes: 'ground,air' })).toBe(
      'Weather: an area closed to ground, air',
    );
    const inj = d.injects.find((i) => i.kind === 'attack')!;
    expect(line({ t: 1, k: 'inject', inject: inj.id, kind: 'attack' })).toBe(
      `Inject (attack): ${inj.message}`,
    );
  });
});
