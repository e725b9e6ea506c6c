// GeoJSON import: features drawn elsewhere become zones, routes and places that validate when
// added to a copy of sahel-ct (ids made unique against its own, owners among its actors); every
// fault in the input is a problem naming its path and what is allowed, never a throw.
import { describe, expect, it } from 'vitest';
import {
  featuresToScenarioParts,
  importOptionsFor,
} from '../../../src/author/exchange/geojson-import';
import type { ScenarioInput } from '../../../src/scenario/schema';
import { validateScenario } from '../../../src/scenario/validate';
import { scenarioDoc } from './scenarios';

type Doc = Record<string, unknown> & {
  zones: unknown[];
  routes: unknown[];
  places: unknown[];
  actors: Array<{ id: string }>;
  geography: { bbox: [number, number, number, number] };
};
const sahel = () => scenarioDoc('sahel-ct') as Doc;

const feature = (geometry: unknown, properties: unknown = {}) => ({
  type: 'Feature',
  geometry,
  properties,
});
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const square = (lon: number, lat: number, d = 0.5) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];

/** Features a planner might bring from a GIS, all inside sahel-ct's bbox. */
const drawn = () =>
  collection(
    feature(
      { type: 'Polygon', coordinates: square(2, 15.5) },
      { name: 'Zone de patrouille Ménaka', kind: 'patrol-area', owner: 'mali' },
    ),
    feature(
      { type: 'MultiPolygon', coordinates: [square(-1, 14), square(0, 14)] },
      { name: 'Sector West' }, // slug "sector-west" is taken: becomes sector-west-1, -2
    ),
    feature(
      {
        type: 'LineString',
        coordinates: [
          [1, 14, 250], // an altitude: dropped
          [1.5, 14.2, 260],
        ],
      },
      { id: 'RT New Road', name: 'New road', kind: 'highway' },
    ),
    feature(
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [3, 13],
            [3.2, 13.1],
          ],
          [
            [3.4, 13],
            [3.6, 13.1],
          ],
        ],
      },
      { name: 'Tracks', kind: 'track' },
    ),
    feature(
      { type: 'Point', coordinates: [2.41, 15.93] },
      { name: 'Ménaka', kind: 'town', population: 1234 },
    ),
    feature(
      { type: 'Point', coordinates: [2.5, 15.9] },
      { concord: { kind: 'place', id: 'menaka' } },
    ),
    feature({ type: 'Point', coordinates: [2.6, 15.8] }, null),
    feature(
      { type: 'Polygon', coordinates: square(4, 16) },
      { name: 'Atlantis', owner: 'atlantis' },
    ),
  );

describe('GeoJSON features into sahel-ct', () => {
  const doc = sahel();
  const parts = featuresToScenarioParts(drawn(), importOptionsFor(doc as unknown as ScenarioInput));

  it('become zones, routes and places with unique ids and the fields given', () => {
    expect(parts.zones.map((z) => [z.id, z.name, z.kind, z.owner])).toEqual([
      ['zone-de-patrouille-menaka', 'Zone de patrouille Ménaka', 'patrol-area', 'mali'],
      ['sector-west-1', 'Sector West (1 of 2)', 'patrol-area', undefined],
      ['sector-west-2', 'Sector West (2 of 2)', 'patrol-area', undefined],
      ['atlantis', 'Atlantis', 'patrol-area', undefined],
    ]);
    expect(parts.routes.map((r) => [r.id, r.kind, r.coordinates])).toEqual([
      [
        'rt-new-road',
        'road',
        [
          [1, 14],
          [1.5, 14.2],
        ],
      ],
      ['tracks-1', 'track', expect.any(Array)],
      ['tracks-2', 'track', expect.any(Array)],
    ]);
    expect(parts.places.map((p) => [p.id, p.name, p.kind, p.population])).toEqual([
      ['menaka-2', 'Ménaka', 'town', 1234],
      ['menaka-3', 'Imported place 6', 'village', 0],
      ['place-7', 'Imported place 7', 'village', 0],
    ]);
  });

  it('say what they changed, at the path where it was given', () => {
    expect(parts.problems).toEqual([
      {
        path: 'features[2].properties.id',
        message:
          'found "RT New Road"; allowed: an id of lower-case letters, digits and dashes; imported as "rt-new-road"',
      },
      {
        path: 'features[2].properties.kind',
        message: 'found "highway"; allowed: road, lane, track; used "road"',
      },
      {
        path: 'features[5].properties.concord.id',
        message: 'found "menaka"; already an id in places; imported as "menaka-3"',
      },
      {
        path: 'features[7].properties.owner',
        message: expect.stringMatching(
          /^found "atlantis"; allowed: an actor of the scenario \(mali, .*\); left out$/,
        ),
      },
    ]);
  });

  it('validate when added to the scenario', () => {
    const before = validateScenario(sahel());
    expect(before.ok).toBe(true);
    doc.zones.push(...parts.zones);
    doc.routes.push(...parts.routes);
    doc.places.push(...parts.places);
    const v = validateScenario(doc);
    expect(v.ok ? [] : v.problems).toEqual([]);
    // The check has teeth: the same parts without the scenario's ids collide with its own.
    const naive = featuresToScenarioParts(drawn());
    const clash = sahel();
    clash.places.push(...naive.places);
    const w = validateScenario(clash);
    expect(w.ok ? [] : w.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/duplicate id "menaka"/),
    );
  });
});

describe('bad GeoJSON gives problems naming the path, never a throw', () => {
  const line = [
    [1, 14],
    [2, 14],
  ];
  it.each([
    [
      'a Feature alone',
      feature({ type: 'Point', coordinates: [1, 1] }),
      '(root)',
      /found type "Feature"; allowed: a GeoJSON FeatureCollection/,
    ],
    ['null', null, '(root)', /found null; allowed: a GeoJSON FeatureCollection/],
    [
      'features not an array',
      { type: 'FeatureCollection', features: {} },
      'features',
      /found an object; allowed: an array of Features/,
    ],
    [
      'not a feature',
      collection({ type: 'Point', coordinates: [1, 1] }),
      'features[0]',
      /found type "Point"; allowed: a GeoJSON Feature/,
    ],
    [
      'no geometry',
      collection(feature(null)),
      'features[0].geometry',
      /found null; allowed: a geometry, Polygon or MultiPolygon/,
    ],
    [
      'a GeometryCollection',
      collection(feature({ type: 'GeometryCollection', geometries: [] })),
      'features[0].geometry.type',
      /found "GeometryCollection"; allowed: Polygon or MultiPolygon \(zones\), LineString/,
    ],
    [
      'a longitude out of range',
      collection(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 10],
              [1, 10],
              [1, 11],
              [0.5, 11.5],
              [0.2, 11.2],
              [200, 11],
              [0, 10],
            ],
          ],
        }),
      ),
      'features[0].geometry.coordinates[0][5]',
      /^found \[200, 11\]; allowed: \[lon, lat\] with lon -180..180 and lat -90..90$/,
    ],
    [
      'latitude first',
      collection(feature({ type: 'Point', coordinates: [15, 120] })),
      'features[0].geometry.coordinates',
      /found \[15, 120\] \(latitude first\? GeoJSON is \[lon, lat\]\)/,
    ],
    [
      'a position of text',
      collection(
        feature({
          type: 'LineString',
          coordinates: [
            [1, 14],
            ['2', 14],
          ],
        }),
      ),
      'features[0].geometry.coordinates[1]',
      /found \["2", 14\]; allowed: \[lon, lat\]/,
    ],
    [
      'NaN-like null',
      collection(feature({ type: 'Point', coordinates: [null, 14] })),
      'features[0].geometry.coordinates',
      /found \[null, 14\]/,
    ],
    [
      'a ring not closed',
      collection(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 10],
              [1, 10],
              [1, 11],
              [0, 11],
            ],
          ],
        }),
      ),
      'features[0].geometry.coordinates[0]',
      /^ring not closed: first position \[0, 10\], last \[0, 11\]; allowed: a ring whose last position repeats the first$/,
    ],
    [
      'a ring of three',
      collection(
        feature({
          type: 'Polygon',
          coordinates: [
            [
              [0, 10],
              [1, 10],
              [0, 10],
            ],
          ],
        }),
      ),
      'features[0].geometry.coordinates[0]',
      /found an array of 3; allowed: a ring of at least 4 positions/,
    ],
    [
      'a polygon without rings',
      collection(feature({ type: 'Polygon', coordinates: [] })),
      'features[0].geometry.coordinates',
      /found an array of 0; allowed: a non-empty array/,
    ],
    [
      'a line of one',
      collection(feature({ type: 'LineString', coordinates: [[1, 14]] })),
      'features[0].geometry.coordinates',
      /found an array of 1; allowed: a line of at least 2 positions/,
    ],
    [
      'an empty MultiPoint',
      collection(feature({ type: 'MultiPoint', coordinates: [] })),
      'features[0].geometry.coordinates',
      /allowed: a non-empty array/,
    ],
  ])('%s', (_what, input, path, message) => {
    const parts = featuresToScenarioParts(input);
    expect(parts.zones.length + parts.routes.length + parts.places.length).toBe(0);
    expect(parts.problems).toHaveLength(1);
    expect(parts.problems[0]!.path).toBe(path);
    expect(parts.problems[0]!.message).toMatch(message);
  });

  it('takes defaults for fields that are not allowed, and says so', () => {
    const parts = featuresToScenarioParts(
      collection(
        feature(
          { type: 'Point', coordinates: [1, 14] },
          { name: 'X', kind: 'metropolis', population: -5, reportProbability: 2 },
        ),
        feature({ type: 'LineString', coordinates: line }, ['not', 'an', 'object']),
        feature({ type: 'Polygon', coordinates: square(0, 10) }, { name: 'Y', owner: 'Not An Id' }),
      ),
    );
    expect(parts.places).toMatchObject([
      { id: 'x', kind: 'village', population: 0, reportProbability: 0.8 },
    ]);
    expect(parts.routes).toMatchObject([{ id: 'route-2', name: 'Imported route 2' }]);
    expect(parts.zones).toMatchObject([{ id: 'y' }]);
    expect(parts.zones[0]).not.toHaveProperty('owner');
    expect(parts.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'features[0].properties.kind: found "metropolis"; allowed: village, town, city, port, camp; used "village"',
      'features[0].properties.population: found -5; allowed: at least 0; used 0',
      'features[0].properties.reportProbability: found 2; allowed: at most 1; used the default',
      'features[1].properties: found an array of 3; allowed: an object or null; read as {}',
      expect.stringMatching(
        /^features\[2\]\.properties\.owner: found "Not An Id"; an id of lower-case letters, digits and dashes; left out$/,
      ),
    ]);
  });

  it('skips routes and places outside the scenario bbox', () => {
    const parts = featuresToScenarioParts(
      collection(feature({ type: 'Point', coordinates: [40, 14] }, { name: 'Far' })),
      { bbox: [-13, 9, 17, 24] },
    );
    expect(parts.places).toEqual([]);
    expect(parts.problems).toEqual([
      {
        path: 'features[0].geometry.coordinates',
        message:
          "found [40, 14]; allowed: positions inside the scenario's geography.bbox [-13, 9, 17, 24]; skipped",
      },
    ]);
  });

  it('never hands out a reserved word as an id, nor follows one in the properties', () => {
    const input = JSON.parse(
      '{"type":"FeatureCollection","features":[' +
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,14]},"properties":{"name":"constructor"}},' +
        '{"type":"Feature","geometry":{"type":"Point","coordinates":[1,14]},"properties":{"__proto__":{"name":"polluted"},"concord":{"id":"prototype"}}}]}',
    );
    const parts = featuresToScenarioParts(input);
    expect(parts.places.map((p) => [p.id, p.name])).toEqual([
      ['constructor-2', 'constructor'],
      ['prototype-2', 'Imported place 2'],
    ]);
    expect(parts.problems).toEqual([
      {
        path: 'features[1].properties.concord.id',
        message:
          'found "prototype"; a reserved word (constructor, prototype), not an id; imported as "prototype-2"',
      },
    ]);
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });

  it('keeps five problems a feature and counts the rest', () => {
    const ring = [[0, 10], ...Array.from({ length: 20 }, (_, i) => [300 + i, 10]), [0, 10]];
    const parts = featuresToScenarioParts(
      collection(feature({ type: 'Polygon', coordinates: [ring] })),
    );
    expect(parts.problems).toHaveLength(6);
    expect(parts.problems[5]).toEqual({ path: 'features[0]', message: '15 more problems here' });
  });

  it('survives any shape of nonsense', () => {
    const junk: unknown[] = [undefined, 0, 'text', [], {}, true, { type: 'FeatureCollection' }];
    const odd: unknown[] = [
      null,
      1,
      'x',
      [],
      {},
      { type: 'Feature' },
      { type: 'Feature', geometry: 'x' },
    ];
    for (const v of [null, 1, 'x', [], {}, [[]], [[[]]], [[[1]]], [[['a', 'b']]], { a: 1 }]) {
      for (const type of [
        'Point',
        'MultiPoint',
        'LineString',
        'MultiLineString',
        'Polygon',
        'MultiPolygon',
      ])
        odd.push(feature({ type, coordinates: v }, v));
    }
    for (const input of [...junk, collection(...odd)]) {
      const parts = featuresToScenarioParts(input);
      expect(parts.problems.length).toBeGreaterThan(0);
      expect(parts.zones.length + parts.routes.length + parts.places.length).toBe(0);
    }
  });
});
