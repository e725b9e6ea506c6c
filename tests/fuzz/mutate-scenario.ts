// Seeded mutations of scenario files for the CLI fuzz test: hostile numbers, wrong types,
// missing and unknown fields, reserved keys, broken references, degenerate geography, big
// sizes, hostile --set assignments and damaged JSON text. Pure: (base, rng) → one case.

export type Rng = () => number;

export interface ScenarioCase {
  /** The file's text (usually JSON of the mutated document; sometimes damaged). */
  text: string;
  /** Extra command-line arguments after the file (--ticks, --set …). */
  args: string[];
  /** What was done, for the failure report. */
  what: string[];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every [container, key] of a document, so one can be picked at random. */
function slots(doc: Json): Array<[Json[] | Record<string, Json>, string | number, string]> {
  const out: Array<[Json[] | Record<string, Json>, string | number, string]> = [];
  const walk = (node: Json, path: string) => {
    if (Array.isArray(node))
      node.forEach((v, i) => {
        out.push([node, i, `${path}[${i}]`]);
        walk(v, `${path}[${i}]`);
      });
    else if (node && typeof node === 'object')
      for (const k of Object.keys(node)) {
        out.push([node, k, `${path}.${k}`]);
        walk(node[k]!, `${path}.${k}`);
      }
  };
  walk(doc, '');
  return out;
}

const HOSTILE_NUMBERS = [
  0,
  -1,
  -0.5,
  0.5,
  1,
  1e-300,
  1e9,
  1e15,
  1e308,
  2 ** 31,
  2 ** 53 + 2,
  123456789,
];
const HOSTILE_VALUES: Json[] = [
  null,
  true,
  '',
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '\u0000\u202e',
  [],
  {},
  [[[[[]]]]],
  { __proto__x: 1 },
  '1e999',
];
const RESERVED = ['__proto__', 'constructor', 'prototype'];

const HOSTILE_SETS = [
  '__proto__.polluted=1',
  '__proto__.toString=1',
  'constructor.prototype.x=1',
  'units.0.__proto__.x=1',
  'actors.*.constructor=1',
  'prototype=2',
  'units.*.count=1e308',
  'geography.cellKm=0.5',
  'geography.bbox=[-180,-85,180,85]',
  'units.0={"__proto__":{"y":1}}',
  'durationDays=-1',
  'sharingLatncyMin=5',
  'tickMinutes=1',
  'units.*.count=200',
  'threats.*.cells=200',
  'traffic.*.perDay=500',
  'unitTypes.*.speedKmh=2000',
  'unitTypes.*.fuelCapacityH=0.1',
  'capacityBuilding.*.costPerDay=1e308',
  '=1',
  'x',
];

function mutateNode(doc: Json, rng: Rng, what: string[]): void {
  const all = slots(doc);
  if (!all.length) return;
  const [c, k, path] = pick(rng, all);
  const box = c as Record<string | number, Json>;
  const cur = box[k]!;
  const op = Math.floor(rng() * 8);
  switch (op) {
    case 0:
    case 1: {
      const v =
        typeof cur === 'number' && rng() < 0.5
          ? cur * pick(rng, [-1, 10, 1000, 1e6, 0.001])
          : pick(rng, HOSTILE_NUMBERS);
      box[k] = v;
      what.push(`${path} = ${v}`);
      break;
    }
    case 2:
      box[k] = pick(rng, HOSTILE_VALUES);
      what.push(`${path} = ${JSON.stringify(box[k]).slice(0, 40)}`);
      break;
    case 3:
      if (Array.isArray(c)) c.splice(k as number, 1);
      else delete (c as Record<string, Json>)[k as string];
      what.push(`delete ${path}`);
      break;
    case 4:
      if (Array.isArray(c)) {
        c.push(structuredClone(cur));
        what.push(`duplicate ${path}`);
      } else {
        const key = rng() < 0.6 ? pick(rng, RESERVED) : pick(rng, ['extra', 'zzz', 'Id', '']);
        // A real own key named __proto__, as JSON.parse would make it.
        Object.defineProperty(c, key, {
          value: { polluted: 1 },
          enumerable: true,
          writable: true,
          configurable: true,
        });
        what.push(`add key ${key} beside ${path}`);
      }
      break;
    case 5:
      if (typeof cur === 'string') {
        const ids = all
          .map(([cc, kk]) => (cc as Record<string | number, Json>)[kk])
          .filter((v) => typeof v === 'string') as string[];
        box[k] = pick(rng, [
          ...ids.slice(0, 50),
          'nowhere',
          'constructor',
          'toString',
          '__proto__',
        ]);
        what.push(`${path} = "${box[k]}"`);
      } else {
        box[k] = String(cur);
        what.push(`${path} as a string`);
      }
      break;
    case 6:
      if (Array.isArray(cur)) {
        cur.length = 0;
        what.push(`empty ${path}`);
      } else {
        box[k] = [cur];
        what.push(`wrap ${path} in an array`);
      }
      break;
    default:
      box[k] = -Math.abs(typeof cur === 'number' ? cur : 1);
      what.push(`${path} negative`);
  }
}

/** Mutations of meaning that keep the document well-formed: sizes, geography, switches. */
function mutateMeaning(doc: Record<string, Json>, rng: Rng, what: string[]): void {
  const d = doc as Record<string, Record<string, Json> & Json[]>;
  const g = d.geography as Record<string, Json>;
  const arr = (k: string) => (Array.isArray(d[k]) ? (d[k] as Json[]) : []);
  switch (Math.floor(rng() * 9)) {
    case 0:
      g.cellKm = pick(rng, [0.5, 1, 2, 25]);
      what.push(`cellKm ${g.cellKm}`);
      break;
    case 1: {
      const b = g.bbox as number[];
      const grow = pick(rng, [0.001, 0.5, 3, 40]);
      g.bbox = [b[0]! - grow, b[1]! - grow / 2, b[2]! + grow, b[3]! + grow / 2].map((v, i) =>
        Math.max(i % 2 ? -90 : -180, Math.min(i % 2 ? 90 : 180, v)),
      );
      what.push(`bbox grown by ${grow}°`);
      break;
    }
    case 2: {
      const zones = arr('zones') as Array<Record<string, Json>>;
      if (zones.length) {
        const z = pick(rng, zones);
        const ring = (z.polygon as number[][][])[0]!;
        const [x, y] = ring[0]!;
        z.polygon = [
          [
            [x!, y!],
            [x! + 1e-4, y!],
            [x!, y! + 1e-4],
            [x!, y!],
          ],
        ];
        what.push(`zone ${z.id} shrunk to a speck`);
      }
      break;
    }
    case 3: {
      const units = arr('units') as Array<Record<string, Json>>;
      const n = pick(rng, [200, 150]);
      for (const u of units) u.count = n;
      const copies = pick(rng, [1, 2, 4]);
      for (let i = 1; i < copies; i++)
        units.push(...units.slice(0, 60).map((u) => ({ ...u, id: `${u.id}-x${i}` })));
      what.push(`every unit ×${n}, ${copies} copies`);
      break;
    }
    case 4: {
      const places = arr('places') as Array<Record<string, Json>>;
      const n = pick(rng, [100, 500, 25_000]);
      const base = places[0];
      if (base) for (let i = 0; i < n; i++) places.push({ ...base, id: `p-${i}` });
      what.push(`${n} more places`);
      break;
    }
    case 5:
      for (const t of arr('threats') as Array<Record<string, Json>>) t.cells = 200;
      what.push('200 cells per threat');
      break;
    case 6:
      for (const t of arr('traffic') as Array<Record<string, Json>>) {
        t.perDay = 500;
        t.speedKmh = 1;
      }
      what.push('traffic 500/day at 1 km/h');
      break;
    case 7: {
      const params = arr('parameters') as Array<Record<string, Json>>;
      if (params.length) {
        const p = pick(rng, params);
        p.path = pick(rng, [
          '__proto__.x',
          'constructor.prototype.y',
          'units.*.nothing',
          'a..b',
          '*.*.*',
        ]);
        what.push(`parameter ${p.name} path ${p.path}`);
      }
      break;
    }
    default:
      d.tickMinutes = pick(rng, [1, 120, 7]) as never;
      d.durationDays = pick(rng, [0.1, 365]) as never;
      what.push(`tick ${d.tickMinutes} min, ${d.durationDays} days`);
  }
}

function damageText(text: string, rng: Rng, what: string[]): string {
  const at = Math.floor(rng() * text.length);
  switch (Math.floor(rng() * 4)) {
    case 0:
      what.push(`truncated at ${at}`);
      return text.slice(0, at);
    case 1:
      what.push(`byte ${at} flipped`);
      return (
        text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 0x20) + text.slice(at + 1)
      );
    case 2:
      what.push(`garbage at ${at}`);
      return `${text.slice(0, at)}\u0000}{,"]1e999${text.slice(at)}`;
    default:
      what.push('number 1e999 in the text');
      return text
        .replace(/"costPerDay": ?[\d.]+/, '"costPerDay": 1e999')
        .replace(/"budget": ?[\d.]+/, '"budget": 1e999');
  }
}

/**
 * One mutated case of a base scenario document. `coarseKm` is the coarsest cell size at which
 * the base still loads (its lanes stay at sea): most cases run there, so that two thousand of
 * them fit in minutes.
 */
export function scenarioCase(base: Record<string, Json>, coarseKm: number, rng: Rng): ScenarioCase {
  const doc = structuredClone(base);
  const what: string[] = [];
  const g = doc.geography as Record<string, Json>;
  if (rng() < 0.8) g.cellKm = Math.max(g.cellKm as number, coarseKm);
  const kind = rng();
  if (kind < 0.45) {
    const n = 1 + Math.floor(rng() * 3);
    for (let i = 0; i < n; i++) mutateNode(doc, rng, what);
  } else if (kind < 0.8) mutateMeaning(doc, rng, what);
  const args = ['--ticks', String(1 + Math.floor(rng() * 48))];
  if (rng() < 0.2) {
    const s = pick(rng, HOSTILE_SETS);
    args.push('--set', s);
    what.push(`--set ${s}`);
  }
  let text = JSON.stringify(doc);
  if (kind >= 0.92) text = damageText(text, rng, what);
  return { text, args, what };
}
