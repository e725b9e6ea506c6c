// URL state: `?scenario=…&seed=…&t=…&view=…` reopens one moment of one run. `view` is an
// actor id or `truth` (the white cell's ground truth); `set=name=value` (repeated) applies
// assignments to the scenario, as `concord run --set` (a design point of an experiment).
// Pure parse and format.

export interface UrlState {
  scenario: string | null;
  seed: number | null;
  tick: number | null;
  /** Actor id, or 'truth'. */
  view: string | null;
  /** `name=value` assignments; absent when there are none. */
  set?: string[];
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
  return {
    scenario: q.get('scenario') || null,
    seed: int(q.get('seed'), 0),
    tick: int(q.get('t'), 0),
    view: q.get('view') || null,
    ...(set.length ? { set } : {}),
  };
}

export function formatUrlState(s: {
  scenario: string;
  seed: number;
  tick: number;
  view: string;
  set?: readonly string[];
}): string {
  const q = new URLSearchParams();
  q.set('scenario', s.scenario);
  q.set('seed', String(s.seed));
  q.set('t', String(s.tick));
  q.set('view', s.view);
  for (const a of s.set ?? []) q.append('set', a);
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
