// The play loop of an app session: animation frames hand waiting snapshots to the map and run
// the ticks due at fixed speeds; "max" runs engine rounds back to back. Pause stops at the
// tick the display shows (the engine may have run ahead of it, so it is brought back).
import type { Metrics } from '../sim/metrics';
import {
  type AppCtx,
  exclusive,
  fetchSnapshot,
  flushPending,
  hourTicks,
  reportError,
  resync,
  SAMPLES_PER_ROUND,
} from './app-session';
import { Pacer, type Speed } from './pacing';
import {
  type ChangeSource,
  getSession,
  setClock,
  setNotice,
  setPlaying,
  setSpeed,
} from './session';

/** One animation frame: the waiting snapshot to the map, the ticks due at fixed speeds. */
function frame(c: AppCtx, now: number): void {
  c.rafId = 0;
  const dt = c.lastFrame ? now - c.lastFrame : 0;
  c.lastFrame = now;
  flushPending(c);
  const st = getSession();
  if (!st.playing || st.status.phase !== 'ready') return;
  if (st.speed === 'max') {
    if (!c.maxRunning) void maxLoop(c);
  } else {
    const n = c.pacer.due(dt, st.speed, st.tickMinutes);
    if (n > 0 && c.busy === 0) void runBatch(c, n, Pacer.spanMs(n, st.speed, st.tickMinutes), true);
    else {
      if (n > 0) c.pacer.owedMinutes += n * st.tickMinutes; // still owed: the engine is busy
      setClock(st.tick * st.tickMinutes + c.pacer.owedMinutes);
    }
  }
  kick(c);
}

export function kick(c: AppCtx): void {
  if (!c.rafId) c.rafId = c.deps.frames.request((now) => frame(c, now));
}

/**
 * One engine round: advance n ticks and, when the map has taken the previous snapshot, a new
 * snapshot with the metric samples of the hours crossed. Resolves with the engine's result.
 */
export function runBatch(c: AppCtx, n: number, spanMs: number, withSnapshot: boolean) {
  const s = getSession();
  const view = s.view;
  const role = c.role;
  const gen = c.loadGen;
  const white = c.actor < 0;
  return exclusive(c, async () => {
    const sent = c.deps.now();
    const to = Math.min(s.totalTicks, c.engineTick + n);
    const ticks = withSnapshot && white ? hourTicks(c.snapTick, to, SAMPLES_PER_ROUND) : [];
    const r = await c.api.advance(n);
    const [snap, samples, latest] = await Promise.all([
      withSnapshot ? fetchSnapshot(c, c.eventCount) : Promise.resolve(null),
      ticks.length ? c.api.metricsAt(ticks) : Promise.resolve([] as Metrics[]),
      ticks.length ? c.api.metrics() : Promise.resolve(null),
    ]);
    c.engineTick = r.tick;
    // Only a bare advance measures the main thread's turnaround: a snapshot round also
    // spends engine time on the snapshot and the metric samples.
    c.lastWallMs = withSnapshot ? null : c.deps.now() - sent;
    if (gen !== c.loadGen || getSession().view !== view || c.role !== role) return r;
    if (snap) {
      const now = c.deps.now();
      const durationMs =
        spanMs >= 0 ? spanMs : c.pacer.noteInterval(c.lastSnapAt ? now - c.lastSnapAt : 0);
      c.lastSnapAt = now;
      c.eventCount = snap.eventCount;
      c.snapTick = snap.tick;
      c.pending = { snap, durationMs, samples, ticks, latest };
      kick(c);
      // Take it in as a task of its own (unless a frame comes first), so the map's push and the
      // store update never share one long task with the frame that renders them.
      c.deps.defer(() => flushPending(c));
    }
    if (r.turnEnded || (r.ran === 0 && !r.atEnd)) {
      // The execution phase is over: the clock stops for the next planning phase.
      setPlaying(false, 'sim');
      c.onTurnEnded?.();
    }
    return r;
  }).catch((e) => {
    setPlaying(false, 'sim');
    reportError('Run stopped', e);
    return null;
  });
}

/**
 * "Max": engine rounds back to back, each sized so the engine spends ~22 ms on it; a snapshot
 * rides along only when the map has drawn the previous one.
 */
async function maxLoop(c: AppCtx): Promise<void> {
  c.maxRunning = true;
  const gen = c.loadGen;
  try {
    for (;;) {
      const s = getSession();
      if (!s.playing || s.speed !== 'max' || gen !== c.loadGen || s.status.phase !== 'ready') break;
      const r = await runBatch(c, c.pacer.batch, -1, c.pending === null);
      if (!r) break;
      c.pacer.adapt(r.ran, r.ms, c.lastWallMs);
      if (r.atEnd || r.turnEnded || r.ran === 0) {
        // The last rounds may have run without a snapshot: take one so the end shows.
        if (c.pending === null && c.snapTick < r.tick) await runBatch(c, 0, 0, true);
        break;
      }
    }
  } finally {
    c.maxRunning = false;
  }
}

export function play(c: AppCtx, source: ChangeSource = 'user'): void {
  const s = getSession();
  if (s.status.phase !== 'ready' || s.tick >= s.totalTicks) return;
  c.pacer.reset();
  c.lastFrame = 0;
  c.lastSnapAt = 0;
  setNotice(null, source);
  setPlaying(true, source);
  kick(c);
}

/**
 * Stops the clock at the tick shown. At "max" the engine runs rounds ahead of the display;
 * the display's tick is the one the user saw and acts on, so the engine goes back to it.
 */
export function pause(c: AppCtx, source: ChangeSource = 'user'): Promise<void> {
  const wasPlaying = getSession().playing;
  setPlaying(false, source);
  c.pacer.reset();
  if (!wasPlaying) return Promise.resolve();
  return exclusive(c, async () => {
    flushPending(c);
    const shown = getSession().tick;
    if (c.engineTick !== shown) {
      await c.api.seek(shown);
      await resync(c, source);
    }
  }).catch((e) => reportError('Pause failed', e));
}

export function togglePlay(c: AppCtx, source: ChangeSource = 'user'): void {
  if (getSession().playing) void pause(c, source);
  else play(c, source);
}

export function changeSpeed(c: AppCtx, speed: Speed, source: ChangeSource = 'user'): void {
  setSpeed(speed, source);
  c.pacer.reset();
}
