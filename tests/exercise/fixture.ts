// Shared ground of the exercise tests: hosts over bundled scenarios with an in-memory store
// that keeps every persisted record (so a test can check an order was saved before it was
// acknowledged), and a fake wall clock.
import { readFileSync } from 'node:fs';
import { type CreateOptions, ExerciseHost, type HostDeps } from '../../src/exercise/host';
import type { SessionFile } from '../../src/exercise/session-file';
import { loadAtlas } from '../../src/node/load';

export const scenarioDoc = (name: string): unknown =>
  JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));

export interface Store {
  saved: SessionFile[];
  clock: { now: number };
  deps: HostDeps;
}

export function memoryDeps(): Store {
  const saved: SessionFile[] = [];
  const clock = { now: 1_000_000 };
  return {
    saved,
    clock,
    deps: {
      scenario: async (name) => {
        try {
          return scenarioDoc(name);
        } catch {
          return null;
        }
      },
      atlas: (a) => loadAtlas(a),
      persist: async (f) => {
        saved.push(structuredClone(f));
      },
      now: () => clock.now,
    },
  };
}

export function sahelExercise(o: Partial<CreateOptions> = {}): CreateOptions {
  return {
    title: 'Test exercise',
    scenario: { name: 'sahel-ct', doc: scenarioDoc('sahel-ct') },
    seed: 3,
    setup: { mode: 'turns', executionHours: 6, planningSeconds: 300 },
    roles: [{ actor: 'mali' }, { actor: 'niger' }, { actor: 'burkina' }],
    ...o,
  };
}

export async function newHost(
  o: Partial<CreateOptions> = {},
): Promise<{ host: ExerciseHost } & Store> {
  const store = memoryDeps();
  const host = await ExerciseHost.create(sahelExercise(o), store.deps);
  return { host, ...store };
}
