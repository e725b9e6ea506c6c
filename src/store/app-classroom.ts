// A classroom device's app session: joining a room (the server's welcome names the role and
// gives its description) and following the room (the server says what changed; this device
// then asks for its own view). A player's screen is the hot seat's player screen; the white
// cell's is the hot seat's white cell, driving the clock over the wire.
import type { Changed, Welcome } from '../remote/protocol';
import { beginOpening, refreshExercise } from './app-load';
import { pause } from './app-loop';
import { ensureMap } from './app-map';
import {
  type AppCtx,
  exclusive,
  fetchSnapshot,
  flushPending,
  reportError,
  resync,
  sampleMetrics,
  takeIn,
} from './app-session';
import { setExercise } from './exercise';
import { getSession, loaded, setStatus, setView } from './session';

/** A step the map glides over rather than jumps (the turn's ticks arriving). */
const GLIDE_MS = 250;

/** Takes the role the server gave this device: its description, its view, its exercise. */
export async function joinRoom(c: AppCtx, w: Welcome, again: boolean): Promise<void> {
  if (again) return rejoin(c);
  const gen = await beginOpening(c, w.title || `room ${w.room}`, 0, 'user', []);
  try {
    await exclusive(c, async () => {
      c.role = w.role;
      c.actor = w.actor;
      c.fullDescription = w.actor < 0 ? w.description : null;
      loaded(w.description, await c.api.hash(), 'user');
      setView(w.actor, 'user');
      await resync(c, 'user');
      setExercise({
        active: true,
        role: w.role,
        handover: null,
        sessionId: w.sessionId,
        saved: true,
        view: await c.api.exercise(w.role),
      });
      setStatus('ready', '', 'user');
    });
  } catch (e) {
    if (gen === c.loadGen)
      setStatus('error', `Could not join room ${w.room}: ${(e as Error).message}`, 'user');
    return;
  }
  if (gen === c.loadGen) await ensureMap(c);
}

/** Back after a drop or a server restart: whatever the room holds now, from the start. */
async function rejoin(c: AppCtx): Promise<void> {
  await pause(c, 'sim');
  await exclusive(c, () => resync(c, 'sim')).catch((e) => reportError('Rejoining', e));
  await refreshExercise(c);
}

/** The room changed: fetch this role's view of it (a jump back refetches everything). */
export async function roomChanged(c: AppCtx, msg: Changed): Promise<void> {
  if (getSession().status.phase !== 'ready') return;
  await exclusive(c, async () => {
    if (msg.jumped || msg.tick < c.engineTick) {
      await resync(c, 'sim');
      return;
    }
    // The white cell's own play loop already holds what it ran.
    if (msg.tick <= c.engineTick || getSession().playing) return;
    flushPending(c);
    const snap = await fetchSnapshot(c, c.eventCount);
    takeIn(c, snap, GLIDE_MS, 'sim');
    await sampleMetrics(c, snap.tick, 'sim');
  }).catch((e) => reportError('Room update', e));
  if (msg.exercise) await refreshExercise(c);
}
