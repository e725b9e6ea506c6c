// A loaded sahel-ct SessionApi in process (no worker), shared by the store tests: what the
// bridge would receive from the Web Worker, without the browser.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadAtlas } from '../../src/node/load';
import type { WorldDescription } from '../../src/sim/describe';
import { SessionApi } from '../../workers/session-api';

export const scenarioJson = (name: string): unknown =>
  JSON.parse(
    readFileSync(fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url)), 'utf8'),
  );

export async function loadedApi(
  name = 'sahel-ct',
  seed = 7,
): Promise<{ api: SessionApi; description: WorldDescription }> {
  const api = new SessionApi(async (atlas) => loadAtlas(atlas));
  const r = await api.load(scenarioJson(name), { seed });
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return { api, description: r.description };
}
