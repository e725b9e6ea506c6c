// A batch Web Worker of the Experiments panel's pool: hosts one ExperimentRunner (the same
// pure runner `concord sweep` uses in Node worker threads) and runs one experiment run per
// call. Only small results cross back: the run's metrics and hash, never the world.
import '../src/zod-jitless'; // first: before any zod schema is built
import * as Comlink from 'comlink';
import { ExperimentRunner, type RunOutcome, type RunSpec } from '../src/experiment/run';

type AtlasName = '50m' | '10m';

async function importAtlas(name: AtlasName): Promise<unknown> {
  const mod =
    name === '10m'
      ? await import('world-atlas/countries-10m.json')
      : await import('world-atlas/countries-50m.json');
  return mod.default;
}

let runner: ExperimentRunner | null = null;

const api = {
  /** Takes the scenario document and fetches its atlas here, off the main thread. */
  async init(scenario: unknown): Promise<void> {
    const name: AtlasName =
      (scenario as { geography?: { atlas?: unknown } }).geography?.atlas === '10m' ? '10m' : '50m';
    const atlas = await importAtlas(name);
    runner = new ExperimentRunner(scenario, (asked) => {
      // The runner asks synchronously; a design point cannot change the atlas resolution.
      if (asked !== name) throw new Error(`atlas ${asked} asked for; this worker holds ${name}`);
      return atlas;
    });
  },
  run(spec: RunSpec): RunOutcome {
    if (!runner) throw new Error('experiment worker: init() first');
    return runner.run(spec);
  },
};

Comlink.expose(api);

/** What the main thread wraps: `Comlink.wrap<ExperimentWorkerApi>(worker)`. */
export type ExperimentWorkerApi = typeof api;
