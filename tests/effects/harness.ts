// Paired mechanism-effect experiments: the same seeds run with a scenario as a baseline and
// as a variant (common random numbers: each system keeps its own seeded stream), and the
// variant − baseline differences of one measure collected per seed.
import { setPath } from '../../src/scenario/paths';
import type { Scenario } from '../../src/scenario/schema';
import { buildDef } from '../../src/sim/build';
import { Session } from '../../src/sim/session';
import type { Def } from '../../src/sim/world';
import { loaded } from '../sim/driver';

export type Edit = (sc: Scenario) => void;

export interface Effect {
  /** What is switched, and which way the measure must move. */
  name: string;
  scenario: string;
  days: number;
  /** Paired seeds (at least 30; more where the effect is small against run-to-run noise). */
  seeds?: number;
  /** The measure and its expected direction (variant − baseline): +1 up, −1 down. */
  measure: string;
  direction: 1 | -1;
  value: (s: Session) => number;
  baseline?: Edit;
  variant: Edit;
}

/** `path = value` as an edit, e.g. set('jointCentres.jf-joc.active', true). */
export function set(path: string, value: unknown): Edit {
  return (sc) => {
    setPath(sc, path, value);
  };
}

export function both(...edits: Edit[]): Edit {
  return (sc) => {
    for (const e of edits) e(sc);
  };
}

function prepare(name: string, edit: Edit | undefined): { sc: Scenario; atlas: unknown; def: Def } {
  const { scenario, atlas, def } = loaded(name);
  if (!edit) return { sc: scenario, atlas, def };
  const sc = structuredClone(scenario);
  edit(sc);
  return { sc, atlas, def: buildDef(sc, atlas) };
}

/** Variant − baseline of the effect's measure, one per seed. */
export function pairedDiffs(e: Effect, seeds: readonly number[]): number[] {
  const a = prepare(e.scenario, e.baseline);
  const b = prepare(e.scenario, both(e.baseline ?? (() => {}), e.variant));
  const ticks = Math.round((e.days * 1440) / a.sc.tickMinutes);
  return seeds.map((seed) => {
    const sa = new Session(a.sc, a.atlas, seed, a.def);
    const sb = new Session(b.sc, b.atlas, seed, b.def);
    sa.runTo(ticks);
    sb.runTo(ticks);
    return e.value(sb) - e.value(sa);
  });
}
