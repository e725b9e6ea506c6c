// A short played exercise for the after-action report and GeoJSON tests: a realtime sahel-ct
// exercise on the host, with orders of several kinds by two roles and the white cell, an MSEL
// entry fired by hand and acknowledged, a bookmark, three days played; then the saved file and
// its replayed engine session, as the review opens them.
import { expect } from 'vitest';
import type { ExerciseHost } from '../../src/exercise/host';
import { replaySession } from '../../src/exercise/replay';
import type { SessionFile } from '../../src/exercise/session-file';
import type { Session } from '../../src/sim/session';
import { memoryDeps, newHost } from './fixture';

export interface Played {
  host: ExerciseHost;
  file: SessionFile;
  session: Session;
}

const ok = { ok: true };

export async function playedSession(): Promise<Played> {
  const { host } = await newHost({
    setup: { mode: 'realtime', executionHours: 6, planningSeconds: null },
  });
  expect(
    await host.order('mali', { tick: 0, kind: 'move', unit: 'ml-gao-1', position: [-0.5, 16.0] }),
  ).toEqual(ok);
  expect(
    await host.order('mali', {
      tick: 0,
      kind: 'patrol-area',
      unit: 'ml-hombori-1',
      zone: 'pa-gourma',
    }),
  ).toEqual(ok);
  await host.advance(8);
  expect(
    await host.order('mali', {
      tick: 0,
      kind: 'set-agreement',
      agreement: 'ag-ml-ne',
      active: false,
    }),
  ).toEqual(ok);
  expect(await host.order('niger', { tick: 0, kind: 'return', unit: 'ne-tera' })).toEqual(ok);
  await host.advance(40);
  expect(await host.bookmark('white', 'Mali has suspended sharing with Niger')).toEqual(ok);
  expect(
    await host.order('white', { tick: 0, kind: 'set-right', right: 'hp-ml-ne', active: false }),
  ).toEqual(ok);
  await host.advance(100);
  expect(await host.fireNow('3')).toEqual(ok);
  expect(await host.ack('mali', '3')).toEqual(ok);
  expect(await host.order('mali', { tick: 0, kind: 'release', unit: 'ml-gao-1' })).toEqual(ok);
  await host.advance(140);
  expect(await host.bookmark('mali', 'End of day 3')).toEqual(ok);
  const file = host.toFile();
  const replay = await replaySession(file, memoryDeps().deps);
  expect(replay.mismatch).toBeNull();
  return { host, file, session: replay.session };
}
