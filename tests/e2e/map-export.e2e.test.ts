// The white cell exports the scenario's map from the Layers list (Export the map): GeoJSON with one
// tagged feature per zone, route, place, base and unit entry (units with their SIDCs), and KML
// with one Placemark each, as a GIS would read them.
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, startApp } from './browser';

let app: App;
let page: Page;
const sahel = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8')) as Record<
  string,
  Array<{ id: string; type?: string }>
>;
const expected =
  sahel.zones!.length +
  (sahel.routes?.length ?? 0) +
  (sahel.seaLanes?.length ?? 0) +
  sahel.places!.length +
  sahel.bases!.length +
  sahel.units!.length;

beforeAll(async () => {
  app = await startApp();
  page = await app.context.newPage();
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.goto(app.url);
  await page.waitForFunction(
    () => (window as unknown as { concord?: { map: unknown } }).concord?.map,
  );
});
afterAll(async () => {
  await app?.close();
});

async function exported(button: string): Promise<{ name: string; text: string }> {
  if (!(await page.locator(button).isVisible())) await page.click('.layers-toggle');
  const wait = page.waitForEvent('download');
  await page.click(button);
  const d: Download = await wait;
  const path = await d.path();
  return { name: d.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('Export map', () => {
  it('GeoJSON: one tagged feature per element, units with their SIDCs', async () => {
    const { name, text } = await exported('#export-geojson');
    expect(name).toBe('sahel-ct-map.geojson');
    const fc = JSON.parse(text) as {
      type: string;
      features: Array<{ properties: { concord: { kind: string; id: string }; sidc?: string } }>;
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(expected);
    const units = fc.features.filter((f) => f.properties.concord.kind === 'unit');
    expect(units.map((f) => f.properties.concord.id).sort()).toEqual(
      sahel.units!.map((u) => u.id).sort(),
    );
    for (const u of units) expect(u.properties.sidc).toMatch(/^[A-Z*-]{4}[A-Z0-9*-]{11}$|^\d{20}$/);
  });

  it('KML: one Placemark per element', async () => {
    const { name, text } = await exported('#export-kml');
    expect(name).toBe('sahel-ct-map.kml');
    expect(text).toMatch(/^<\?xml[^>]*\?>\s*<kml /);
    expect(text.match(/<Placemark[ >]/g)).toHaveLength(expected);
  });
});
