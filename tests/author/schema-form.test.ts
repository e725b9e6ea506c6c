// Author mode's forms follow the scenario's JSON Schema: the walk from a document path to the
// schema there (through lists, tuples, records and the inject kinds' oneOf), which table an id
// field names (so the form offers the document's ids), and which problems a field shows.
// (src/ui/author/actions.ts scenarioText is not tested here: importing it pulls in the
// browser bridge, which reads `location` at load and fails in Node.)
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/author/edit-session';
import { listOf } from '../../src/author/items';
import { validateScenario } from '../../src/scenario/validate';
import { problemsAt, problemsWithin } from '../../src/ui/author/form/paths';
import { refOptions, refTable } from '../../src/ui/author/form/refs';
import {
  branchFor,
  isLonLatNode,
  nodeAt,
  type SchemaNode,
  scenarioSchema,
} from '../../src/ui/author/form/schema-node';
import { scenarioDoc } from './exchange/scenarios';

const root = scenarioSchema();
const sahel = () => scenarioDoc('sahel-ct') as Doc;
const ID = '^[a-z0-9][a-z0-9-]*$';

/** The document with one inject: the one of this kind in sahel-ct. */
function withInject(kind: string): Doc {
  const doc = sahel();
  const inj = listOf(doc, 'injects').find((i) => i.kind === kind);
  if (!inj) throw new Error(`no ${kind} inject in sahel-ct`);
  return { ...doc, injects: [inj] };
}

describe('nodeAt', () => {
  it('finds an id field through a list: units[0].owner', () => {
    const n = nodeAt(root, sahel(), ['units', 0, 'owner'])!;
    expect(n.type).toBe('string');
    expect(n.pattern).toBe(ID);
  });

  it('finds a position tuple: actors[0].hq is [lon, lat] with their ranges', () => {
    const n = nodeAt(root, sahel(), ['actors', 0, 'hq'])!;
    expect(n.type).toBe('array');
    expect(isLonLatNode(n)).toBe(true);
    expect(n.prefixItems!.map((p) => [p.minimum, p.maximum])).toEqual([
      [-180, 180],
      [-90, 90],
    ]);
    const lat = nodeAt(root, sahel(), ['actors', 0, 'hq', 1])!;
    expect([lat.minimum, lat.maximum]).toEqual([-90, 90]);
    expect(isLonLatNode(nodeAt(root, sahel(), ['actors', 0, 'name'])!)).toBe(false);
  });

  it('follows an inject’s kind: a narrative’s message is required text, it has no place', () => {
    const doc = withInject('narrative');
    const msg = nodeAt(root, doc, ['injects', 0, 'message'])!;
    expect(msg.type).toBe('string');
    expect(msg.minLength).toBe(1);
    expect(nodeAt(root, doc, ['injects', 0, 'place'])).toBeNull();
    expect(nodeAt(root, doc, ['injects', 0, 'kind'])!.const).toBe('narrative');
  });

  it('follows an inject’s kind: an attack’s place is an id, its threat too', () => {
    const doc = withInject('attack');
    expect(nodeAt(root, doc, ['injects', 0, 'place'])!.pattern).toBe(ID);
    expect(nodeAt(root, doc, ['injects', 0, 'threat'])!.pattern).toBe(ID);
    expect(nodeAt(root, doc, ['injects', 0, 'kind'])!.const).toBe('attack');
    // The same path in another kind's inject is another field, or none.
    expect(nodeAt(root, withInject('weather'), ['injects', 0, 'place'])).toBeNull();
  });

  it('finds a unit type’s field through the record, whatever its key', () => {
    const sidc = nodeAt(root, sahel(), ['unitTypes', 'mot-coy', 'sidc'])!;
    expect(sidc.type).toBe('string');
    expect(new RegExp(sidc.pattern!).test('SFGPUCIM---E---')).toBe(true);
    expect(new RegExp(sidc.pattern!).test('not a code')).toBe(false);
    // A key not in the document yet (a type being added) has the same schema.
    expect(nodeAt(root, sahel(), ['unitTypes', 'new-type', 'sidc'])).toEqual(sidc);
  });

  it('finds a unit task’s zone by the task’s kind, and nothing for an unknown key', () => {
    const doc = sahel();
    const i = listOf(doc, 'units').findIndex(
      (u) => (u.task as { kind?: string } | undefined)?.kind === 'patrol-area',
    );
    expect(i).toBeGreaterThanOrEqual(0);
    expect(nodeAt(root, doc, ['units', i, 'task', 'zone'])!.pattern).toBe(ID);
    expect(nodeAt(root, doc, ['nosuch'])).toBeNull();
    expect(nodeAt(root, doc, ['units', 0, 'nosuch'])).toBeNull();
  });

  it('finds the branch of a union that the value takes: a unit under a task force’s command', () => {
    const doc = sahel();
    const i = listOf(doc, 'units').findIndex((u) => u.command === 'jf-g5');
    expect(i).toBeGreaterThanOrEqual(0);
    // command is 'national' | an id: 'jf-g5' is the id, not the constant.
    const n = nodeAt(root, doc, ['units', i, 'command'])!;
    expect(n.const).toBeUndefined();
    expect(n.pattern).toBe(ID);
  });

  it('branchFor picks the oneOf branch whose kind matches, else one of the value’s shape', () => {
    const injects = root.properties!.injects!.items as SchemaNode;
    expect(injects.oneOf!.length).toBeGreaterThan(5);
    for (const kind of ['narrative', 'attack', 'weather', 'spawn', 'agreement']) {
      expect(branchFor(injects, { kind }).properties!.kind!.const).toBe(kind);
    }
    const plain: SchemaNode = { type: 'string' };
    expect(branchFor(plain, 'x')).toBe(plain);
    const either: SchemaNode = { anyOf: [{ type: 'number' }, { type: 'string' }] };
    expect(branchFor(either, 'x').type).toBe('string');
    expect(branchFor(either, 3).type).toBe('number');
  });
});

describe('refTable', () => {
  it.each([
    [['units', 0, 'owner'], 'actors'],
    [['units', 0, 'base'], 'bases'],
    [['units', 0, 'type'], 'unitTypes'],
    [['units', 0, 'task', 'zone'], 'zones'],
    [['units', 0, 'task', 'route'], 'routes'],
    [['supplyRuns', 0, 'from'], 'bases'],
    [['supplyRuns', 0, 'to'], 'bases'],
    [['supplyRuns', 0, 'owner'], 'actors'],
    [['agreements', 0, 'from'], 'actors'],
    [['agreements', 0, 'to'], 'actors'],
    [['injects', 0, 'place'], 'places'],
    [['injects', 0, 'to', 1], 'actors'],
    [['threats', 0, 'havens', 2], 'zones'],
    [['taskForces', 0, 'area'], 'zones'],
    [['units', 0, 'id'], null],
    [['zones', 0, 'kind'], null],
    [['zones', 0, 'name'], null],
    [['unitTypes', 'mot-coy', 'domain'], null],
  ] as const)('%j → %s', (path, table) => {
    expect(refTable(path)).toBe(table);
  });

  it('knows every id field that src/scenario/references.ts checks', () => {
    const refs: Array<[Array<string | number>, string]> = [
      [['geography', 'countries', 0, 'actor'], 'actors'],
      [['actors', 0, 'members', 0], 'actors'],
      [['rights', 0, 'grantor'], 'actors'],
      [['rights', 0, 'grantee'], 'actors'],
      [['taskForces', 0, 'commander'], 'actors'],
      [['jointCentres', 0, 'host'], 'actors'],
      [['jointCentres', 0, 'members', 0], 'actors'],
      [['liaisonOffices', 0, 'from'], 'actors'],
      [['logisticsFrameworks', 0, 'members', 0], 'actors'],
      [['capacityBuilding', 0, 'provider'], 'actors'],
      [['capacityBuilding', 0, 'recipient'], 'actors'],
      [['dialogues', 0, 'participants', 0], 'actors'],
      [['bases', 0, 'owner'], 'actors'],
      [['bases', 0, 'users', 0], 'actors'],
      [['zones', 0, 'owner'], 'actors'],
      [['traffic', 0, 'route'], 'routes'],
      [['supplyRuns', 0, 'route'], 'routes'],
      [['injects', 0, 'threat'], 'threats'],
      [['injects', 0, 'agreement'], 'agreements'],
      [['injects', 0, 'right'], 'rights'],
      [['injects', 0, 'zone'], 'zones'],
      [['injects', 0, 'actor'], 'actors'],
      [['injects', 0, 'organisation'], 'actors'],
      [['injects', 0, 'sectorsTo'], 'actors'],
      [['injects', 0, 'units', 0, 'type'], 'unitTypes'],
      [['injects', 0, 'units', 0, 'owner'], 'actors'],
      [['injects', 0, 'units', 0, 'base'], 'bases'],
      [['injects', 0, 'units', 0, 'task', 'zone'], 'zones'],
    ];
    const wrong = refs
      .filter(([path, table]) => refTable(path) !== table)
      .map(([path, table]) => `${path.join('.')}: ${refTable(path)} (want ${table})`);
    expect(wrong).toEqual([]);
  });
});

describe('refOptions', () => {
  it('offers the document’s ids with their names, and the unit types by key', () => {
    const doc = sahel();
    const actors = refOptions(doc, 'actors');
    expect(actors.map((a) => a.id)).toEqual(listOf(doc, 'actors').map((a) => a.id));
    expect(actors.find((a) => a.id === 'mali')!.name).toBe(
      listOf(doc, 'actors').find((a) => a.id === 'mali')!.name,
    );
    const types = refOptions(doc, 'unitTypes');
    expect(types.map((t) => t.id)).toEqual(Object.keys(doc.unitTypes as object));
    expect(types.find((t) => t.id === 'mot-coy')!.name).toMatch(/company/i);
  });

  it('offers nothing for a table the document lacks, and an id for a nameless item', () => {
    expect(refOptions({}, 'zones')).toEqual([]);
    expect(refOptions({}, 'unitTypes')).toEqual([]);
    expect(refOptions({ zones: [{ id: 'z1' }] }, 'zones')).toEqual([{ id: 'z1', name: 'z1' }]);
  });
});

describe('problemsAt', () => {
  const problems = [
    { path: 'units[1]', message: 'a' },
    { path: 'units[1].owner', message: 'b' },
    { path: 'units[1].task.zone', message: 'c' },
    { path: 'units[10].owner', message: 'd' },
    { path: 'actors[0].hq[1]', message: 'e' },
    { path: 'unitTypes.mot-coy.speedKmh', message: 'f' },
  ];
  const messages = (ps: Array<{ message: string }>) => ps.map((p) => p.message);

  it('finds a field’s own problems, and with deep those inside it, never a neighbour’s', () => {
    expect(messages(problemsAt(problems, ['units', 1, 'owner']))).toEqual(['b']);
    expect(messages(problemsAt(problems, ['units', 1]))).toEqual(['a']);
    expect(messages(problemsAt(problems, ['units', 1], true))).toEqual(['a', 'b', 'c']);
    expect(messages(problemsWithin(problems, ['actors', 0, 'hq']))).toEqual(['e']);
    expect(messages(problemsAt(problems, ['unitTypes', 'mot-coy', 'speedKmh']))).toEqual(['f']);
  });

  it('finds the validator’s own problems at the fields they are about', () => {
    const doc = sahel();
    (listOf(doc, 'units')[1] as Record<string, unknown>).owner = 'atlantis';
    (doc.unitTypes as Record<string, Record<string, unknown>>)['mot-coy']!.speedKmh = -5;
    const v = validateScenario(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(problemsAt(v.problems, ['units', 1, 'owner'])).toHaveLength(1);
    expect(problemsAt(v.problems, ['units', 1, 'owner'])[0]!.message).toMatch(/atlantis/);
    expect(problemsAt(v.problems, ['unitTypes', 'mot-coy', 'speedKmh'])).toHaveLength(1);
    expect(problemsAt(v.problems, ['units', 0, 'owner'])).toEqual([]);
  });
});
