// New items as author mode adds them: ids unique in the whole document (across tables and unit
// types) even when names collide; each item passes the schema when added to a valid bundled
// scenario; the owner is the nearest nation, a unit's base the nearest of its owner's; the
// palette's unit types are the bundled scenarios' own.
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/author/edit-session';
import { isScenarioId } from '../../src/author/exchange/ids';
import {
  idsInDoc,
  listOf,
  nearestActor,
  nearestBase,
  newBase,
  newPlace,
  newRoute,
  newTableItem,
  newUnit,
  newZone,
  presetTypeId,
  TABLES,
  type TableName,
} from '../../src/author/items';
import { circleRing, rectangleRing } from '../../src/author/shapes';
import { UNIT_PRESETS } from '../../src/author/unit-presets';
import { validateScenario } from '../../src/scenario/validate';
import type { LonLat } from '../../src/sim/describe';
import { scenarioDoc } from './exchange/scenarios';

type Item = Record<string, unknown> & { id: string };

const gulf = () => scenarioDoc('gulf-maritime') as Doc;
const DOHA: LonLat = [51.53, 25.29];
const MUSCAT: LonLat = [58.41, 23.59];

/** Every id in the document: each table's items and the unit types' keys. */
function allIds(doc: Doc): string[] {
  const ids = TABLES.flatMap((t) => listOf(doc, t).map((x) => x.id));
  return [...ids, ...Object.keys((doc.unitTypes ?? {}) as object)];
}

const withItem = (doc: Doc, table: string, item: Item): Doc => {
  const d = structuredClone(doc);
  d[table] = [...listOf(d, table), item];
  return d;
};

const problemsOf = (doc: Doc) => {
  const v = validateScenario(doc);
  return v.ok ? [] : v.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('ids', () => {
  it('are unique across tables and unit types when the natural names are taken', () => {
    const doc = gulf();
    // Take the names new items would get, in other tables than their own.
    (doc.places as Item[]).push({ ...(doc.places as Item[])[0]!, id: 'base' });
    (doc.places as Item[]).push({ ...(doc.places as Item[])[0]!, id: 'zone' });
    (doc.routes as Item[]).push({ ...(doc.routes as Item[])[0]!, id: 'place' });
    (doc.unitTypes as Record<string, unknown>).route = (doc.unitTypes as Record<string, unknown>)[
      'patrol-vessel'
    ];
    const owner = nearestActor(doc, DOHA);
    const add = (table: string, item: Item) => {
      (doc[table] as Item[]).push(item);
      return item.id;
    };
    const made = [
      add('bases', newBase(doc, DOHA, owner)),
      add('bases', newBase(doc, MUSCAT, owner)),
      add('places', newPlace(doc, DOHA)),
      add('zones', newZone(doc, circleRing(DOHA, 20), owner)),
      add('routes', newRoute(doc, [DOHA, MUSCAT])),
      add('units', newUnit(doc, DOHA, 'patrol-vessel', owner, 'base')),
      add('units', newUnit(doc, DOHA, 'patrol-vessel', owner, 'base')),
      add('agreements', newTableItem(doc, 'agreements')),
    ];
    expect(made).toEqual([
      'base-2',
      'base-3',
      'place-2',
      'zone-2',
      'route-2',
      // The type's key is taken (a unit type), so the first unit is patrol-vessel-2.
      'patrol-vessel-2',
      'patrol-vessel-3',
      'agreement',
    ]);
    const ids = allIds(doc);
    expect(new Set(ids).size).toBe(ids.length);
    expect(idsInDoc(doc).take('base')).toBe('base-4');
  });

  it.each(TABLES)('a new %s item has an id of the scenario’s form', (table) => {
    const doc = gulf();
    const item = newTableItem(doc, table as TableName);
    expect(isScenarioId(item.id), item.id).toBe(true);
    const paths = problemsOf(withItem(doc, table, item)).filter((p) => /^\w+\[\d+\]\.id:/.test(p));
    expect(paths).toEqual([]);
  });

  it('names new items apart until renamed, even after one is removed', () => {
    const doc = gulf();
    const owner = nearestActor(doc, DOHA);
    const first = newBase(doc, DOHA, owner);
    (doc.bases as Item[]).push(first);
    (doc.bases as Item[]).push(newBase(doc, MUSCAT, owner));
    doc.bases = (doc.bases as Item[]).filter((b) => b.id !== first.id);
    (doc.bases as Item[]).push(newBase(doc, DOHA, owner));
    const names = (doc.bases as Item[]).map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('every new item passes the schema in a valid scenario (gulf-maritime)', () => {
  it('the scenario is valid to begin with', () => {
    expect(problemsOf(gulf())).toEqual([]);
  });

  const made: Array<[string, (doc: Doc) => [string, Item]]> = [
    ['base', (d) => ['bases', newBase(d, DOHA, nearestActor(d, DOHA))]],
    ['place', (d) => ['places', newPlace(d, MUSCAT)]],
    ['circle zone', (d) => ['zones', newZone(d, circleRing(DOHA, 30), nearestActor(d, DOHA))]],
    ['rectangle zone, no owner', (d) => ['zones', newZone(d, rectangleRing(DOHA, MUSCAT), null)]],
    ['route', (d) => ['routes', newRoute(d, [DOHA, [55, 26.5], MUSCAT])]],
    [
      'unit of an existing type at its owner’s nearest base',
      (d) => {
        const owner = nearestActor(d, DOHA);
        const base = nearestBase(d, DOHA, owner)!;
        return ['units', newUnit(d, DOHA, 'corvette', owner, base.id)];
      },
    ],
    ['organisation', (d) => ['actors', newTableItem(d, 'actors')]],
    ['agreement', (d) => ['agreements', newTableItem(d, 'agreements')]],
    ['right', (d) => ['rights', newTableItem(d, 'rights')]],
  ];

  it.each(made)('%s', (_, make) => {
    const doc = gulf();
    const [table, item] = make(doc);
    expect(problemsOf(withItem(doc, table, item))).toEqual([]);
  });

  it('a blank inject lacks only its message, which only the planner can write', () => {
    const doc = gulf();
    const item = newTableItem(doc, 'injects');
    const n = (doc.injects as unknown[]).length;
    expect(problemsOf(withItem(doc, 'injects', item))).toEqual([
      `injects[${n}].message: found ""; allowed: at least 1 characters`,
    ]);
    expect(problemsOf(withItem(doc, 'injects', { ...item, message: 'STARTEX.' }))).toEqual([]);
  });

  it.each(UNIT_PRESETS.map((p) => [p.id, p] as const))(
    'a unit of the palette’s %s type, under a free key',
    (_, preset) => {
      const doc = gulf();
      const key = presetTypeId(doc, preset);
      (doc.unitTypes as Record<string, unknown>)[key] = structuredClone(preset.type);
      const owner = nearestActor(doc, MUSCAT);
      const base = nearestBase(doc, MUSCAT, owner)!;
      const unit = newUnit(doc, MUSCAT, key, owner, base.id);
      expect(unit.type).toBe(key);
      expect(problemsOf(withItem(doc, 'units', unit))).toEqual([]);
    },
  );

  it('keeps positions to 1e-5° and a zone’s ring closed', () => {
    const doc = gulf();
    const z = newZone(doc, circleRing([51.123456789, 25.987654321], 10), null);
    const ring = (z.polygon as LonLat[][])[0]!;
    expect(ring.at(-1)).toEqual(ring[0]);
    expect(newPlace(doc, [51.123456789, 25.987654321]).position).toEqual([51.12346, 25.98765]);
    expect(z.owner).toBeUndefined();
  });
});

describe('nearestActor and nearestBase', () => {
  it('the owner is the nation whose headquarters is nearest (organisations skipped)', () => {
    const doc = gulf();
    const nations = listOf(doc, 'actors').filter((a) => a.kind === 'nation');
    for (const a of nations) expect(nearestActor(doc, a.hq as LonLat)).toBe(a.id);
    // An organisation's HQ at the click does not make it the owner.
    const org = newTableItem(doc, 'actors');
    (doc.actors as Item[]).push({ ...org, hq: DOHA });
    expect(listOf(doc, 'actors').find((a) => a.id === nearestActor(doc, DOHA))!.kind).toBe(
      'nation',
    );
  });

  it('falls back to the first actor without nations, and to null without actors', () => {
    expect(nearestActor({ actors: [{ id: 'au', kind: 'organisation' }] }, DOHA)).toBe('au');
    expect(nearestActor({}, DOHA)).toBeNull();
  });

  it('a unit’s base is its owner’s nearest, never another nation’s', () => {
    const doc: Doc = {
      bases: [
        { id: 'a-far', owner: 'a', position: [10, 10] },
        { id: 'b-near', owner: 'b', position: [0.1, 0] },
        { id: 'a-near', owner: 'a', position: [1, 1] },
      ],
    };
    expect(nearestBase(doc, [0, 0], 'a')!.id).toBe('a-near');
    expect(nearestBase(doc, [0, 0], null)!.id).toBe('b-near');
    expect(nearestBase(doc, [0, 0], 'c')).toBeNull();
  });
});

describe('newTableItem', () => {
  it('an organisation has every nation as a member and its HQ at their mean', () => {
    const doc: Doc = {
      actors: [
        { id: 'x', kind: 'nation', hq: [0, 10] },
        { id: 'y', kind: 'nation', hq: [4, 20] },
      ],
    };
    const org = newTableItem(doc, 'actors');
    expect(org.members).toEqual(['x', 'y']);
    expect(org.hq).toEqual([2, 15]);
    expect(org.kind).toBe('organisation');
  });

  it('an agreement and a right join the first two nations', () => {
    const doc = gulf();
    const [a, b] = listOf(doc, 'actors')
      .filter((x) => x.kind === 'nation')
      .map((x) => x.id);
    expect(newTableItem(doc, 'agreements')).toMatchObject({ from: a, to: b });
    expect(newTableItem(doc, 'rights')).toMatchObject({ grantor: a, grantee: b });
  });
});

describe('UNIT_PRESETS', () => {
  it('are copied whole from the bundled scenario each names, under the same key', () => {
    for (const p of UNIT_PRESETS) {
      const types = scenarioDoc(p.from).unitTypes as Record<string, unknown>;
      expect(types[p.id], `${p.id} from ${p.from}`).toEqual(p.type);
    }
    const ids = UNIT_PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('presetTypeId reuses the key of the same type already added, else takes a free one', () => {
    const doc = gulf();
    const inf = UNIT_PRESETS.find((p) => p.id === 'inf-coy')!;
    expect(presetTypeId(doc, inf)).toBe('inf-coy');
    (doc.unitTypes as Record<string, unknown>)['inf-coy'] = structuredClone(inf.type);
    expect(presetTypeId(doc, inf)).toBe('inf-coy');
    const recon = UNIT_PRESETS.find((p) => p.id === 'recon')!;
    (doc.places as Item[]).push({ ...(doc.places as Item[])[0]!, id: 'recon' });
    expect(presetTypeId(doc, recon)).toBe('recon-2');
  });

  it('presetTypeId never hands out the key of a different type (gulf-maritime’s own uav)', () => {
    const doc = gulf();
    const uav = UNIT_PRESETS.find((p) => p.id === 'uav')!;
    const types = doc.unitTypes as Record<string, { name: string }>;
    // The scenario's uav is a MALE drone, the palette's a ScanEagle: not the same type.
    expect(types.uav!.name).not.toBe(uav.type.name);
    const key = presetTypeId(doc, uav);
    expect(key in types ? types[key] : uav.type).toEqual(uav.type);
  });
});
