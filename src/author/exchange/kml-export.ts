// A scenario as KML 2.2 for Google Earth and other viewers: the GeoJSON export's features,
// one Placemark each, in a folder per kind (Zones, Routes, Places, Bases, Units) inside a
// folder named after the scenario. Each Placemark has the feature's name and description and
// its other fields (kind, owner, count, the symbol code…) as ExtendedData. XML writing and
// escaping are @placemarkio/tokml's; this file only arranges the folders and flattens fields.
import { foldersToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import type { Scenario } from '../../scenario/schema';
import { CONCORD_KINDS, type ConcordKind, type ScenarioFeature } from './features';
import { type GeoJsonExportOptions, scenarioToGeoJSON } from './geojson-export';

/** The tree `foldersToKML` reads (the shape of @tmcw/togeojson's `kmlWithFolders`). */
interface KmlFolder {
  type: 'folder';
  meta: { name: string };
  children: Array<KmlFolder | Feature<Geometry, Record<string, string | number | boolean>>>;
}

const FOLDER_NAMES: Record<ConcordKind, string> = {
  zone: 'Zones',
  route: 'Routes and sea lanes',
  place: 'Places',
  base: 'Bases',
  unit: 'Units',
};

export function scenarioToKML(scenario: Scenario, opts: GeoJsonExportOptions = {}): string {
  const { features } = scenarioToGeoJSON(scenario, opts);
  const folders: KmlFolder[] = [];
  for (const kind of CONCORD_KINDS) {
    const mine = features.filter((f) => f.properties.concord.kind === kind);
    if (mine.length)
      folders.push({
        type: 'folder',
        meta: { name: FOLDER_NAMES[kind] },
        children: mine.map(toPlacemark),
      });
  }
  const top: KmlFolder = {
    type: 'folder',
    // No description: tokml writes a folder's before its name, which the KML schema refuses.
    meta: { name: scenario.name },
    children: folders,
  };
  const kml = foldersToKML({ type: 'root', children: [top] });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${kml}\n`;
}

/**
 * The feature with flat properties: `concord` becomes `concordKind` and `concordId`, nulls are
 * left out, and the id becomes an XML id (`unit.ml-gtia`: a colon is not allowed in one).
 */
function toPlacemark(f: ScenarioFeature): KmlFolder['children'][number] {
  const { concord, ...rest } = f.properties;
  const properties: Record<string, string | number | boolean> = {
    concordKind: concord.kind,
    concordId: concord.id,
  };
  for (const [key, value] of Object.entries(rest)) {
    if (value !== null && value !== undefined) properties[key] = value;
  }
  return {
    type: 'Feature',
    id: `${concord.kind}.${concord.id}`,
    geometry: f.geometry,
    properties,
  };
}
