// A route's corridor as a new zone: a patrol area a chosen distance either side of the route
// (turf's buffer), e.g. the escort corridor along a supply road.
import { useState } from 'react';
import { addItem } from '../../author/edit-ops';
import type { Doc } from '../../author/edit-session';
import { entryAt, newZone } from '../../author/items';
import { corridorRing } from '../../author/shapes';
import type { LonLat } from '../../sim/describe';
import { getAuthor, setAuthor } from '../../store/author';
import { authorEdit } from '../../store/author-session';

function makeCorridor(doc: Doc, index: number, km: number): void {
  const route = entryAt(doc, 'routes', index);
  const coords = route?.coordinates as LonLat[] | undefined;
  if (!route || !Array.isArray(coords) || coords.length < 2) return;
  let ring: LonLat[];
  try {
    ring = corridorRing(coords, km);
  } catch (e) {
    setAuthor({ hint: `No corridor: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  const zone = {
    ...newZone(doc, ring, getAuthor().owner),
    name: `Corridor ±${km} km, ${String(route.name ?? route.id)}`,
  };
  if (authorEdit(`add corridor ${zone.id}`, addItem('zones', zone)))
    setAuthor({ selection: { table: 'zones', id: zone.id } });
}

export function CorridorButton(props: { doc: Doc; index: number }) {
  const [km, setKm] = useState(10);
  return (
    <div className="au-corridor">
      <button
        type="button"
        className="au-btn"
        onClick={() => makeCorridor(props.doc, props.index, km)}
      >
        Corridor zone along it
      </button>
      <label>
        ±
        <input
          type="number"
          min={1}
          max={200}
          value={km}
          onChange={(e) => setKm(Math.max(1, Math.min(200, Number(e.target.value) || 1)))}
          aria-label="Corridor half-width, km"
        />{' '}
        km
      </label>
    </div>
  );
}
