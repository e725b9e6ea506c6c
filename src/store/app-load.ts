// Opening things in an app session: a scenario (a planner's run), a new exercise with roles,
// a saved session (a file, or this browser's autosave), and handing the screen to another role
// (hot seat). Each resets the view from the engine's answer and recreates the map.

import type { LoadResult } from '../../workers/session-api';
import type { CreateOptions } from '../exercise/host';
import type { WorldDescription } from '../sim/describe';
import { pause } from './app-loop';
import { destroyMap, ensureMap } from './app-map';
import { type AppCtx, exclusive, loadFailed, reportError, resync } from './app-session';
import { getExercise, setExercise } from './exercise';
import { setLatestSnapshot } from './latest-snapshot';
import {
  beginLoad,
  type ChangeSource,
  getSession,
  loaded,
  setDescription,
  setStatus,
  setView as setViewAction,
} from './session';
import { viewIndex } from './url';

export interface LoadOptions {
  tick?: number | null;
  /** Actor id or 'truth'. */
  view?: string | null;
  source?: ChangeSource;
  /** Scenario document to load instead of the file `name` (a planner's own file, a bench variant). */
  json?: unknown;
  /** `name=value` assignments applied to the scenario (a design point), kept in the URL. */
  set?: readonly string[];
}

/** Clears what belonged to the previous run before a new one loads (or a room is joined). */
export async function beginOpening(
  c: AppCtx,
  name: string,
  seed: number,
  source: ChangeSource,
  set: readonly string[],
): Promise<number> {
  const gen = ++c.loadGen;
  await pause(c, source);
  c.pending = null;
  destroyMap(c);
  setLatestSnapshot(null);
  c.eventCount = 0;
  c.role = 'white';
  c.actor = -1;
  beginLoad(name, seed, source, set);
  return gen;
}

/** After the engine answered a load: the store, the view, the tick, the map. */
async function finishOpening(
  c: AppCtx,
  gen: number,
  name: string,
  r: LoadResult,
  o: {
    tick?: number | null;
    view?: string | null;
    source: ChangeSource;
    exercise: boolean;
    /** A session (an exercise or an opened file) rather than a planner's run of a scenario. */
    saved?: boolean;
  },
): Promise<void> {
  if (gen !== c.loadGen) return;
  if (!r.ok) {
    loadFailed(name, r.problems, o.source);
    return;
  }
  c.fullDescription = r.description;
  loaded(r.description, await c.api.hash(), o.source);
  setViewAction(
    viewIndex(
      o.view ?? null,
      r.description.actors.map((a) => a.id),
    ),
    o.source,
  );
  const t = o.tick ?? 0;
  if (t !== r.tick) await c.api.seek(Math.min(t, r.description.scenario.totalTicks));
  await resync(c, o.source);
  if (gen !== c.loadGen) return;
  setExercise({
    active: o.exercise,
    role: 'white',
    handover: null,
    sessionId: r.sessionId,
    saved: o.saved ?? o.exercise,
    view: o.exercise ? await c.api.exercise('white') : null,
  });
  setStatus('ready', '', o.source);
}

/** Loads a scenario file for a planner's run, then (optionally) seeks to a tick and sets a view. */
export async function loadScenario(
  c: AppCtx,
  name: string,
  seed: number,
  opts: LoadOptions = {},
): Promise<void> {
  const source = opts.source ?? 'user';
  const set = opts.set ?? [];
  const gen = await beginOpening(c, name, seed, source, set);
  try {
    await exclusive(c, async () => {
      const own = c.custom?.name === name ? c.custom.json : undefined;
      const json = opts.json ?? own ?? (await c.deps.scenarios.load(name));
      const bundled =
        opts.json === undefined && own === undefined && c.deps.scenarios.names.includes(name);
      if (opts.json !== undefined) c.custom = { name, json: opts.json };
      const r = await c.api.load(json, { seed, set: [...set], name: bundled ? name : null });
      await finishOpening(c, gen, name, r, {
        tick: opts.tick ?? null,
        view: opts.view ?? null,
        source,
        exercise: false,
      });
    });
  } catch (e) {
    if (gen === c.loadGen) loadFailed(name, [e instanceof Error ? e.message : String(e)], source);
    return;
  }
  if (gen === c.loadGen && getSession().status.phase === 'ready') await ensureMap(c);
}

/** Starts an exercise (roles, turns, the MSEL): the white cell holds the screen first. */
export async function startExercise(
  c: AppCtx,
  o: CreateOptions,
  source: ChangeSource = 'user',
): Promise<void> {
  const name = o.scenario.name ?? 'custom';
  const gen = await beginOpening(c, name, o.seed, source, o.set ?? []);
  try {
    await exclusive(c, async () => {
      const r = await c.api.startExercise(o);
      await finishOpening(c, gen, name, r, { source, exercise: true });
    });
  } catch (e) {
    if (gen === c.loadGen) loadFailed(name, [e instanceof Error ? e.message : String(e)], source);
    return;
  }
  if (gen === c.loadGen && getSession().status.phase === 'ready') await ensureMap(c);
}

/**
 * Opens a saved session (a file's parsed JSON, or an autosave) at its tick. A malformed or
 * tampered file is refused with its problems and the open exercise stays as it was.
 */
export async function openSession(
  c: AppCtx,
  doc: unknown,
  o: { id?: string; source?: ChangeSource } = {},
): Promise<{ ok: true } | { ok: false; problems: string[] }> {
  const source = o.source ?? 'user';
  // Check it first, without touching the open exercise: the engine refuses a bad file whole.
  const r = await exclusive(c, () => c.api.openSession(doc, o.id));
  if (!r.ok) return r;
  const s = await c.api.info();
  const name = s.scenario;
  const gen = await beginOpening(c, name, s.seed, source, []);
  await exclusive(c, async () => {
    const roles = (await c.api.exercise('white')).roles;
    await finishOpening(c, gen, name, r, {
      tick: r.tick,
      source,
      exercise: roles.length > 1,
      saved: true,
    });
  });
  if (gen === c.loadGen && getSession().status.phase === 'ready') await ensureMap(c);
  return { ok: true };
}

/**
 * Hands the screen to a role (hot seat): the white cell's full description, or a player's
 * role description; the map is recreated for it and everything is fetched again.
 */
export async function showRole(
  c: AppCtx,
  roleId: string,
  source: ChangeSource = 'user',
): Promise<void> {
  await pause(c, source);
  try {
    await exclusive(c, async () => {
      const view = await c.api.exercise(roleId);
      const actor = view.role.actor;
      const d = getSession().description;
      const index = actor === null || !d ? -1 : d.actors.findIndex((a) => a.id === actor);
      const description: WorldDescription | null =
        index < 0 ? c.fullDescription : await c.api.roleDescribe(index);
      if (!description) return;
      c.role = roleId;
      c.actor = index;
      destroyMap(c);
      setDescription(description, source);
      setViewAction(index, source);
      await resync(c, source);
      setExercise({ role: roleId, view, handover: null });
    });
  } catch (e) {
    reportError('Could not show that role', e);
    return;
  }
  await ensureMap(c);
}

/** Refreshes the exercise view of the role on screen (after orders, injects, turn ends). */
export function refreshExercise(c: AppCtx): Promise<void> {
  if (!getExercise().active) return Promise.resolve();
  return exclusive(c, async () => {
    setExercise({ view: await c.api.exercise(c.role) });
  }).catch((e) => reportError('Exercise update failed', e));
}
