// What the measuring tool reports for a path of clicked points: the great-circle length of each
// leg and of the whole (turf's `distance`, haversine on the mean Earth radius) and, for a closed
// path, the area inside it (turf's `area`, on the sphere). Pure: the shell shows these numbers
// and the measure layer draws the path.
import { area, distance, polygon } from '@turf/turf';
import type { LonLat } from '../sim/describe';

export interface Measurement {
  /** Each leg's length, km (a closed path's last leg goes back to the first point). */
  legsKm: number[];
  totalKm: number;
  /** Area inside a closed path of three points or more, km²; null otherwise. */
  areaKm2: number | null;
}

export function measurePath(points: readonly LonLat[], closed: boolean): Measurement {
  const legsKm: number[] = [];
  for (let i = 1; i < points.length; i++)
    legsKm.push(distance(points[i - 1]!, points[i]!, { units: 'kilometers' }));
  const ring = closed && points.length >= 3;
  if (ring) legsKm.push(distance(points.at(-1)!, points[0]!, { units: 'kilometers' }));
  const totalKm = legsKm.reduce((a, b) => a + b, 0);
  const areaKm2 = ring ? area(polygon([[...points, points[0]!]])) / 1e6 : null;
  return { legsKm, totalKm, areaKm2 };
}
