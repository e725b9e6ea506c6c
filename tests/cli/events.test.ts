// The events NDJSON of `concord run --events`: every event with its ISO 8601 time beside the
// tick, lon/lat degrees beside the planar km wherever an event has a position (inside the
// scenario's bbox, and back to the same km through the projection), and a `<file>.sha256` in
// sha256sum's format that `sha256sum -c` accepts and that catches an edited log.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProjection, toX, toY } from '../../src/sim/geo/projection';

const dir = mkdtempSync(join(tmpdir(), 'concord-events-'));
const scenario = JSON.parse(readFileSync('scenarios/sahel-ct.json', 'utf8'));

describe('concord run --events', () => {
  const file = join(dir, 'e.ndjson');
  const r = spawnSync(
    'node',
    ['bin/concord.mjs', 'run', resolve('scenarios/sahel-ct.json'), '--days', '2', '--events', file],
    { encoding: 'utf8' },
  );
  const events = () =>
    readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('gives each event its ISO 8601 time (the scenario start + tick × tick length)', () => {
    expect(r.status, r.stderr).toBe(0);
    const start = Date.parse(scenario.start);
    const list = events();
    expect(list.length).toBeGreaterThan(10);
    for (const e of list) {
      expect(e.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(e.time as string)).toBe(
        start + (e.t as number) * scenario.tickMinutes * 60_000,
      );
    }
  });

  it('gives lon/lat beside x/y, inside the bbox and projecting back to the same km', () => {
    const proj = makeProjection(scenario.geography.bbox);
    const placed = events().filter((e) => typeof e.x === 'number');
    expect(placed.length).toBeGreaterThan(0);
    for (const e of placed) {
      const lon = e.lon as number;
      const lat = e.lat as number;
      expect(lon).toBeGreaterThanOrEqual(proj.west);
      expect(lon).toBeLessThanOrEqual(proj.east);
      expect(lat).toBeGreaterThanOrEqual(proj.south);
      expect(lat).toBeLessThanOrEqual(proj.north);
      expect(Math.abs(toX(proj, lon) - (e.x as number))).toBeLessThan(0.001);
      expect(Math.abs(toY(proj, lat) - (e.y as number))).toBeLessThan(0.001);
    }
  });

  it('writes a SHA-256 beside the log that sha256sum -c checks, and that catches an edit', () => {
    const sum = readFileSync(`${file}.sha256`, 'utf8');
    const hex = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(sum).toBe(`${hex}  e.ndjson\n`);
    expect(
      execFileSync('sha256sum', ['-c', 'e.ndjson.sha256'], { cwd: dir, encoding: 'utf8' }),
    ).toBe('e.ndjson: OK\n');
    appendFileSync(file, '{"t":0}\n');
    const bad = spawnSync('sha256sum', ['-c', 'e.ndjson.sha256'], { cwd: dir, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
  });

  it('names the log and its SHA-256 in run --json', () => {
    const out = join(dir, 'j.ndjson');
    const j = spawnSync(
      'node',
      [
        'bin/concord.mjs',
        'run',
        'scenarios/sahel-ct.json',
        '--days',
        '1',
        '--events',
        out,
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const json = JSON.parse(j.stdout);
    const hex = createHash('sha256').update(readFileSync(out)).digest('hex');
    expect(json.events).toEqual({ file: out, sha256: hex });
  });
});
