// The MSEL editor's pure helpers: entries in words, the table's order, status, filter and
// search, the form ⇄ entry mapping with problems by field, and what an import would change.
import { describe, expect, it } from 'vitest';
import { type MselEntry, mselFromScenario } from '../../src/exercise/msel';
import {
  applyImportPlan,
  compareEntries,
  lockedChanges,
  mselFileName,
  nextSerial,
  planImport,
  withTextOf,
} from '../../src/store/msel-editor';
import {
  choicesFor,
  draftToEntry,
  entryToDraft,
  fieldOfPath,
  formProblems,
  readTime,
} from '../../src/ui/msel/form';
import { buildRows, filterRows, rowCounts, statusInWords, statusOf } from '../../src/ui/msel/rows';
import {
  effectInWords,
  metricWords,
  shortName,
  toInWords,
  triggerInWords,
} from '../../src/ui/msel/words';
import type { ExerciseView } from '../../workers/exercise-view';
import { handEntries, scenario } from '../exercise/msel-fixture';

const sc = scenario('sahel-ct');

const entry = (over: Partial<MselEntry> & { serial: string }): MselEntry => ({
  timing: { kind: 'at', hours: 6 },
  from: 'EXCON',
  to: [],
  method: 'email',
  subject: '',
  message: '',
  expectedAction: '',
  effect: null,
  ...over,
});

const roles: ExerciseView['roles'] = [
  { id: 'white', name: 'White cell', actor: null, hasPasscode: false, autoTasking: true },
  { id: 'niger', name: 'Niger', actor: 'niger', hasPasscode: false, autoTasking: true },
  { id: 'mali', name: 'Mali', actor: 'mali', hasPasscode: false, autoTasking: true },
];

describe('entries in words', () => {
  it('names addressees, triggers and effects from the scenario', () => {
    expect(shortName('G5 Sahel (Permanent Secretariat / Joint Force HQ)')).toBe('G5 Sahel');
    expect(toInWords([], sc)).toBe('All roles');
    expect(toInWords(['niger', 'g5-sahel'], sc)).toBe('Niger, G5 Sahel');
    expect(triggerInWords({ kind: 'event', event: 'attack', zone: 'sector-centre' }, sc)).toBe(
      'Attack in Joint Force Sector Centre',
    );
    expect(triggerInWords({ kind: 'event', event: 'convoy-lost' }, sc)).toBe('Convoy lost');
    expect(triggerInWords({ kind: 'metric', metric: 'incidents', op: '>=', value: 3 }, sc)).toBe(
      'Incidents ≥ 3',
    );
    expect(metricWords('meanTimeToDetectH')).toBe('Mean time to detect (h)');
    expect(metricWords('copCompleteness')).toBe('COP completeness');
    expect(effectInWords(null, sc)).toBe('Narrative only');
    expect(effectInWords({ kind: 'attack', threat: 'grp-b', place: 'inates' }, sc)).toBe(
      'Group B (ISGS-like) attacks Inates',
    );
    expect(effectInWords({ kind: 'agreement', agreement: 'ag-ml-bf', active: false }, sc)).toMatch(
      /suspended$/,
    );
  });
});

describe('the table', () => {
  const msel = [
    entry({ serial: '10', timing: { kind: 'at', hours: 30 } }),
    entry({
      serial: 'T2',
      timing: { kind: 'trigger', trigger: { kind: 'event', event: 'attack' } },
    }),
    entry({ serial: '2', timing: { kind: 'at', hours: 30 }, subject: 'Tillabéri alert' }),
    entry({
      serial: 'T1',
      timing: {
        kind: 'trigger',
        trigger: { kind: 'metric', metric: 'incidents', op: '>=', value: 1 },
      },
      to: ['niger'],
    }),
    entry({ serial: '1', timing: { kind: 'at', hours: 0.5 }, to: ['mali', 'niger'] }),
  ];
  const view = {
    msel,
    roles,
    fired: [
      { serial: '1', tick: 2, by: 'msel' },
      { serial: 'T1', tick: 40, by: 'trigger' },
    ],
  };
  const acks = [{ serial: '1', role: 'niger', tick: 5 }];
  const rows = buildRows(view, acks, sc, sc.start);

  it('sorts by time, then serial in a person order; triggered entries last', () => {
    expect(rows.map((r) => r.entry.serial)).toEqual(['1', '2', '10', 'T1', 'T2']);
    expect([...msel].sort(compareEntries).map((e) => e.serial)).toEqual(
      rows.map((r) => r.entry.serial),
    );
    expect(rows[0]!.time).toEqual({ dplus: 'D+0 00:30', dtg: '050030Z JAN 26' });
    expect(rows[3]!.time).toEqual({ dplus: '', dtg: '' });
    expect(rows[3]!.trigger).toBe('Incidents ≥ 1');
  });

  it('says who acknowledged a fired entry and when, and who has not', () => {
    const s = statusOf(msel[4]!, view.fired, roles, acks);
    expect(s).toEqual({
      kind: 'fired',
      tick: 2,
      times: 1,
      roles: [
        { role: 'niger', name: 'Niger', tick: 5 },
        { role: 'mali', name: 'Mali', tick: null },
      ],
    });
    expect(statusInWords(s, 15)).toBe(
      'Fired D+0 00:30 · acknowledged by Niger (D+0 01:15) · waiting for Mali',
    );
    expect(statusInWords(statusOf(msel[0]!, view.fired, roles, acks), 15)).toBe('Pending');
    expect(rowCounts(rows)).toEqual({ all: 5, pending: 3, fired: 2, waiting: 2, acked: 0 });
  });

  it('filters by status and searches every word, accents ignored', () => {
    const serials = (f: Parameters<typeof filterRows>[1], q = '') =>
      filterRows(rows, f, q, 15).map((r) => r.entry.serial);
    expect(serials('pending')).toEqual(['2', '10', 'T2']);
    expect(serials('fired')).toEqual(['1', 'T1']);
    expect(serials('waiting')).toEqual(['1', 'T1']);
    expect(serials('acked')).toEqual([]);
    expect(serials('all', 'tillaberi')).toEqual(['2']);
    expect(serials('all', 'niger waiting')).toEqual(['1', 'T1']);
    expect(serials('all', 'attack')).toEqual(['T2']);
    expect(serials('fired', 'D+0 00:30')).toEqual(['1']);
  });
});

describe('the form', () => {
  it('maps every kind of entry to a draft and back unchanged', () => {
    const all = [...handEntries(), ...mselFromScenario(sc)];
    for (const e of all) {
      const { candidate, problems } = draftToEntry(entryToDraft(e), sc.start);
      expect(problems, e.serial).toEqual([]);
      expect(candidate, e.serial).toEqual(e);
      const others = all.filter((x) => x !== e && x.serial !== e.serial);
      expect(formProblems(entryToDraft(e), others, sc).problems, e.serial).toEqual([]);
    }
  });

  it('reads a time as D+ or as a DTG', () => {
    expect(readTime('D+2 06:30', sc.start)).toBe(2 * 1440 + 390);
    expect(readTime('070630Z JAN 26', sc.start)).toBe(2 * 1440 + 390);
    expect(readTime('040000Z JAN 26', sc.start)).toBeNull(); // before the start
    expect(readTime('tomorrow', sc.start)).toBeNull();
  });

  it('puts each problem at its field, with the schema and scenario messages', () => {
    const base = entryToDraft(entry({ serial: '5' }));
    const others = [entry({ serial: '4' })];
    const at = (d: typeof base) =>
      formProblems(d, others, sc).problems.map((p) => `${p.field}: ${p.message}`);
    expect(formProblems(base, others, sc)).toMatchObject({ problems: [], entry: { serial: '5' } });
    expect(at({ ...base, time: 'D+2 25:00' })).toEqual([
      expect.stringMatching(/^timing\.hours: found "D\+2 25:00"; allowed: a time like D\+2 06:30/),
    ]);
    expect(at({ ...base, time: 'D+31 00:00' })).toEqual([
      expect.stringMatching(/^timing\.hours: .*before the end of the exercise at D\+30 00:00/),
    ]);
    expect(at({ ...base, serial: '4' })).toEqual([
      'serial: found "4"; serials must be unique: another entry has it',
    ]);
    expect(at({ ...base, serial: 'no spaces' })).toEqual([
      expect.stringMatching(/^serial: .*a serial like 1, 12a or 3\.1/),
    ]);
    expect(at({ ...base, from: '  ' })).toEqual([expect.stringMatching(/^from: /)]);
    expect(at({ ...base, to: ['niger', 'atlantis'] })).toEqual([
      expect.stringMatching(/^to: found "atlantis"; allowed: an actor id/),
    ]);
    expect(at({ ...base, timing: 'metric', value: 'lots' })).toEqual([
      'timing.trigger.value: found "lots"; allowed: a number to compare with',
    ]);
    expect(at({ ...base, timing: 'event', event: 'attack', zone: 'nowhere' })).toEqual([
      expect.stringMatching(/^timing\.trigger\.zone: found "nowhere"; allowed: a zone id/),
    ]);
    expect(at({ ...base, effect: 'attack', fx: { threat: 'grp-b' } })).toEqual([
      'effect.place: missing; choose one',
    ]);
    expect(at({ ...base, effect: 'spawn', fx: { threat: 'grp-a', strength: '0' } })).toEqual([
      expect.stringMatching(/^effect\.strength: /),
    ]);
    expect(at({ ...base, effect: 'weather', fx: { zone: 'pa-kaouar', hours: '6' } })).toEqual([
      'effect.closes: missing; tick at least one of ground, sea, air',
    ]);
    expect(at({ ...base, effect: 'agreement', fx: { agreement: 'ag-zz' } })).toEqual([
      'effect.active: missing; choose switch on or switch off',
    ]);
    expect(
      at({ ...base, effect: 'agreement', fx: { agreement: 'ag-zz', active: 'false' } }),
    ).toEqual([expect.stringMatching(/^effect\.agreement: found "ag-zz"; allowed: an agreement/)]);
    expect(
      at({ ...base, effect: 'spawn', fx: { threat: 'grp-a', strength: '5', lon: '1' } }),
    ).toEqual([expect.stringMatching(/^effect\.position: /)]);
  });

  it('drops a zone the event kind cannot have, and maps paths to fields', () => {
    const d = { ...entryToDraft(entry({ serial: '5' })), timing: 'event' as const };
    expect(
      draftToEntry({ ...d, event: 'convoy-lost', zone: 'sector-centre' }).candidate.timing,
    ).toEqual({
      kind: 'trigger',
      trigger: { kind: 'event', event: 'convoy-lost' },
    });
    expect(fieldOfPath('to[1]')).toBe('to');
    expect(fieldOfPath('effect.position[0]')).toBe('effect.position');
    expect(fieldOfPath('timing.trigger.zone')).toBe('timing.trigger.zone');
    expect(fieldOfPath('(root)')).toBe('form');
  });

  it('offers names from the scenario, ids stored', () => {
    const orgs = choicesFor('withdraw', 'organisation', {}, sc);
    expect(orgs).toEqual([{ id: 'g5-sahel', name: 'G5 Sahel' }]);
    const members = choicesFor('withdraw', 'actor', { organisation: 'g5-sahel' }, sc);
    expect(members.map((m) => m.id)).toEqual(['mali', 'burkina', 'niger', 'mauritania', 'chad']);
    expect(
      choicesFor('withdraw', 'sectorsTo', { organisation: 'g5-sahel', actor: 'mali' }, sc),
    ).toHaveLength(4);
    expect(choicesFor('funding', 'actor', {}, sc)).toHaveLength(sc.actors.length);
    expect(choicesFor('right', 'right', {}, sc)[0]).toEqual({
      id: 'hp-ne-bf',
      name: 'hot pursuit: Niger → Burkina Faso',
    });
  });
});

describe('store helpers', () => {
  it('numbers a new entry after the highest serial', () => {
    expect(nextSerial([])).toBe('1');
    expect(
      nextSerial([entry({ serial: '3' }), entry({ serial: '12a' }), entry({ serial: 'X' })]),
    ).toBe('13');
  });

  it('names files after the exercise', () => {
    expect(mselFileName('Sahel Shield — CPX 26', 'csv')).toBe('Sahel-Shield-CPX-26-MSEL.csv');
    expect(mselFileName('Tillabéri/Ménaka', 'xlsx')).toBe('Tillaberi-Menaka-MSEL.xlsx');
    expect(mselFileName('', 'csv')).toBe('exercise-MSEL.csv');
  });

  it('keeps a fired entry but for its text', () => {
    const a = entry({ serial: '1', subject: 'a' });
    const b = { ...a, subject: 'b', to: ['niger'], timing: { kind: 'at' as const, hours: 7 } };
    expect(lockedChanges(a, b)).toEqual(['timing', 'to']);
    expect(withTextOf(a, b)).toEqual({ ...a, subject: 'b' });
  });

  it('plans an import by serial: added, replaced, unchanged, not in the file', () => {
    const current = [
      entry({ serial: '1' }),
      entry({ serial: '2' }),
      entry({ serial: '3' }),
      entry({ serial: '4' }),
    ];
    const file = [
      entry({ serial: '2', subject: 'new text' }),
      entry({ serial: '1' }),
      entry({ serial: '9' }),
    ];
    const p = planImport(current, file, new Set(['4']));
    expect(p).toEqual({
      ok: true,
      plan: {
        entries: file,
        added: ['9'],
        replaced: ['2'],
        unchanged: ['1'],
        notInFile: ['3'],
        notInFileFired: ['4'],
      },
    });
    if (!p.ok) return;
    expect(applyImportPlan(current, p.plan, false).map((e) => [e.serial, e.subject])).toEqual([
      ['1', ''],
      ['2', 'new text'],
      ['3', ''],
      ['4', ''],
      ['9', ''],
    ]);
    expect(applyImportPlan(current, p.plan, true).map((e) => e.serial)).toEqual([
      '1',
      '2',
      '4',
      '9',
    ]);
  });

  it('refuses an import that rewrites a fired entry beyond its text', () => {
    const current = [entry({ serial: '1' })];
    const p = planImport(
      current,
      [entry({ serial: '1', method: 'radio', to: ['mali'] })],
      new Set(['1']),
    );
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems[0]!.message).toBe(
      'No. 1 has fired: only Subject, Message and Expected Action may change, and the file changes its To, Method',
    );
    expect(
      planImport(current, [entry({ serial: '1', message: 'reworded' })], new Set(['1'])).ok,
    ).toBe(true);
  });
});
