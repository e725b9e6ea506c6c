// The example experiment files the Experiments panel offers: every scenarios/experiments/*.json,
// read as text on demand (the editor shows the file as written).
const files = import.meta.glob<string>('/scenarios/experiments/*.json', {
  query: '?raw',
  import: 'default',
});

export const experimentNames: string[] = Object.keys(files)
  .map((p) => p.replace(/^.*\/(.*)\.json$/, '$1'))
  .sort();

export async function loadExperimentText(name: string): Promise<string> {
  const load = files[`/scenarios/experiments/${name}.json`];
  if (!load) throw new Error(`no experiment "${name}" (available: ${experimentNames.join(', ')})`);
  return load();
}
