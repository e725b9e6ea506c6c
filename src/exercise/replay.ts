// Replaying a session: the scenario (embedded, or a bundled one whose digest must match), the
// seed and assignments build the engine session; every recorded order is given at its tick;
// at every recorded hash the replayed hash must equal it. Used by `concord replay`, by the app
// to reopen a saved or autosaved exercise at the same tick and hash, and by the classroom
// server on restart. Nothing here evaluates triggers or roles: it applies what was recorded.
import { DEFAULT_LIMITS, type Limits } from '../scenario/limits';
import { applyAssignments, PathError } from '../scenario/paths';
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { ScenarioGeoError } from '../sim/build';
import { OrderError, Session } from '../sim/session';
import { scenarioDigest } from './canonical';
import type { ScenarioResolver } from './migrate';
import { SCENARIO_ONLY_INJECT_KINDS } from './msel';
import { asOrder } from './order-schema';
import type { SessionFile } from './session-file';

export interface ReplayDeps {
  /** A bundled scenario's document by name (null: unknown). */
  scenario: ScenarioResolver;
  /** The Natural Earth topology a scenario names. */
  atlas: (name: '50m' | '10m') => unknown | Promise<unknown>;
  limits?: Limits;
}

export class ReplayError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

/** The scenario (with the session's assignments) does not validate: every problem, by path. */
export class ScenarioInvalid extends ReplayError {
  constructor(readonly problems: Problem[]) {
    super(`scenario: ${problems[0]!.path}`, problems[0]!.message);
  }
}

/** The scenario document of a session, checked against its digest. */
export async function sessionScenarioDoc(f: SessionFile, deps: ReplayDeps): Promise<unknown> {
  const doc = f.scenario.doc ?? (f.scenario.name ? await deps.scenario(f.scenario.name) : null);
  if (doc === null || doc === undefined)
    throw new ReplayError(
      'scenario',
      `no scenario: the file embeds none and "${f.scenario.name}" is not a bundled scenario`,
    );
  const digest = await scenarioDigest(doc);
  if (digest !== f.scenario.digest)
    throw new ReplayError(
      'scenario.digest',
      `the scenario differs from the one this session was played on (digest ${digest.slice(0, 12)}…, recorded ${f.scenario.digest.slice(0, 12)}…)`,
    );
  return doc;
}

/** A fresh engine session at tick 0 for a session file's scenario, seed and assignments. */
export async function engineFor(
  f: SessionFile,
  deps: ReplayDeps,
): Promise<{ session: Session; scenario: Scenario; doc: unknown }> {
  const doc = await sessionScenarioDoc(f, deps);
  const raw = structuredClone(doc) as Record<string, unknown>;
  // The exercise's MSEL fires the scenario's injects as recorded orders; force flows stay the
  // engine's (their units exist from load, msel.ts SCENARIO_ONLY_INJECT_KINDS).
  if (f.setup.injects === 'msel')
    raw.injects = Array.isArray(raw.injects)
      ? raw.injects.filter((i) =>
          SCENARIO_ONLY_INJECT_KINDS.includes((i as { kind?: string })?.kind ?? ''),
        )
      : [];
  try {
    applyAssignments(raw, f.set);
  } catch (e) {
    if (e instanceof PathError) throw new ReplayError('set', e.message);
    throw e;
  }
  const v = validateScenario(raw, deps.limits ?? DEFAULT_LIMITS);
  if (!v.ok) throw new ScenarioInvalid(v.problems);
  try {
    const session = new Session(v.value, await deps.atlas(v.value.geography.atlas), f.seed);
    return { session, scenario: v.value, doc };
  } catch (e) {
    if (e instanceof ScenarioGeoError) throw new ReplayError('scenario', e.message);
    throw e;
  }
}

export interface Mismatch {
  tick: number;
  recorded: string;
  replayed: string;
}

export interface ReplayResult {
  session: Session;
  scenario: Scenario;
  doc: unknown;
  /** Hashes compared, and the first that differed (null: all equal). */
  checked: number;
  mismatch: Mismatch | null;
}

/**
 * Replays `f` to its tick (or `upTo`). Stops at the first differing hash unless
 * `keepGoing`; a recorded order the engine refuses is a ReplayError naming it.
 */
export async function replaySession(
  f: SessionFile,
  deps: ReplayDeps,
  o: { upTo?: number; keepGoing?: boolean } = {},
): Promise<ReplayResult> {
  const { session, scenario, doc } = await engineFor(f, deps);
  const end = Math.min(o.upTo ?? f.tick, f.tick);
  const points = new Set<number>([end]);
  for (const r of f.orders) if (r.tick <= end) points.add(r.tick);
  for (const h of f.hashes) if (h.tick <= end) points.add(h.tick);
  let checked = 0;
  let mismatch: Mismatch | null = null;
  let oi = 0;
  for (const p of [...points].sort((a, b) => a - b)) {
    session.runTo(p);
    if (session.tick !== p)
      throw new ReplayError('tick', `the scenario ends at tick ${session.tick}, before tick ${p}`);
    for (; oi < f.orders.length && f.orders[oi]!.tick === p; oi++) {
      const r = f.orders[oi]!;
      try {
        session.order(asOrder(r.order));
      } catch (e) {
        if (e instanceof OrderError)
          throw new ReplayError(`orders[${oi}]`, `tick ${p}: ${e.message}`);
        throw e;
      }
    }
    for (const h of f.hashes) {
      if (h.tick !== p) continue;
      checked++;
      const replayed = session.hash();
      if (replayed !== h.hash && !mismatch) {
        mismatch = { tick: p, recorded: h.hash, replayed };
        if (!o.keepGoing) return { session, scenario, doc, checked, mismatch };
      }
    }
  }
  return { session, scenario, doc, checked, mismatch };
}
