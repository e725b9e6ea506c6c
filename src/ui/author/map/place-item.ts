// A click with a placing tool: a unit of the chosen type (at a base of its nation), a base or
// a place, added as one edit; and a finished sketch added as a zone or a route.

import { addItem } from '../../../author/edit-ops';
import type { Doc } from '../../../author/edit-session';
import {
  nearestActor,
  nearestBase,
  newBase,
  newPlace,
  newRoute,
  newUnit,
  newZone,
} from '../../../author/items';
import type { LonLat } from '../../../sim/describe';
import { getAuthor, setAuthor } from '../../../store/author';
import { authorEdit } from '../../../store/author-session';
import type { Finished } from './sketch';

const ownerFor = (doc: Doc, at: LonLat) => getAuthor().owner ?? nearestActor(doc, at);

export function placeAt(tool: 'unit' | 'base' | 'place', doc: Doc, at: LonLat): void {
  if (tool === 'place') {
    const p = newPlace(doc, at);
    if (authorEdit(`add place ${p.id}`, addItem('places', p)))
      setAuthor({ selection: { table: 'places', id: p.id } });
    return;
  }
  const owner = ownerFor(doc, at);
  if (!owner) {
    setAuthor({ hint: 'Add a nation first (Actors tab): everything placed belongs to one.' });
    return;
  }
  if (tool === 'base') {
    const b = newBase(doc, at, owner);
    if (authorEdit(`add base ${b.id}`, addItem('bases', b)))
      setAuthor({ selection: { table: 'bases', id: b.id } });
    return;
  }
  const type = getAuthor().unitType;
  if (!type) {
    setAuthor({ hint: 'Choose a unit type in the palette first.' });
    return;
  }
  const base = nearestBase(doc, at, owner);
  if (!base) {
    setAuthor({ hint: `Place a base of ${owner} first: a unit belongs to a base (B).` });
    return;
  }
  const u = newUnit(doc, at, type, owner, base.id);
  if (authorEdit(`add unit ${u.id}`, addItem('units', u)))
    setAuthor({ selection: { table: 'units', id: u.id } });
}

export function addShape(doc: Doc, done: Finished, at: LonLat): void {
  if ('zone' in done) {
    const z = newZone(doc, done.zone, getAuthor().owner ?? nearestActor(doc, at));
    if (authorEdit(`add zone ${z.id}`, addItem('zones', z)))
      setAuthor({ selection: { table: 'zones', id: z.id } });
  } else {
    const r = newRoute(doc, done.route);
    if (authorEdit(`add route ${r.id}`, addItem('routes', r)))
      setAuthor({ selection: { table: 'routes', id: r.id } });
  }
}
