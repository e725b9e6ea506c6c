// One experiment run: the scenario with a design point's levels set, one seed, run headless;
// the metrics at the end, the log hash, and optional time series. Pure (no Node, no DOM), so
// Node worker threads and browser Web Workers run exactly the same code and rows.
import { DEFAULT_LIMITS, type Limits } from '../scenario/limits';
import { applyAssignments } from '../scenario/paths';
import { formatProblems } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import { buildDef } from '../sim/build';
import { Session } from '../sim/session';
import type { Def } from '../sim/world';
import type { Level } from './design';

export interface RunSpec {
  run: number;
  point: number;
  seed: number;
  levels: Record<string, Level>;
  /** Run length in days; the scenario's when absent. */
  days?: number | undefined;
  metrics: readonly string[];
  sample?: { everyHours: number; metrics: readonly string[] } | undefined;
}

export interface RunOutcome {
  run: number;
  point: number;
  seed: number;
  hash: string;
  metrics: Record<string, number>;
  /** Time series: hours after start and the sampled metrics there. */
  series: Array<{ hours: number; values: Record<string, number> }>;
}

/** Runs experiment runs against one scenario, building each design point's world once. */
export class ExperimentRunner {
  private built = new Map<string, { sc: Scenario; def: Def }>();

  constructor(
    private readonly scenario: unknown,
    private readonly atlas: (name: '50m' | '10m') => unknown,
    private readonly limits: Limits = DEFAULT_LIMITS,
  ) {}

  private world(levels: Record<string, Level>): { sc: Scenario; def: Def } {
    const key = JSON.stringify(levels);
    let hit = this.built.get(key);
    if (!hit) {
      const doc = structuredClone(this.scenario);
      applyAssignments(
        doc,
        Object.entries(levels).map(([k, v]) => `${k}=${v}`),
      );
      const v = validateScenario(doc, this.limits);
      if (!v.ok) throw new Error(formatProblems('scenario with design point', v.problems));
      hit = { sc: v.value, def: buildDef(v.value, this.atlas(v.value.geography.atlas)) };
      // A few points at most are live in one worker at a time (runs come point by point).
      if (this.built.size >= 4) this.built.delete(this.built.keys().next().value!);
      this.built.set(key, hit);
    }
    return hit;
  }

  run(spec: RunSpec): RunOutcome {
    const { sc, def } = this.world(spec.levels);
    // A run never seeks back: no periodic checkpoints (clones of the whole state).
    const session = new Session(sc, this.atlas(sc.geography.atlas), spec.seed, def, {
      checkpoints: false,
    });
    const end =
      spec.days === undefined
        ? session.totalTicks
        : Math.round((spec.days * 1440) / sc.tickMinutes);
    const series: RunOutcome['series'] = [];
    if (spec.sample) {
      const every = Math.max(1, Math.round((spec.sample.everyHours * 60) / sc.tickMinutes));
      for (let t = every; t <= end; t += every) {
        session.runTo(t);
        const m = session.metrics() as unknown as Record<string, number>;
        series.push({
          hours: (t * sc.tickMinutes) / 60,
          values: Object.fromEntries(spec.sample.metrics.map((k) => [k, m[k]!])),
        });
      }
    }
    session.runTo(end);
    const all = session.metrics() as unknown as Record<string, number>;
    return {
      run: spec.run,
      point: spec.point,
      seed: spec.seed,
      hash: session.hash(),
      metrics: Object.fromEntries(spec.metrics.map((k) => [k, all[k]!])),
      series,
    };
  }
}
