// Checks MSEL entries against a scenario, beyond what the schema can say: serials unique, the
// actors addressed, every id an effect names (threat, place, agreement, right, mechanism, zone,
// actor) and a trigger's zone exist, spawn positions inside the map, times within the
// exercise. Findings keep their path as an array so the spreadsheet import can point at a row
// and a column; `checkMselAgainstScenario` formats them as path-named problems.
import { formatPath, type Problem } from '../scenario/problems';
import { MECHANISM_COLLECTIONS } from '../scenario/references';
import type { Scenario } from '../scenario/schema';
import type { MselEntry } from './msel';
import { formatDPlus } from './msel-time';

export interface MselFinding {
  path: Array<string | number>;
  /** What was found, as text (quoted by the formatter when `quote`), or none. */
  found?: string;
  quote?: boolean;
  /** What is allowed, or what is wrong: "allowed: an id in agreements (…)". */
  message: string;
  /** Another entry involved (a duplicate serial): its index. */
  other?: number;
}

type Named = { id: string };

function listIds(items: readonly Named[]): string {
  const ids = items.map((x) => x.id);
  if (!ids.length) return 'none in this scenario';
  return ids.length > 12 ? `${ids.slice(0, 12).join(', ')}, … (${ids.length})` : ids.join(', ');
}

/** The id tables an MSEL may name, with the word for one of them. */
function tables(sc: Scenario): Record<string, { what: string; items: readonly Named[] }> {
  return {
    actors: { what: 'an actor id', items: sc.actors },
    threats: { what: 'a threat id', items: sc.threats },
    places: { what: 'a place id', items: sc.places },
    agreements: { what: 'an agreement id', items: sc.agreements },
    rights: { what: 'a right id', items: sc.rights },
    zones: { what: 'a zone id', items: sc.zones },
    mechanisms: {
      what: 'a mechanism id',
      items: MECHANISM_COLLECTIONS.flatMap((k): readonly Named[] => sc[k]),
    },
  };
}

export function mselFindings(entries: readonly MselEntry[], sc: Scenario): MselFinding[] {
  const out: MselFinding[] = [];
  const t = tables(sc);
  const ref = (
    path: MselFinding['path'],
    value: string,
    table: keyof ReturnType<typeof tables>,
  ) => {
    const { what, items } = t[table]!;
    if (!items.some((x) => x.id === value))
      out.push({
        path,
        found: value,
        quote: true,
        message: `allowed: ${what} (${listIds(items)})`,
      });
  };
  const endH = sc.durationDays * 24;
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const first = seen.get(e.serial);
    if (first !== undefined)
      out.push({
        path: [i, 'serial'],
        found: e.serial,
        quote: true,
        message: 'serials must be unique',
        other: first,
      });
    else seen.set(e.serial, i);
    if (e.timing.kind === 'at' && e.timing.hours >= endH)
      out.push({
        path: [i, 'timing', 'hours'],
        found: `${formatDPlus(e.timing.hours)} (${e.timing.hours} h)`,
        message: `allowed: before the end of the exercise at ${formatDPlus(endH)} (${endH} h)`,
      });
    if (e.timing.kind === 'trigger' && e.timing.trigger.kind === 'event' && e.timing.trigger.zone)
      ref([i, 'timing', 'trigger', 'zone'], e.timing.trigger.zone, 'zones');
    const to = new Set<string>();
    e.to.forEach((a, j) => {
      if (to.has(a))
        out.push({ path: [i, 'to', j], found: a, quote: true, message: 'named twice' });
      to.add(a);
      ref([i, 'to', j], a, 'actors');
    });
    if (e.effect) effectFindings(e.effect, [i, 'effect'], sc, ref, out);
  });
  return out;
}

type Ref = (
  path: MselFinding['path'],
  value: string,
  table: 'actors' | 'threats' | 'places' | 'agreements' | 'rights' | 'zones' | 'mechanisms',
) => void;

function effectFindings(
  x: NonNullable<MselEntry['effect']>,
  p: Array<string | number>,
  sc: Scenario,
  ref: Ref,
  out: MselFinding[],
): void {
  switch (x.kind) {
    case 'spawn': {
      ref([...p, 'threat'], x.threat, 'threats');
      const [w, s, e, n] = sc.geography.bbox;
      const pos = x.position;
      if (pos && (pos[0] < w || pos[0] > e || pos[1] < s || pos[1] > n))
        out.push({
          path: [...p, 'position'],
          found: `[${pos.join(', ')}]`,
          message: `allowed: a position inside the map [${w}, ${s}, ${e}, ${n}] (lon lat)`,
        });
      break;
    }
    case 'attack':
      ref([...p, 'threat'], x.threat, 'threats');
      ref([...p, 'place'], x.place, 'places');
      break;
    case 'agreement':
      ref([...p, 'agreement'], x.agreement, 'agreements');
      break;
    case 'right':
      ref([...p, 'right'], x.right, 'rights');
      break;
    case 'mechanism':
      ref([...p, 'mechanism'], x.mechanism, 'mechanisms');
      break;
    case 'weather':
      ref([...p, 'zone'], x.zone, 'zones');
      break;
    case 'funding':
      ref([...p, 'actor'], x.actor, 'actors');
      break;
    case 'withdraw': {
      ref([...p, 'actor'], x.actor, 'actors');
      ref([...p, 'organisation'], x.organisation, 'actors');
      const org = sc.actors.find((a) => a.id === x.organisation);
      const members = org?.members ?? [];
      if (org && !members.includes(x.actor))
        out.push({
          path: [...p, 'actor'],
          found: x.actor,
          quote: true,
          message: `allowed: a member of ${x.organisation} (${members.join(', ') || 'none'})`,
        });
      const others = members.filter((m) => m !== x.actor);
      if (x.sectorsTo !== undefined && org && !others.includes(x.sectorsTo))
        out.push({
          path: [...p, 'sectorsTo'],
          found: x.sectorsTo,
          quote: true,
          message: `allowed: a remaining member of ${x.organisation} (${others.join(', ') || 'none'})`,
        });
      break;
    }
    case 'narrative':
      break;
  }
}

/** "found "x"; allowed: …" (or the message alone when nothing was found). */
export function findingText(f: MselFinding, found = f.found, quote = f.quote): string {
  if (found === undefined) return f.message;
  return `found ${quote ? JSON.stringify(found) : found}; ${f.message}`;
}

/**
 * Problems of MSEL entries against a scenario, with paths like `[3].effect.agreement`.
 * Entries are assumed schema-valid (validateMsel first).
 */
export function checkMselAgainstScenario(entries: readonly MselEntry[], sc: Scenario): Problem[] {
  return mselFindings(entries, sc).map((f) => ({
    path: formatPath(f.path),
    message: findingText(f) + (f.other !== undefined ? ` (also used by entry [${f.other}])` : ''),
  }));
}
