// The map of an app session: created when both its host element and a loaded description
// exist, recreated when the description changes (a new scenario, or another role's view in
// hot seat), and kept in step with the store's layers and selection.
import type { WorldDescription } from '../sim/describe';
import { type AppCtx, getLatestSnapshot, reportError } from './app-session';
import { mapCreated, setPointer, setScale } from './map-tools';
import { getSession, selectAndInspect, sessionStore, setHover } from './session';

/** The map's host element mounts (or unmounts: null). */
export function attachMapContainer(c: AppCtx, el: HTMLElement | null): void {
  c.mapContainer = el;
  if (!el) destroyMap(c);
  else void ensureMap(c);
}

export function destroyMap(c: AppCtx): void {
  c.mapGen++;
  c.map?.destroy();
  c.map = null;
  setPointer(null);
}

const creating = new WeakMap<AppCtx, { d: WorldDescription; done: Promise<void> }>();

export function ensureMap(c: AppCtx): Promise<void> {
  const s = getSession();
  const d = s.description;
  if (c.map || !d || !c.mapContainer || s.status.phase === 'error' || !c.deps.createMap)
    return Promise.resolve();
  const now = creating.get(c);
  if (now?.d === d) return now.done;
  const done = createMap(c, d, c.mapContainer);
  creating.set(c, { d, done });
  return done.finally(() => {
    if (creating.get(c)?.done === done) creating.delete(c);
  });
}

async function createMap(c: AppCtx, d: WorldDescription, container: HTMLElement): Promise<void> {
  const gen = ++c.mapGen;
  const make = c.deps.createMap!;
  try {
    const topo = await c.deps.topology(d.scenario.atlas);
    if (gen !== c.mapGen || getSession().description !== d) return;
    const view = await make({
      container,
      description: d,
      topology: topo,
      view: c.actor >= 0 ? c.actor : getSession().view,
      layers: getSession().layers,
      onSelect(selection) {
        selectAndInspect(selection, 'user');
      },
      onHover(info) {
        setHover(info, 'user');
      },
      // The map tools (scale bar, cursor readout) follow the newest map only.
      onPointer(at) {
        if (gen === c.mapGen) setPointer(at);
      },
      onCamera(scale) {
        if (gen === c.mapGen) setScale(scale);
      },
    });
    if (gen !== c.mapGen || getSession().description !== d) {
      view.destroy();
      return;
    }
    c.map = view;
    // The store may have moved on while the map was starting.
    c.map.setView(c.actor >= 0 ? c.actor : getSession().view);
    c.map.setLayers(getSession().layers);
    c.map.setSelection(getSession().selection);
    const snap = getLatestSnapshot();
    if (snap) c.map.pushSnapshot(snap, 0);
    mapCreated();
  } catch (e) {
    reportError('The map could not start', e);
  }
}

/** Store → map: layers and selection follow the store, whoever changed them. */
export function followStore(c: AppCtx): () => void {
  return sessionStore.subscribe((s, prev) => {
    if (!c.map) return;
    if (s.layers !== prev.layers) c.map.setLayers(s.layers);
    if (s.selection !== prev.selection) c.map.setSelection(s.selection);
  });
}
