// The MSEL model: schema problems name their paths, entries are checked against a scenario,
// every bundled scenario's injects make a valid MSEL that fires back as the same injects, and
// the time notations agree with the app's clock.
import { describe, expect, it } from 'vitest';
import {
  injectOf,
  MSEL_EFFECT_KINDS,
  type MselEffectKind,
  type MselEntry,
  mselFromScenario,
  SCENARIO_ONLY_INJECT_KINDS,
  TRIGGER_EVENT_KINDS,
  validateMsel,
  ZONED_TRIGGER_EVENTS,
} from '../../src/exercise/msel';
import { EFFECT_KEYS, parseTrigger, triggerToText } from '../../src/exercise/msel-cells';
import { checkMselAgainstScenario } from '../../src/exercise/msel-check';
import {
  canonicalHours,
  formatDPlus,
  formatDtg,
  parseDPlus,
  parseDtg,
} from '../../src/exercise/msel-time';
import { Inject } from '../../src/scenario/schema';
import { scenarioHours } from '../../src/sim/time';
import { dtg as appDtg } from '../../src/store/time';
import { handEntries, lines, scenario, scenarioNames } from './msel-fixture';

const problems = (doc: unknown) => {
  const v = validateMsel(doc);
  return v.ok ? [] : lines(v.problems);
};

const entry = (over: Record<string, unknown> = {}) => ({
  serial: '1',
  timing: { kind: 'at', hours: 1 },
  from: 'EXCON',
  method: 'email',
  ...over,
});

describe('MSEL schema', () => {
  it('accepts a minimal entry and fills the defaults', () => {
    const v = validateMsel([entry()]);
    expect(v.ok && v.value[0]).toEqual({
      serial: '1',
      timing: { kind: 'at', hours: 1 },
      from: 'EXCON',
      to: [],
      method: 'email',
      subject: '',
      message: '',
      expectedAction: '',
      effect: null,
    });
  });

  it('names the path, what was found and what is allowed', () => {
    expect(
      problems([
        entry(),
        entry({
          serial: '2 b',
          timing: { kind: 'at', hours: -1 },
          from: '',
          to: ['Mali'],
          method: 'pigeon',
          effect: { kind: 'agreement', agreement: 'ag-ml-bf', active: 'yes' },
        }),
      ]),
    ).toEqual([
      '[1].serial: found "2 b"; a serial like 1, 12a or 3.1 (up to 20 characters)',
      '[1].timing.hours: found -1; allowed: at least 0',
      '[1].from: found ""; allowed: at least 1 characters',
      '[1].to[0]: found "Mali"; an id of lower-case letters, digits and dashes',
      '[1].method: found "pigeon"; allowed: "email" | "phone" | "radio" | "message" | "chat" | "video" | "face-to-face" | "document" | "media" | "sim"',
      '[1].effect.active: found "yes"; expected boolean',
    ]);
  });

  it('refuses unknown fields, unknown effect kinds and times between minutes', () => {
    expect(problems([entry({ colour: 'red' })])).toEqual([
      '[0].colour: unknown field; allowed here: serial, timing, from, to, method, subject, message, expectedAction, effect',
    ]);
    expect(problems([entry({ effect: { kind: 'explode' } })])[0]).toMatch(
      /^\[0\]\.effect\.kind: found "explode"; does not match any allowed form \(.*'spawn' \| 'attack'/,
    );
    expect(problems([entry({ timing: { kind: 'at', hours: 1.001 } })])).toEqual([
      '[0].timing.hours: found 1.001; a whole number of minutes (the MSEL shows D+d HH:MM)',
    ]);
    // The message and a narrative's addressees belong to the entry, not to its effect.
    expect(problems([entry({ effect: { kind: 'narrative', message: 'x' } })])).toEqual([
      '[0].effect.message: unknown field; allowed here: kind',
    ]);
  });

  it('checks triggers: event kinds, metrics, and a zone only where events have a position', () => {
    const trig = (trigger: unknown) => entry({ timing: { kind: 'trigger', trigger } });
    expect(problems([trig({ kind: 'event', event: 'attack', zone: 'sector-2' })])).toEqual([]);
    expect(problems([trig({ kind: 'event', event: 'agreement', zone: 'sector-2' })])).toEqual([
      `[0].timing.trigger.zone: found "sector-2"; a "agreement" event has no position, so no zone; a zone is allowed with ${ZONED_TRIGGER_EVENTS.join(', ')}`,
    ]);
    expect(problems([trig({ kind: 'event', event: 'tick' })])[0]).toMatch(
      /^\[0\]\.timing\.trigger\.event: found "tick"; allowed: "attack" \| /,
    );
    expect(
      problems([trig({ kind: 'metric', metric: 'happiness', op: '>=', value: 1 })])[0],
    ).toMatch(/^\[0\]\.timing\.trigger\.metric: found "happiness"; allowed: "incidents" \| /);
    expect(problems([trig({ kind: 'metric', metric: 'incidents', op: '=', value: 1 })])).toEqual([
      '[0].timing.trigger.op: found "="; allowed: ">=" | "<=" | ">" | "<"',
    ]);
  });

  it('refuses reserved keys before the schema runs, and control characters in text', () => {
    const doc = JSON.parse('[{"serial":"1","__proto__":{"polluted":1}}]');
    expect(problems(doc)[0]).toBe(
      '[0].__proto__: found the key "__proto__"; not allowed: it names a JavaScript internal, not a field',
    );
    expect(problems([entry({ serial: 'constructor' })])).toEqual([
      '[0].serial: found "constructor"; a reserved word (constructor, prototype), not a serial',
    ]);
    expect(problems([entry({ message: 'bell\u0007' })])[0]).toMatch(
      /^\[0\]\.message: .*no control/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('MSEL against a scenario', () => {
  const sahel = () => scenario('sahel-ct');
  const check = (entries: MselEntry[]) => lines(checkMselAgainstScenario(entries, sahel()));
  const parsed = (docs: unknown[]) => {
    const v = validateMsel(docs);
    if (!v.ok) throw new Error(lines(v.problems).join('\n'));
    return v.value;
  };

  it('names every missing reference, time and duplicate by path', () => {
    const entries = parsed([
      entry(),
      entry({ serial: '2', effect: { kind: 'agreement', agreement: 'nowhere', active: false } }),
      entry({ serial: '3', to: ['mali', 'atlantis', 'mali'] }),
      entry({
        serial: '4',
        timing: { kind: 'trigger', trigger: { kind: 'event', event: 'attack', zone: 'sector-9' } },
      }),
      entry({ serial: '5', timing: { kind: 'at', hours: 720 } }),
      entry({ serial: '1' }),
      entry({
        serial: '7',
        effect: { kind: 'spawn', threat: 'grp-z', strength: 5, position: [40, 10] },
      }),
      entry({
        serial: '8',
        effect: {
          kind: 'withdraw',
          actor: 'partner',
          organisation: 'g5-sahel',
          sectorsTo: 'partner',
        },
      }),
      entry({ serial: '9', effect: { kind: 'attack', threat: 'grp-a', place: 'paris' } }),
      entry({ serial: '10', effect: { kind: 'mechanism', mechanism: 'lo-nowhere', active: true } }),
      entry({ serial: '11', effect: { kind: 'weather', zone: 'sea', closes: ['air'], hours: 2 } }),
      entry({ serial: '12', effect: { kind: 'funding', actor: 'france', amount: 1 } }),
      entry({ serial: '13', effect: { kind: 'right', right: 'hp-xx', active: true } }),
    ]);
    const out = check(entries);
    expect(out).toHaveLength(15);
    expect(out[0]).toMatch(
      /^\[1\]\.effect\.agreement: found "nowhere"; allowed: an agreement id \(ag-ml-bf, ag-ml-ne, /,
    );
    expect(out.slice(1, 3)).toEqual([
      expect.stringMatching(
        /^\[2\]\.to\[1\]: found "atlantis"; allowed: an actor id \(mali, burkina, /,
      ),
      '[2].to[2]: found "mali"; named twice',
    ]);
    expect(out[3]).toMatch(
      /^\[3\]\.timing\.trigger\.zone: found "sector-9"; allowed: a zone id \(sector-west, /,
    );
    expect(out[4]).toBe(
      '[4].timing.hours: found D+30 00:00 (720 h); allowed: before the end of the exercise at D+30 00:00 (720 h)',
    );
    expect(out[5]).toBe('[5].serial: found "1"; serials must be unique (also used by entry [0])');
    expect(out[6]).toMatch(
      /^\[6\]\.effect\.threat: found "grp-z"; allowed: a threat id \(grp-a, grp-b, grp-c\)$/,
    );
    expect(out[7]).toBe(
      '[6].effect.position: found [40, 10]; allowed: a position inside the map [-13, 9, 17, 24] (lon lat)',
    );
    expect(out[8]).toBe(
      '[7].effect.actor: found "partner"; allowed: a member of g5-sahel (mali, burkina, niger, mauritania, chad)',
    );
    expect(out[9]).toBe(
      '[7].effect.sectorsTo: found "partner"; allowed: a remaining member of g5-sahel (mali, burkina, niger, mauritania, chad)',
    );
    expect(out[10]).toMatch(/^\[8\]\.effect\.place: found "paris"; allowed: a place id/);
    expect(out[11]).toMatch(
      /^\[9\]\.effect\.mechanism: found "lo-nowhere"; allowed: a mechanism id \(.*lo-mali-burkina/,
    );
    expect(out[12]).toMatch(/^\[10\]\.effect\.zone: found "sea"; allowed: a zone id/);
    expect(out[13]).toMatch(/^\[11\]\.effect\.actor: found "france"; allowed: an actor id/);
    expect(out[14]).toMatch(
      /^\[12\]\.effect\.right: found "hp-xx"; allowed: a right id \(hp-ne-bf, /,
    );
  });

  it('passes the hand-written entries', () => {
    expect(check(handEntries())).toEqual([]);
  });
});

describe.each(scenarioNames)('mselFromScenario(%s)', (name) => {
  it('validates, passes the scenario checks and fires back as the same injects', () => {
    const sc = scenario(name);
    const msel = mselFromScenario(sc);
    // A force flow stays the engine's (its units exist from load): no MSEL entry for it.
    const injects = sc.injects.filter((i) => !SCENARIO_ONLY_INJECT_KINDS.includes(i.kind));
    expect(msel).toHaveLength(injects.length);
    const v = validateMsel(JSON.parse(JSON.stringify(msel)));
    expect(v.ok ? [] : lines(v.problems)).toEqual([]);
    expect(v.ok && v.value).toStrictEqual(msel);
    expect(lines(checkMselAgainstScenario(msel, sc))).toEqual([]);
    msel.forEach((e, i) => {
      const inj = injects[i]!;
      expect(e.serial).toBe(String(i + 1));
      expect(e.subject.length).toBeGreaterThan(0);
      const hours = scenarioHours(inj.at);
      const back = injectOf(e, inj.id, hours);
      expect(back).toStrictEqual({ ...inj, at: hours });
      expect(Inject.safeParse(back).success).toBe(true);
    });
  });
});

describe('injectOf', () => {
  it('fires an entry without an effect as a narrative to its addressees', () => {
    const [e] = handEntries();
    expect(injectOf({ ...e!, to: ['mali'] }, 'msel-1', 0)).toStrictEqual({
      id: 'msel-1',
      at: 0,
      kind: 'narrative',
      to: ['mali'],
      message: e!.message,
    });
    // An engine narrative needs text: subject, then serial, stand in for an empty message.
    const bare = { ...e!, message: '', subject: '' };
    expect(injectOf(bare, 'msel-1', 2)).toMatchObject({ message: 'MSEL serial 1' });
    expect(Inject.safeParse(injectOf(bare, 'msel-1', 2)).success).toBe(true);
  });

  it('covers every inject kind but scenario-only ones, and every effect field has a spreadsheet key', () => {
    const live = Inject.options.filter(
      (o) => !SCENARIO_ONLY_INJECT_KINDS.includes(o.shape.kind.value),
    );
    expect([...MSEL_EFFECT_KINDS].sort()).toEqual(live.map((o) => o.shape.kind.value).sort());
    for (const o of live) {
      const kind = o.shape.kind.value as MselEffectKind;
      const fields = Object.keys(o.shape).filter(
        (k) =>
          !['id', 'at', 'message', 'kind'].includes(k) && !(kind === 'narrative' && k === 'to'),
      );
      expect(EFFECT_KEYS[kind].map((s) => s.key).sort(), kind).toEqual(fields.sort());
    }
  });
});

describe('MSEL times and triggers as text', () => {
  it('writes D+ times and DTGs as the app does, and reads them back', () => {
    const start = '2026-01-05T00:00:00Z';
    for (const h of [0, 6.5, 54.5, 100 + 7 / 60, 719.75]) {
      expect(formatDtg(start, h)).toBe(appDtg(start, h * 60));
      expect(parseDtg(start, formatDtg(start, h))).toBe(Math.round(h * 60));
      expect(parseDPlus(formatDPlus(h))).toBe(Math.round(h * 60));
      expect(canonicalHours(h)).toBe(h);
    }
    expect(formatDPlus(54.5)).toBe('D+2 06:30');
    expect(formatDtg(start, 54.5)).toBe('070630Z JAN 26');
    expect(parseDtg(start, '070630ZJAN26')).toBe(54.5 * 60);
    expect(parseDtg(start, '310630Z APR 26')).toBeNull();
    expect(parseDPlus('D+2')).toBe(2880);
    expect(parseDPlus('d+2 6:30')).toBe(2880 + 390);
    expect(parseDPlus('D+2 24:00')).toBeNull();
    // The same number as the engine's own reading of a scenario time.
    expect(canonicalHours(scenarioHours('D+9 08:00'))).toBe(scenarioHours('D+9 08:00'));
  });

  it('reads triggers as planners type them', () => {
    expect(parseTrigger('attack in sector-2')).toEqual({
      ok: true,
      value: { kind: 'event', event: 'attack', zone: 'sector-2' },
    });
    expect(parseTrigger('Cross-Border')).toEqual({
      ok: true,
      value: { kind: 'event', event: 'cross-border' },
    });
    expect(parseTrigger('Incidents>=5')).toEqual({
      ok: true,
      value: { kind: 'metric', metric: 'incidents', op: '>=', value: 5 },
    });
    expect(parseTrigger('trustMean ≤ 0.4')).toMatchObject({ value: { op: '<=', value: 0.4 } });
    expect(parseTrigger('incidents >= five')).toEqual({
      ok: false,
      message: 'found "five"; allowed: a number to compare with',
    });
    expect(parseTrigger('explosion')).toMatchObject({ ok: false });
    for (const event of TRIGGER_EVENT_KINDS) {
      const t = { kind: 'event', event } as const;
      expect(parseTrigger(triggerToText(t))).toEqual({ ok: true, value: t });
    }
  });
});
