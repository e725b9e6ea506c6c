// Test helper: loads a world-atlas TopoJSON file from node_modules (parsed once per file).
import { readFileSync } from 'node:fs';

const cache = new Map<string, unknown>();

export function loadAtlas(name: 'countries-50m' | 'countries-10m'): unknown {
  let t = cache.get(name);
  if (t === undefined) {
    const url = new URL(`../../node_modules/world-atlas/${name}.json`, import.meta.url);
    t = JSON.parse(readFileSync(url, 'utf8')) as unknown;
    cache.set(name, t);
  }
  return t;
}
