// The review's Web Worker: one engine of its own for a saved session (replay, report data,
// or a "what if" branch), so the live exercise's worker is never touched. Nothing here is
// saved: a review or a branch is not an exercise of this browser's.
import '../../zod-jitless'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import type { AtlasName } from '../../../workers/session-api';
import { loadScenarioJson, scenarioNames } from '../../store/scenarios';
import { ReviewApi } from './review-api';

async function loadAtlas(atlas: AtlasName): Promise<unknown> {
  const mod =
    atlas === '10m'
      ? await import('world-atlas/countries-10m.json')
      : await import('world-atlas/countries-50m.json');
  return mod.default;
}

const api = new ReviewApi(loadAtlas, {
  transfer: Comlink.transfer,
  scenario: async (name) => (scenarioNames.includes(name) ? loadScenarioJson(name) : null),
  newId: () => `review-${crypto.randomUUID().slice(0, 8)}`,
});
Comlink.expose(api);

/** The API the main thread wraps: `Comlink.wrap<ReviewWorkerApi>(worker)`. */
export type ReviewWorkerApi = ReviewApi;
