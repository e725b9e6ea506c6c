// The event log as GeoJSON: structurally valid (RFC 7946 FeatureCollection of Points), every
// point inside the scenario's bbox, ISO 8601 times from the scenario start in ascending order,
// a symbol code on every feature, one feature per positioned event of the log, positions where
// the engine had them; the same features from the report's shared pass as from a pass alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { afterActionReport } from '../../src/exercise/aar';
import {
  type EventFeatures,
  eventsGeoJson,
  GEO_KINDS,
  geoJsonProbe,
} from '../../src/exercise/geojson';
import { toLat, toLon } from '../../src/sim/geo/projection';
import { type Played, playedSession } from './aar-session';

let played: Played;
let geo: EventFeatures;

beforeAll(async () => {
  played = await playedSession();
  geo = eventsGeoJson(played.file, played.session);
}, 120_000);

describe('events as GeoJSON', () => {
  it('is a FeatureCollection of Points inside the bbox, with ISO times ascending and SIDCs', () => {
    expect(geo.type).toBe('FeatureCollection');
    const [west, south, east, north] = played.session.def.scenario.geography.bbox;
    expect(geo.bbox).toEqual([west, south, east, north]);
    expect(geo.features.length).toBeGreaterThan(20);
    let last = '';
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      expect(f.geometry.coordinates).toHaveLength(2);
      expect(lon).toBeGreaterThanOrEqual(west);
      expect(lon).toBeLessThanOrEqual(east);
      expect(lat).toBeGreaterThanOrEqual(south);
      expect(lat).toBeLessThanOrEqual(north);
      const p = f.properties;
      expect(p.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(p.time)).toBe(Date.parse('2026-01-05T00:00:00Z') + p.tick * 15 * 60_000);
      expect(p.time >= last).toBe(true);
      last = p.time;
      expect(p.sidc).toMatch(/^[A-Z0-9-]{15}$/);
      expect(GEO_KINDS).toContain(p.kind);
      if (p.unit !== null) expect(p.unitName).toBeTruthy();
      if (p.threatGroup !== null) expect(p.threatGroupName).toBeTruthy();
    }
    // It survives a round trip through text, as a GIS would read it.
    expect(JSON.parse(JSON.stringify(geo))).toEqual(geo);
  });

  it('has one feature per positioned event, each where the engine put it', () => {
    const kinds = new Set<string>(GEO_KINDS);
    const events = played.session.world.log.events.filter((e) => kinds.has(e.k));
    expect(geo.features).toHaveLength(events.length);
    expect(geo.features.map((f) => f.properties.kind)).toEqual(events.map((e) => e.k));
    const proj = played.session.def.masks.proj;
    const attack = events.find((e) => e.k === 'attack')!;
    const f = geo.features.find((x) => x.properties.kind === 'attack')!;
    expect(attack.k === 'attack' && f.geometry.coordinates[0]).toBeCloseTo(
      toLon(proj, attack.x),
      4,
    );
    expect(attack.k === 'attack' && f.geometry.coordinates[1]).toBeCloseTo(
      toLat(proj, attack.y),
      4,
    );
    expect(f.properties.actor).toBe(
      played.session.def.actorIds[attack.k === 'attack' ? attack.country : 0],
    );
    expect(f.properties.threatGroup).toMatch(/^grp-/);
    const detect = geo.features.find((x) => x.properties.kind === 'detect' && x.properties.unit)!;
    expect(detect.properties.sidc).toMatch(/^SF/); // a friendly unit's symbol
  });

  it('comes out the same from the report’s shared pass', () => {
    const probe = geoJsonProbe(played.session.world);
    afterActionReport(played.file, played.session, { probes: [probe] });
    expect(probe.result()).toEqual(geo);
  });
});
