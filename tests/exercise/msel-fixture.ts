// Test data for the MSEL tests: the bundled scenarios (validated), and hand-written entries
// that use every effect kind, both trigger kinds and awkward text (commas, quotes, line
// breaks, formulas, unicode) on sahel-ct.
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { MselEntries, type MselEntry, type MselEntryInput } from '../../src/exercise/msel';
import type { Scenario } from '../../src/scenario/schema';
import { validateScenario } from '../../src/scenario/validate';

export const scenarioNames = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const cache = new Map<string, Scenario>();
export function scenario(name: string): Scenario {
  let sc = cache.get(name);
  if (!sc) {
    const v = validateScenario(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')));
    if (!v.ok) throw new Error(`${name}: ${v.problems.map((p) => p.message).join('; ')}`);
    sc = v.value;
    cache.set(name, sc);
  }
  return sc;
}

const handInput: MselEntryInput[] = [
  {
    serial: '1',
    timing: { kind: 'at', hours: 0 },
    from: 'EXCON',
    method: 'email',
    subject: 'STARTEX, all stations',
    message: 'Exercise "SAHEL SHIELD" begins.\nAcknowledge, by 0800Z; quote "ref 1".',
    expectedAction: 'Acknowledge',
  },
  {
    serial: '2',
    timing: { kind: 'at', hours: 54.5 },
    from: 'Niger MoD',
    to: ['niger', 'g5-sahel'],
    method: 'phone',
    subject: 'Tillabéri: attaque à Inates',
    message: 'Les habitants signalent une colonne armée — ✓ confirmé 🚩; السلام',
    expectedAction: 'Task a QRF; inform the JOC',
    effect: { kind: 'attack', threat: 'grp-b', place: 'inates' },
  },
  {
    serial: '12a',
    timing: { kind: 'trigger', trigger: { kind: 'event', event: 'attack', zone: 'sector-centre' } },
    from: 'Mali MoD',
    to: ['mali'],
    method: 'radio',
    subject: '=HYPERLINK("http://x")',
    message: "'Tis a formula-looking text: =1+1, +2, -3, @sum\tand a tab",
    expectedAction: "'-quoted",
    effect: { kind: 'agreement', agreement: 'ag-ml-bf', active: false },
  },
  {
    serial: '12b',
    timing: {
      kind: 'trigger',
      trigger: { kind: 'metric', metric: 'incidents', op: '>=', value: 5 },
    },
    from: 'EXCON',
    method: 'media',
    subject: '  leading and trailing spaces  ',
    message: 'Press: "five incidents"\n\nsecond paragraph, with a comma',
    effect: { kind: 'spawn', threat: 'grp-b', strength: 30, position: [1.5, 14.2] },
  },
  {
    serial: '13',
    timing: {
      kind: 'trigger',
      trigger: { kind: 'metric', metric: 'trustMean', op: '<', value: -0.25 },
    },
    from: 'G5 Sahel SE',
    method: 'face-to-face',
    effect: { kind: 'spawn', threat: 'grp-a', strength: 12.5 },
  },
  {
    serial: '14',
    timing: { kind: 'trigger', trigger: { kind: 'event', event: 'sovereignty-incident' } },
    from: 'Burkina MFA',
    method: 'message',
    message: 'Démarche',
    effect: { kind: 'right', right: 'tr-ml-pt', active: true },
  },
  {
    serial: '15',
    timing: { kind: 'at', hours: 100 + 7 / 60 },
    from: 'EXCON',
    method: 'sim',
    effect: { kind: 'weather', zone: 'pa-kaouar', closes: ['ground', 'air'], hours: 24 },
  },
  {
    serial: '16',
    timing: { kind: 'at', hours: 200.25 },
    from: 'Donor',
    method: 'document',
    effect: { kind: 'funding', actor: 'g5-sahel', amount: -300.5 },
  },
  {
    serial: '17',
    timing: { kind: 'at', hours: 300 },
    from: 'Bamako',
    method: 'video',
    message: 'Mali leaves.',
    effect: { kind: 'withdraw', actor: 'mali', organisation: 'g5-sahel', sectorsTo: 'niger' },
  },
  {
    serial: '18',
    timing: { kind: 'at', hours: 301 },
    from: 'EXCON',
    method: 'chat',
    to: ['mali', 'burkina', 'niger'],
    message: 'A narrative in the sim',
    effect: { kind: 'narrative' },
  },
  {
    // Object.prototype names as text (a spreadsheet library once indexed strings by them).
    serial: 'toString',
    timing: { kind: 'at', hours: 303 },
    from: 'constructor',
    method: 'email',
    subject: '__proto__',
    message: "'valueOf",
    expectedAction: 'hasOwnProperty',
  },
  {
    serial: '19',
    timing: { kind: 'at', hours: 302 },
    from: 'EXCON',
    method: 'sim',
    effect: { kind: 'mechanism', mechanism: 'lo-mali-burkina', active: true },
  },
];

/** Hand-written entries on sahel-ct, parsed (defaults applied). */
export function handEntries(): MselEntry[] {
  const parsed = MselEntries.safeParse(handInput);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data!;
}

/** The planner's view of a problem: "row 7, column Effect Details: found …". */
export const lines = (problems: ReadonlyArray<{ path: string; message: string }>) =>
  problems.map((p) => `${p.path}: ${p.message}`);
