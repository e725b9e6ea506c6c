// The map of author mode: a MapView on the scenario's box and atlas (the basemap alone), with
// the document drawn over it by the controller. Remade only when the box or atlas changes (a
// new scenario framed); edits, the selection and drawing only change what is drawn on it.
import { useEffect, useRef, useState } from 'react';
import { docAtlas, docBBox, frameDescription } from '../../author/draft';
import type { Doc } from '../../author/edit-session';
import { LAYER_IDS, type LayerVisibility, type MapView } from '../../map/types';
import { authorStore, getAuthor } from '../../store/author';
import { setAuthorMapView } from '../../store/author-map';
import { loadTopology } from '../../store/bridge';
import { mapCreated, setPointer, setScale } from '../../store/map-tools';
import { AuthorMapController } from './map/controller';
import { useAuthor } from './use-author';

const ALL_LAYERS = Object.fromEntries(LAYER_IDS.map((id) => [id, true])) as LayerVisibility;

/** The key the map is remade on: the box and atlas. */
const frameKey = (doc: Doc | null) => (doc ? `${docBBox(doc).join(',')}|${docAtlas(doc)}` : '');

let current: { view: MapView; controller: AuthorMapController } | null = null;

/** Keys the map's controller takes while a shape is drawn (Enter, Backspace, Esc). */
export const authorMapKey = (e: KeyboardEvent): boolean => current?.controller.key(e) ?? false;

export function AuthorMap() {
  const host = useRef<HTMLDivElement>(null);
  const key = useAuthor((s) => frameKey(s.doc));
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const el = host.current;
    const doc = getAuthor().doc;
    if (!el || !doc || !key) return;
    let gone = false;
    let made: typeof current = null;
    let unsubscribe = () => {};
    void (async () => {
      try {
        const [{ createMapView }, topology] = await Promise.all([
          import('../../map/create-map-view'),
          loadTopology(docAtlas(doc)),
        ]);
        if (gone) return;
        const view = await createMapView({
          container: el,
          description: frameDescription(getAuthor().doc ?? doc),
          topology,
          view: -1,
          layers: ALL_LAYERS,
          onSelect() {},
          // The scale bar and the cursor's lat/lon and MGRS, as on every map.
          onPointer: setPointer,
          onCamera: setScale,
        });
        if (gone) return view.destroy();
        made = { view, controller: new AuthorMapController(view) };
        current = made;
        setAuthorMapView(view);
        mapCreated();
        made.controller.update(getAuthor());
        unsubscribe = authorStore.subscribe((s) => made?.controller.update(s));
        el.dataset.ready = 'true';
      } catch (e) {
        setFailed(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      gone = true;
      unsubscribe();
      delete el.dataset.ready;
      if (made) {
        made.controller.destroy();
        made.view.destroy();
        if (current === made) {
          current = null;
          setAuthorMapView(null);
        }
      }
    };
  }, [key]);
  return (
    <div
      className="au-map"
      ref={host}
      role="application"
      aria-label="Author map: click to place, drag to move or reshape"
    >
      {failed && <div className="au-map-error">The map could not start: {failed}</div>}
    </div>
  );
}
