// The white cell exports the scenario's map (zones, routes, places, bases, units with their
// SIDCs) as GeoJSON or KML for a GIS or a briefing: the scenario as this run uses it — its
// document (embedded, or the bundled file it names) with the run's assignments applied.
import { scenarioToGeoJSON } from '../author/exchange/geojson-export';
import { scenarioToKML } from '../author/exchange/kml-export';
import { applyAssignments } from '../scenario/paths';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import type { AppSession } from './app';
import { exclusive } from './app-session';
import { loadScenarioJson } from './scenarios';

export type MapFormat = 'geojson' | 'kml';

/** The validated scenario of the open run or exercise. */
async function scenarioOfRun(app: AppSession): Promise<Scenario> {
  const file = await exclusive(app.ctx, () => app.api.saveFile());
  const doc = structuredClone(
    file.scenario.doc ?? (await loadScenarioJson(file.scenario.name ?? '')),
  );
  applyAssignments(doc, file.set, 'set ');
  const v = validateScenario(doc);
  if (!v.ok)
    throw new Error(
      `the scenario does not validate: ${v.problems[0]?.path}: ${v.problems[0]?.message}`,
    );
  return v.value;
}

export async function exportMap(
  app: AppSession,
  format: MapFormat,
): Promise<{ name: string; text: string; type: string }> {
  const scenario = await scenarioOfRun(app);
  return format === 'kml'
    ? {
        name: `${scenario.id}-map.kml`,
        text: scenarioToKML(scenario),
        type: 'application/vnd.google-earth.kml+xml',
      }
    : {
        name: `${scenario.id}-map.geojson`,
        text: `${JSON.stringify(scenarioToGeoJSON(scenario), null, 1)}\n`,
        type: 'application/geo+json',
      };
}
