// The browser's app session: a Web Worker hosting the engine (comlink) behind the EngineApi,
// animation frames, the Pixi map and the URL, handed to createAppSession (app.ts). The UI
// imports the commands exported here; they are the one app session's, bound.
import * as Comlink from 'comlink';
import { loadSaved } from '../../workers/idb-storage';
import type { SimWorkerApi } from '../../workers/sim.worker';
import type { MapViewOptions } from '../map/types';
import { createAppSession } from './app';
import { followUrl, startFromUrl } from './app-url';
import type { EngineApi } from './engine-api';
import { loadScenarioJson, scenarioNames } from './scenarios';
import { setScenarioList } from './session';

export type SimApi = Comlink.Remote<SimWorkerApi>;

const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
  type: 'module',
});
export const api: SimApi = Comlink.wrap<SimWorkerApi>(worker);

const topologies = new Map<string, Promise<unknown>>();
/** The basemap's topology (a lazy chunk, loaded once; the review's maps share it). */
export function loadTopology(atlas: '50m' | '10m'): Promise<unknown> {
  let t = topologies.get(atlas);
  if (!t) {
    t = (
      atlas === '10m'
        ? import('world-atlas/countries-10m.json')
        : import('world-atlas/countries-50m.json')
    ).then((m) => m.default);
    topologies.set(atlas, t);
  }
  return t;
}

export const app = createAppSession({
  api: api as unknown as EngineApi,
  frames: {
    request: (cb) => requestAnimationFrame(cb),
    cancel: (id) => cancelAnimationFrame(id),
  },
  now: () => performance.now(),
  defer: (fn) => void setTimeout(fn, 0),
  createMap: async (o: MapViewOptions) => (await import('../map/create-map-view')).createMapView(o),
  topology: loadTopology,
  scenarios: { names: scenarioNames, load: loadScenarioJson },
});

const urlPort = {
  read: () => location.search,
  write: (search: string) => {
    if (search !== location.search) history.replaceState(null, '', search);
  },
};
followUrl(app.ctx, urlPort, { set: (fn, ms) => window.setTimeout(fn, ms) });

/** Starts the app: offers every scenario file, opens what the URL names (or the default). */
export function start(defaultScenario = 'sahel-ct'): Promise<void> {
  setScenarioList(scenarioNames);
  return startFromUrl(app.ctx, urlPort, loadSaved, defaultScenario);
}

export const {
  play,
  pause,
  togglePlay,
  changeSpeed,
  step,
  seek,
  stepBack,
  runToNextEvent,
  changeView,
  orderSwitch,
  giveOrder,
  runTo,
  loadScenario,
  startExercise,
  openSession,
  showRole,
  refreshExercise,
  attachMapContainer,
  currentMap,
  zoomMap,
  fitMap,
} = app;
