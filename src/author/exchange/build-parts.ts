// One imported part (a zone, route or place) from its checked coordinates and the feature's
// properties: the fields the schema has (kind, owner, population, report delay and chance)
// read with the schema's own field checks, then the whole element parsed by the schema, which
// fills the defaults. A zone owner must be an actor of the scenario when those are known.
import type { z } from 'zod';
import type { Problem } from '../../scenario/problems';
import { Place, Route, Zone } from '../../scenario/schema';
import type { LonLat } from './read-geometry';
import type { FieldReader } from './read-properties';

export interface PartInput {
  id: string;
  name: string;
  /** The feature's fields. */
  read: FieldReader;
  /** The feature's path, e.g. `features[3]`. */
  path: string;
  problems: Problem[];
}

export function buildZone(
  f: PartInput,
  polygon: LonLat[][],
  actors: ReadonlySet<string> | null,
): Zone | null {
  const kind = f.read.choice('kind', Zone.shape.kind.options, 'patrol-area');
  let owner = f.read.field('owner', Zone.shape.owner);
  if (owner !== undefined && actors && !actors.has(owner)) {
    f.problems.push({
      path: `${f.path}.properties.owner`,
      message: `found "${owner}"; allowed: an actor of the scenario (${[...actors].join(', ')}); left out`,
    });
    owner = undefined;
  }
  const zone = { id: f.id, name: f.name, kind, polygon, ...(owner === undefined ? {} : { owner }) };
  return checked(Zone.safeParse(zone), f);
}

export function buildRoute(f: PartInput, coordinates: LonLat[]): Route | null {
  const kind = f.read.choice('kind', Route.shape.kind.options, 'road');
  return checked(Route.safeParse({ id: f.id, name: f.name, kind, coordinates }), f);
}

export function buildPlace(f: PartInput, position: LonLat): Place | null {
  const s = Place.shape;
  const kind = f.read.choice('kind', s.kind.options, 'village');
  const population = f.read.field('population', s.population, 'used 0') ?? 0;
  const delay = f.read.field('reportDelayMin', s.reportDelayMin, 'used the default');
  const chance = f.read.field('reportProbability', s.reportProbability, 'used the default');
  const place = {
    id: f.id,
    name: f.name,
    kind,
    position,
    population,
    ...(delay === undefined ? {} : { reportDelayMin: delay }),
    ...(chance === undefined ? {} : { reportProbability: chance }),
  };
  return checked(Place.safeParse(place), f);
}

/** The schema's last word: an element it refuses is reported and not returned. */
function checked<T>(parsed: z.ZodSafeParseResult<T>, f: PartInput): T | null {
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((x) => x.message).join('; ');
  f.problems.push({ path: f.path, message: `not a valid scenario element (${why}); skipped` });
  return null;
}
