// What author mode's bar does: Try it (the edited scenario runs at once in this window, as
// `concord run` would run the downloaded file with the same seed), Download (the scenario with
// its `$schema` reference), and Import GeoJSON (features as zones, routes and places).
import type { Doc } from '../../author/edit-session';
import { featuresToScenarioParts, importOptionsFor } from '../../author/exchange/geojson-import';
import { simplifyRing } from '../../author/shapes';
import type { ScenarioInput } from '../../scenario/schema';
import type { LonLat } from '../../sim/describe';
import { closeAuthor, getAuthor, setAuthor } from '../../store/author';
import { authorEdit, draftSaved } from '../../store/author-session';
import { loadScenario } from '../../store/bridge';
import { scenarioNames } from '../../store/scenarios';
import { getSession } from '../../store/session';
import { download } from '../download';

/** Where a downloaded scenario finds its schema (the repository's schemas/ beside scenarios/). */
export const SCHEMA_REF = '../schemas/scenario.schema.json';

/** The scenario as downloaded: `$schema` first, the rest as built. */
export function scenarioText(doc: Doc): string {
  const { $schema: _, ...rest } = doc;
  return `${JSON.stringify({ $schema: SCHEMA_REF, ...rest }, null, 2)}\n`;
}

export const scenarioFileName = (doc: Doc): string =>
  `${typeof doc.id === 'string' && doc.id ? doc.id : 'scenario'}.json`;

export function downloadScenario(): void {
  const doc = getAuthor().doc;
  if (doc) download(scenarioFileName(doc), scenarioText(doc), 'application/json');
}

/** Runs the document in this window: refused while the schema finds problems. */
export async function tryIt(seed = getSession().seed): Promise<boolean> {
  const { doc, problems } = getAuthor();
  if (!doc) return false;
  if (problems.length) {
    setAuthor({ tab: 'problems', hint: 'Fix the problems listed before trying the scenario.' });
    return false;
  }
  await draftSaved();
  closeAuthor();
  // An edited copy keeps its bundled id in the file, but runs under its own name here: the
  // scenario list's entry of that id stays the bundled file.
  const id = String(doc.id);
  const name = scenarioNames.includes(id) ? `${id}-edited` : id;
  await loadScenario(name, seed, { json: structuredClone(doc) });
  return true;
}

/** Outlines with more points than this are simplified (turf) to about 500 m. */
const MAX_VERTICES = 200;
const SIMPLIFY_DEG = 0.005;

/** GeoJSON text → zones, routes and places added as one edit; problems are reported. */
export function importGeoJson(text: string, fileName: string): void {
  const doc = getAuthor().doc;
  if (!doc) return;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    setAuthor({ hint: `${fileName} is not JSON: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  const parts = featuresToScenarioParts(data, importOptionsFor(doc as unknown as ScenarioInput));
  for (const z of parts.zones)
    z.polygon = z.polygon.map((r) =>
      r.length > MAX_VERTICES ? simplifyRing(r as LonLat[], SIMPLIFY_DEG) : r,
    );
  const n = parts.zones.length + parts.routes.length + parts.places.length;
  if (n)
    authorEdit(`import ${fileName}`, (d) => {
      for (const [table, items] of [
        ['zones', parts.zones],
        ['routes', parts.routes],
        ['places', parts.places],
      ] as const) {
        if (!items.length) continue;
        if (!Array.isArray(d[table])) d[table] = [];
        (d[table] as unknown[]).push(...structuredClone(items));
      }
    });
  const counts = `${parts.zones.length} zones, ${parts.routes.length} routes, ${parts.places.length} places`;
  const issues = parts.problems.length
    ? ` ${parts.problems.length} left out: ${parts.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}${parts.problems.length > 3 ? '…' : ''}`
    : '';
  setAuthor({
    hint: `Imported ${counts} from ${fileName}.${issues}`,
    tab: n ? 'map' : getAuthor().tab,
  });
}
