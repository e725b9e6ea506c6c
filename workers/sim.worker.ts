// The browser Web Worker that hosts one engine session: exposes SessionApi over comlink,
// loading the Natural Earth atlas on demand (vite bundles the JSON as a lazy chunk).
import '../src/zod-jitless'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import { loadScenarioJson, scenarioNames } from '../src/store/scenarios';
import { idbStorage } from './idb-storage';
import { type AtlasName, SessionApi } from './session-api';

async function loadAtlas(atlas: AtlasName): Promise<unknown> {
  const mod =
    atlas === '10m'
      ? await import('world-atlas/countries-10m.json')
      : await import('world-atlas/countries-50m.json');
  return mod.default;
}

async function bundled(name: string): Promise<unknown | null> {
  return scenarioNames.includes(name) ? loadScenarioJson(name) : null;
}

const api = new SessionApi(loadAtlas, {
  transfer: Comlink.transfer,
  storage: idbStorage(),
  scenario: bundled,
  newId: () => crypto.randomUUID().slice(0, 8),
});
Comlink.expose(api);

/** The API type the main thread wraps: `Comlink.wrap<SimWorkerApi>(worker)`. */
export type SimWorkerApi = SessionApi;
