// A scenario of the planner's own (author mode's Try it): loading its name again with another
// seed reloads that document, not a bundled file, and a bundled name still loads the file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../src/node/load';
import { createAppSession } from '../../src/store/app';
import type { EngineApi } from '../../src/store/engine-api';
import { getSession } from '../../src/store/session';
import { SessionApi } from '../../workers/session-api';

const doc = (name: string) => JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8'));

describe("a planner's own scenario in the app", () => {
  it('reloads under another seed from the document it was given', async () => {
    const loads: string[] = [];
    const app = createAppSession({
      api: new SessionApi(async (a) => loadAtlas(a), {
        scenario: async (n) => doc(n),
      }) as unknown as EngineApi,
      frames: {
        request: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
        cancel: (id) => clearTimeout(id),
      },
      now: () => performance.now(),
      defer: (fn) => void setTimeout(fn, 0),
      topology: async () => null,
      scenarios: {
        names: ['gulf-maritime'],
        load: async (n) => {
          loads.push(n);
          return doc(n);
        },
      },
    });
    const own = {
      ...doc('gulf-maritime'),
      id: 'hormuz-drill',
      name: 'Hormuz drill',
      durationDays: 2,
    };
    await app.loadScenario('hormuz-drill', 1, { json: own });
    expect(getSession().status.phase).toBe('ready');
    expect(getSession().totalTicks).toBe(2 * 96);
    await app.loadScenario('hormuz-drill', 2);
    expect(getSession().status.phase).toBe('ready');
    expect(getSession().seed).toBe(2);
    expect(getSession().totalTicks).toBe(2 * 96);
    expect(loads).toEqual([]);
    await app.loadScenario('gulf-maritime', 2);
    expect(getSession().totalTicks).toBe(14 * 96);
    expect(loads).toEqual(['gulf-maritime']);
  });
});
