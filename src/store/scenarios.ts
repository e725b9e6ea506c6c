// The scenario files the app offers: every scenarios/*.json, loaded on demand.
const files = import.meta.glob<{ default: unknown }>('/scenarios/*.json');

export const scenarioNames: string[] = Object.keys(files)
  .map((p) => p.replace(/^.*\/(.*)\.json$/, '$1'))
  .sort();

export async function loadScenarioJson(name: string): Promise<unknown> {
  const load = files[`/scenarios/${name}.json`];
  if (!load) throw new Error(`no scenario "${name}" (available: ${scenarioNames.join(', ')})`);
  return (await load()).default;
}
