// `concord replay` as a trainer or researcher uses it on a saved exercise: ok with the count
// of hashes checked; a tampered copy exits 4 naming the first tick that differs; a malformed
// file exits 2 naming the place; a version-1 file migrates.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionFile } from '../../src/exercise/session-file';
import { newHost } from '../exercise/fixture';

const concord = (...args: string[]) =>
  spawnSync('node', ['bin/concord.mjs', ...args], { encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'concord-replay-'));
let file: SessionFile;

beforeAll(async () => {
  const { host } = await newHost();
  await host.order('mali', { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] });
  for (let turn = 0; turn < 3; turn++) {
    for (const r of host.players) await host.setReady(r, true);
    await host.execute();
    await host.advance(1000);
  }
  file = host.toFile();
});

const write = (name: string, doc: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(doc));
  return f;
};

describe('concord replay', () => {
  it('verifies a saved session', () => {
    const r = concord('replay', write('good.concord.json', file));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^ok: sahel-ct, seed 3: \d+ orders replayed to tick 72; \d+ recorded hashes equal/,
    );
    const j = concord('replay', write('good2.concord.json', file), '--json');
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: true, tick: 72, mismatch: null });
  });

  it('names the first tick that differs in a tampered copy, exit 4', () => {
    const bad = structuredClone(file);
    const move = bad.orders.find((o) => o.order.kind === 'move')!;
    (move.order as { position: [number, number] }).position = [-1.5, 15.5];
    const r = concord('replay', write('tampered.concord.json', bad));
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(
      /tampered\.concord\.json: tick 24: the replayed state differs from the recorded one/,
    );
  });

  it('refuses a malformed file by path, exit 2', () => {
    const bad = structuredClone(file) as unknown as Record<string, unknown>;
    (bad.orders as Array<{ role: string }>)[0]!.role = 'atlantis';
    const r = concord('replay', write('malformed.concord.json', bad));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /malformed\.concord\.json: orders\[0\]\.role: found "atlantis"; not a role of this session/,
    );
    const other = concord('replay', 'scenarios/sahel-ct.json');
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/format: found undefined; expected "concord-session"/);
  });

  it('migrates and replays a version-1 file', () => {
    const v1 = {
      format: 'concord-session',
      version: 1,
      scenario: 'sea-maritime',
      seed: 2,
      tick: 100,
      orders: [],
      hashes: [],
    };
    const r = concord('replay', write('v1.concord.json', v1));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ok: sea-maritime, seed 2: 0 orders replayed to tick 100/);
  });
});
