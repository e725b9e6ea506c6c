// "Export the map": the scenario's zones, routes, places, bases and units (with their SIDCs)
// as GeoJSON or KML, for a GIS or a briefing; at the foot of the Layers list. The white cell's
// only: the file holds every force.
import { useState } from 'react';
import { app } from '../../store/bridge';
import { exportMap, type MapFormat } from '../../store/map-export';
import { useSession } from '../../store/react';
import { setNotice } from '../../store/session';
import { download } from '../download';

const FORMATS: Array<[MapFormat, string, string]> = [
  ['geojson', 'GeoJSON', 'GeoJSON'],
  ['kml', 'KML', 'KML (Google Earth)'],
];

export function ExportMapButtons() {
  const ready = useSession((s) => s.status.phase === 'ready');
  const [busy, setBusy] = useState(false);
  const run = async (format: MapFormat) => {
    setBusy(true);
    try {
      const f = await exportMap(app, format);
      download(f.name, f.text, f.type);
    } catch (e) {
      setNotice({ text: `Export map: ${(e as Error).message}`, level: 'error' }, 'user');
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {FORMATS.map(([format, label, title]) => (
        <button
          key={format}
          type="button"
          className="tb-btn"
          id={`export-${format}`}
          disabled={!ready || busy}
          onClick={() => void run(format)}
          title={`Download the scenario's zones, routes, places, bases and units as ${title}`}
        >
          {label}
        </button>
      ))}
    </>
  );
}
