// The commands the UI gives an app session: step, seek, run to the next event, change the
// white cell's view, switch agreements and rights, give any order as the current role, and
// run to a tick (tests). Each is one engine conversation through `exclusive`.
import type { Order } from '../sim/world';
import { pause, runBatch } from './app-loop';
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
import { eventSelection, eventText, NEXT_EVENT_KINDS } from './feed';
import {
  type ChangeSource,
  getSession,
  type SwitchTable,
  select,
  setNotice,
  setPending,
  setView as setViewAction,
} from './session';
import { dPlus } from './time';

/** Ticks a step glides over instead of jumping. */
const GLIDE_STEP_MS = 250;
/** "Run to next event" looks at most this many simulated days ahead. */
const NEXT_EVENT_DAYS = 7;

/** Runs n ticks now (paused), gliding the map over them. */
export async function step(c: AppCtx, n = 1, source: ChangeSource = 'user'): Promise<void> {
  await pause(c, source);
  const r = await runBatch(c, n, GLIDE_STEP_MS, true);
  if (r) await exclusive(c, () => sampleMetrics(c, r.tick, source));
}

/** Goes to any tick, backwards included, through the engine's checkpoints (coalesced). */
export function createSeeker(c: AppCtx) {
  let target: number | null = null;
  let seeking: Promise<void> | null = null;
  return (tick: number, source: ChangeSource = 'user'): Promise<void> => {
    const s = getSession();
    target = Math.max(0, Math.min(Math.round(tick), s.totalTicks));
    if (!seeking) {
      seeking = (async () => {
        while (target !== null) {
          const t = target;
          target = null;
          await exclusive(c, async () => {
            if (t !== c.engineTick) await c.api.seek(t);
            await resync(c, source);
          }).catch((e) => reportError('Seek failed', e));
        }
        seeking = null;
      })();
    }
    return seeking;
  };
}

/** Advances until a new attack, inject, engagement or sovereignty event the view may know. */
export async function runToNextEvent(c: AppCtx, source: ChangeSource = 'user'): Promise<void> {
  await pause(c, source);
  const s = getSession();
  const bound = Math.round((NEXT_EVENT_DAYS * 1440) / s.tickMinutes);
  const view = c.actor >= 0 ? c.actor : s.view;
  return exclusive(c, async () => {
    flushPending(c);
    const r = await c.api.runUntil(NEXT_EVENT_KINDS, bound, view);
    const snap = await fetchSnapshot(c, c.eventCount);
    takeIn(c, snap, r.ran <= 4 ? GLIDE_STEP_MS : 0, source);
    await sampleMetrics(c, snap.tick, source);
    const d = getSession().description;
    if (r.event && d && c.actor < 0) {
      const sel = eventSelection(r.event, d);
      if (sel) select(sel, source);
      const t = typeof r.event.t === 'number' ? r.event.t : r.tick;
      setNotice(
        { text: `${dPlus(t * s.tickMinutes)} — ${eventText(r.event, d)}`, level: 'info' },
        source,
      );
    } else if (!r.event)
      setNotice(
        {
          text: r.atEnd
            ? 'End of the scenario reached.'
            : r.turnEnded
              ? 'The execution phase ended.'
              : `Nothing new within ${NEXT_EVENT_DAYS} days.`,
          level: 'info',
        },
        source,
      );
    if (r.turnEnded) c.onTurnEnded?.();
  }).catch((e) => reportError('Run to next event failed', e));
}

/** Shows the run as the white cell (−1) or one actor sees it (the white cell's "Showing"). */
export function changeView(c: AppCtx, view: number, source: ChangeSource = 'user'): Promise<void> {
  setViewAction(view, source);
  c.map?.setView(getSession().view);
  return exclusive(c, () => resync(c, source)).catch((e) => reportError('View change failed', e));
}

/**
 * Gives an order as the current role, at the current tick. A refusal comes back in words and
 * is shown; the answer arrives only once the order is saved.
 */
export function giveOrder(
  c: AppCtx,
  order: Order,
  source: ChangeSource = 'user',
): Promise<{ ok: true } | { ok: false; error: string }> {
  return exclusive(c, async () => {
    flushPending(c);
    const r = await c.api.order({ ...order, tick: getSession().tick } as Order, c.role);
    if (!r.ok) {
      setNotice({ text: `Order refused: ${r.error}`, level: 'error' }, source);
      return r;
    }
    const snap = await fetchSnapshot(c, c.eventCount);
    takeIn(c, snap, 0, source);
    c.onExerciseChange?.();
    return r;
  }).catch((e) => {
    reportError('Order failed', e);
    return { ok: false as const, error: String(e) };
  });
}

/** Switches a sharing agreement, a right or a mechanism through an order at the current tick. */
export async function orderSwitch(
  c: AppCtx,
  table: SwitchTable,
  index: number,
  active: boolean,
  source: ChangeSource = 'user',
): Promise<void> {
  const s = getSession();
  const id = s.description?.[table][index]?.id;
  if (!id) return;
  const tick = s.tick;
  const order: Order =
    table === 'agreements'
      ? { tick, kind: 'set-agreement', agreement: id, active }
      : table === 'rights'
        ? { tick, kind: 'set-right', right: id, active }
        : { tick, kind: 'set-mechanism', mechanism: id, active };
  const r = await giveOrder(c, order, source);
  if (!r.ok) return;
  setPending(table, index, active, tick, source);
  setNotice(
    {
      text: `Order given at ${dPlus(tick * s.tickMinutes)}: ${id} ${active ? 'on' : 'off'} — takes effect with the next tick.`,
      level: 'info',
    },
    source,
  );
}

/** Runs (or seeks) to a tick and resolves with the run's hash there. */
export async function runTo(
  c: AppCtx,
  tick: number,
  source: ChangeSource = 'user',
): Promise<string> {
  await pause(c, source);
  return exclusive(c, async () => {
    if (tick >= c.engineTick) await c.api.runTo(tick);
    else await c.api.seek(tick);
    await resync(c, source);
    return getSession().hash;
  });
}
