// The review's downloads that need no rendered page: the event log as GeoJSON.
import { download } from '../download';
import { fileStem } from './download';
import { review } from './review-bridge';

/** "Export events (GeoJSON)": the session's positioned events as a GeoJSON file for GIS. */
export async function exportGeoJson(): Promise<string | null> {
  const geo = await review.eventsGeoJson();
  if (!geo) return null;
  const name = `${fileStem(review.file()?.title || 'session')}.events.geojson`;
  download(name, JSON.stringify(geo), 'application/geo+json');
  return name;
}
