// URL state: `?scenario=…&seed=…&t=…&view=…` reopens one moment of one run. `view` is an
// actor id or `truth` (the white cell's ground truth); `set=name=value` (repeated) applies
// assignments to the scenario, as `concord run --set` (a design point of an experiment);
// `orders=` carries the planner's orders (base64url JSON), so a link made after a switch was
// flipped reopens that state; `session=` names an exercise saved in this browser.
// Pure parse and format; `checkUrlState` says what a bad link asked for and what opens instead.

export interface UrlState {
  scenario: string | null;
  seed: number | null;
  tick: number | null;
  /** Actor id, or 'truth'. */
  view: string | null;
  /** `name=value` assignments; absent when there are none. */
  set?: string[];
  /** The encoded orders (see encodeOrders); absent when there are none. */
  orders?: string;
  /** A session saved in this browser. */
  session?: string;
  /** Raw values that did not parse, for saying what was changed. */
  raw?: { seed: string | null; t: string | null };
}

function int(v: string | null, min: number): number | null {
  if (v === null || v.trim() === '') return null;
  const n = Number(v);
  // Seeds and ticks past 2^53 − 1 would not print back as the same number.
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search);
  const set = q.getAll('set').filter((a) => a.indexOf('=') > 0);
  const orders = q.get('orders');
  const session = q.get('session');
  const seed = int(q.get('seed'), 0);
  const tick = int(q.get('t'), 0);
  const bad = (q.get('seed') !== null && seed === null) || (q.get('t') !== null && tick === null);
  return {
    scenario: q.get('scenario') || null,
    seed,
    tick,
    view: q.get('view') || null,
    ...(set.length ? { set } : {}),
    ...(orders ? { orders } : {}),
    ...(session ? { session } : {}),
    ...(bad ? { raw: { seed: q.get('seed'), t: q.get('t') } } : {}),
  };
}

/** What a link asked for that does not exist, in words (empty when the link is good). */
export function checkUrlState(u: UrlState, scenarios: readonly string[], opened: string): string[] {
  const out: string[] = [];
  if (u.scenario && !scenarios.includes(u.scenario))
    out.push(`there is no scenario "${u.scenario}"; ${opened} opened instead`);
  if (u.raw?.seed != null && u.seed === null)
    out.push(`seed "${u.raw.seed}" is not a whole number from 0 up; seed 1 is used`);
  if (u.raw?.t != null && u.tick === null)
    out.push(`t "${u.raw.t}" is not a tick from 0 up; the run opens at its start`);
  return out;
}

/** A view named in a link that the scenario does not have, in words (null when it has it). */
export function checkUrlView(view: string | null, actorIds: readonly string[]): string | null {
  if (!view || view === 'truth' || actorIds.includes(view)) return null;
  return `there is no actor "${view}" in this scenario; the white cell's ground truth is shown`;
}

/** Orders as a URL-safe string: base64url of their JSON. */
export function encodeOrders(orders: readonly unknown[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(orders));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The orders a link carries, or null when the text is not what encodeOrders makes. */
export function decodeOrders(text: string): unknown[] | null {
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const v = JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0))));
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

export function formatUrlState(s: {
  scenario: string;
  seed: number;
  tick: number;
  view: string;
  set?: readonly string[];
  orders?: string;
  session?: string;
}): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenario);
  q.set('seed', String(s.seed));
  q.set('t', String(s.tick));
  q.set('view', s.view);
  for (const a of s.set ?? []) q.append('set', a);
  if (s.orders) q.set('orders', s.orders);
  if (s.session) q.set('session', s.session);
  return `?${q.toString()}`;
}

/** The view index for a URL view name: −1 for 'truth' or an unknown id. */
export function viewIndex(view: string | null, actorIds: readonly string[]): number {
  if (!view || view === 'truth') return -1;
  return actorIds.indexOf(view);
}

export function viewName(view: number, actorIds: readonly string[]): string {
  return view < 0 ? 'truth' : (actorIds[view] ?? 'truth');
}
