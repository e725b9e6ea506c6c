// The URL of an app session: it reopens the moment shown — scenario, seed, tick, view,
// assignments, and the planner's orders (`orders=`), or an exercise saved in this browser
// (`session=`). A link that names something that does not exist opens what it can and says
// what was changed, instead of silently replacing it.
import { SESSION_FORMAT } from '../exercise/session-file';
import { loadScenario, openSession } from './app-load';
import type { AppCtx } from './app-session';
import { getExercise } from './exercise';
import { getSession, type SessionState, sessionStore, setNotice } from './session';
import {
  checkUrlState,
  checkUrlView,
  decodeOrders,
  encodeOrders,
  formatUrlState,
  parseUrlState,
  viewName,
} from './url';

export interface UrlPort {
  read(): string;
  write(search: string): void;
}

/** A session saved in this browser, by id (IndexedDB). */
export type SavedSessions = (id: string) => Promise<unknown | undefined>;

/** Opens what the URL names (or the default scenario), and says what a bad link changed. */
export async function startFromUrl(
  c: AppCtx,
  url: UrlPort,
  saved: SavedSessions,
  defaultScenario = 'sahel-ct',
): Promise<void> {
  const u = parseUrlState(url.read());
  const names = c.deps.scenarios.names;
  const notes: string[] = [];
  if (u.session) {
    const doc = await saved(u.session).catch(() => undefined);
    if (doc) {
      const r = await openSession(c, doc, { id: u.session, source: 'replay' });
      if (r.ok) return;
      notes.push(`the saved session could not be reopened (${r.problems[0]})`);
    } else notes.push(`no session "${u.session}" is saved in this browser`);
  }
  const name =
    u.scenario && names.includes(u.scenario)
      ? u.scenario
      : names.includes(defaultScenario)
        ? defaultScenario
        : (names[0] ?? defaultScenario);
  notes.push(...checkUrlState(u, names, name));
  const seed = u.seed ?? 1;
  const set = u.set && name === u.scenario ? u.set : [];
  const orders = u.orders && name === u.scenario ? decodeOrders(u.orders) : null;
  if (u.orders && !orders)
    notes.push('the orders in the link could not be read; they were left out');
  let opened = false;
  if (orders?.length) {
    const last = Math.max(...orders.map((o) => Number((o as { tick?: unknown }).tick) || 0));
    const doc = {
      format: SESSION_FORMAT,
      version: 1,
      scenario: name,
      seed,
      set,
      tick: Math.max(u.tick ?? 0, last),
      orders,
      hashes: [],
    };
    const r = await openSession(c, doc, { source: 'replay' });
    if (r.ok) {
      opened = true;
      if (u.tick !== null && u.tick < doc.tick) await c.seekTo?.(u.tick);
    } else
      notes.push(
        `the orders in the link were refused (${r.problems[0]}); the run opens without them`,
      );
  }
  if (!opened)
    await loadScenario(c, name, seed, { tick: u.tick, view: u.view, source: 'replay', set });
  const d = getSession().description;
  const bad = d
    ? checkUrlView(
        u.view,
        d.actors.map((a) => a.id),
      )
    : null;
  if (bad) notes.push(bad);
  if (notes.length)
    setNotice({ text: `This link was changed: ${notes.join('; ')}.`, level: 'warn' }, 'replay');
}

const URL_THROTTLE_MS = 1000;

/** Keeps the URL on the moment shown (throttled); returns the unsubscribe. */
export function followUrl(
  c: AppCtx,
  url: UrlPort,
  timers: { set(fn: () => void, ms: number): number },
): () => void {
  let timer = 0;
  let due = 0;
  const write = async () => {
    timer = 0;
    const s = getSession();
    if (!s.description || s.status.phase !== 'ready') return;
    const ex = getExercise();
    const orders = ex.saved ? [] : (await c.api.info()).orders;
    url.write(
      formatUrlState({
        scenario: s.scenario,
        seed: s.seed,
        tick: s.tick,
        view: viewName(
          s.view,
          s.description.actors.map((a) => a.id),
        ),
        set: s.set,
        ...(orders.length ? { orders: encodeOrders(orders) } : {}),
        ...(ex.saved && ex.sessionId ? { session: ex.sessionId } : {}),
      }),
    );
  };
  const changed = (s: SessionState, p: SessionState) =>
    s.tick !== p.tick ||
    s.view !== p.view ||
    s.scenario !== p.scenario ||
    s.seed !== p.seed ||
    s.set !== p.set ||
    s.status !== p.status ||
    s.lastChange.action === 'setPending';
  return sessionStore.subscribe((s, prev) => {
    if (!changed(s, prev) || timer) return;
    const now = c.deps.now();
    const wait = Math.max(0, due - now);
    due = now + wait + URL_THROTTLE_MS;
    timer = timers.set(() => void write(), wait);
  });
}
