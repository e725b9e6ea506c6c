// The browser's app session: the engine behind the EngineApi — a Web Worker (comlink) for a
// planner's run and the hot seat, or a classroom room of `concord serve` over WebSocket when
// the page was opened from a room's link (#room=…&token=…) — animation frames, the Pixi map and
// the URL, handed to createAppSession (app.ts). The UI imports the commands exported here.
import * as Comlink from 'comlink';
import { loadSaved } from '../../workers/idb-storage';
import type { SimWorkerApi } from '../../workers/sim.worker';
import type { MapViewOptions } from '../map/types';
import { socketUrl } from '../remote/protocol';
import { createAppSession } from './app';
import { joinRoom, roomChanged } from './app-classroom';
import { followUrl, startFromUrl } from './app-url';
import { setClassroom } from './classroom';
import type { EngineApi } from './engine-api';
import { joinFromHash, RemoteEngine } from './remote-engine';
import { loadScenarioJson, scenarioNames } from './scenarios';
import { setScenarioList } from './session';

export type SimApi = Comlink.Remote<SimWorkerApi>;

/** A room's link opened this page: the engine is the server's, seen through this role. */
const join = joinFromHash(location.hash);

export const remote: RemoteEngine | null = join
  ? new RemoteEngine({
      url: socketUrl(location.href, join.room),
      ...join,
      onWelcome: (w, again) => {
        setClassroom({ remote: true, room: w.room, role: w.role, roleName: w.roleName });
        void joinRoom(app.ctx, w, again);
      },
      onChanged: (m) => void roomChanged(app.ctx, m),
      onState: (connection, detail) => setClassroom({ connection, detail }),
    })
  : null;

function localEngine(): SimApi {
  const worker = new Worker(new URL('../../workers/sim.worker.ts', import.meta.url), {
    type: 'module',
  });
  return Comlink.wrap<SimWorkerApi>(worker);
}

export const api: SimApi | EngineApi = remote ? remote.api : localEngine();

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
// A room's state lives on the server and its link in the fragment: the URL is not rewritten.
if (!remote) followUrl(app.ctx, urlPort, { set: (fn, ms) => window.setTimeout(fn, ms) });

/**
 * Starts the app: offers every scenario file, then joins the room the link names, or opens
 * what the URL names (or the default scenario).
 */
export function start(defaultScenario = 'sahel-ct'): Promise<void> {
  setScenarioList(scenarioNames);
  // `concord serve` marks the page it serves: then the trainer may open classroom rooms.
  setClassroom({ server: !!document.querySelector('meta[name="concord-serve"]') });
  if (remote) {
    setClassroom({ remote: true });
    remote.connect();
    return Promise.resolve();
  }
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
