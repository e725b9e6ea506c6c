// The Experiments panel's state: the experiment being edited and its check, the run in
// progress (runs done, workers, time) and its results, the metric plotted, the design point
// whose runs are listed, and the run last opened in the planner. Kept apart from the session
// store: a sweep runs beside the planner's session and neither clears the other. Vanilla
// zustand with immer; actions are plain functions (Node tests call them).
//
// Heavy objects (scenario documents, run lists) stay out: the store holds a small `Plan`,
// and results arrive in batches as whole new frozen arrays, so immer never walks them.
import { immer } from 'zustand/middleware/immer';
import { createStore } from 'zustand/vanilla';
import { header, line, row } from '../experiment/csv';
import type { DesignPoint } from '../experiment/design';
import type { RunOutcome } from '../experiment/run';
import type { Problem } from '../scenario/problems';
import type { CheckedExperiment } from './experiment-check';

/** What the panel needs to know of a checked experiment. */
export interface Plan {
  id: string;
  name: string;
  scenario: string;
  design: string;
  sampled: boolean;
  /** Level of the summary's confidence intervals (the experiment's `confidence`; 0.95 if absent). */
  confidence?: number;
  parameters: string[];
  metrics: string[];
  /** Levels of each design point, by point index. */
  levels: DesignPoint[];
  seeds: number;
  runs: number;
  tickMinutes: number;
  runTicks: number;
}

export type RunResult = Omit<RunOutcome, 'series'>;
export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ExperimentsState {
  /** The example file the text came from; '' once edited. */
  example: string;
  text: string;
  check: { phase: 'empty' | 'checking' | 'ok' | 'invalid'; problems: Problem[] };
  /** The checked text's plan (null while it has problems). */
  draft: Plan | null;
  /** The plan of the run shown (started from a draft; editing the text leaves it alone). */
  active: Plan | null;
  run: {
    phase: RunPhase;
    done: number;
    total: number;
    workers: number;
    elapsedMs: number;
    error: string;
  };
  /** By arrival; `resultsCsv` sorts by run index. */
  results: RunResult[];
  metric: string;
  point: number;
  /** Tick the planner opens a run at; null: the run's end. */
  openTick: number | null;
  opened: { run: number; tick: number; hash: string; runHash: string; atEnd: boolean } | null;
}

export function initialExperimentsState(): ExperimentsState {
  return {
    example: '',
    text: '',
    check: { phase: 'empty', problems: [] },
    draft: null,
    active: null,
    run: { phase: 'idle', done: 0, total: 0, workers: 0, elapsedMs: 0, error: '' },
    results: [],
    metric: '',
    point: 0,
    openTick: null,
    opened: null,
  };
}

export const experimentsStore = createStore<ExperimentsState>()(
  immer(() => initialExperimentsState()),
);
export const getExperiments = (): ExperimentsState => experimentsStore.getState();

const set = (fn: (s: ExperimentsState) => void) => experimentsStore.setState(fn);

export function planOf(c: CheckedExperiment): Plan {
  const levels: DesignPoint[] = [];
  for (const r of c.runs) levels[r.point] ??= r.levels;
  return {
    id: c.experiment.id,
    name: c.experiment.name,
    scenario: c.scenario,
    design: c.experiment.design.kind,
    sampled: c.experiment.design.kind !== 'grid',
    confidence: c.experiment.confidence,
    parameters: c.parameters,
    metrics: c.metrics,
    levels,
    seeds: c.experiment.seeds.count,
    runs: c.runs.length,
    tickMinutes: c.tickMinutes,
    runTicks: c.runTicks,
  };
}

// ——— actions ———

export function setText(text: string, example = ''): void {
  set((s) => {
    s.text = text;
    s.example = example;
    s.check = { phase: text.trim() ? 'checking' : 'empty', problems: [] };
  });
}

export function setChecked(result: { plan: Plan } | { problems: Problem[] }): void {
  set((s) => {
    if ('plan' in result) {
      s.check = { phase: 'ok', problems: [] };
      s.draft = result.plan;
    } else {
      s.check = { phase: 'invalid', problems: result.problems };
      s.draft = null;
    }
  });
}

export function beginRun(plan: Plan, workers: number): void {
  set((s) => {
    s.active = plan;
    s.run = { phase: 'running', done: 0, total: plan.runs, workers, elapsedMs: 0, error: '' };
    s.results = [];
    if (!plan.metrics.includes(s.metric)) s.metric = plan.metrics[0] ?? '';
    s.point = 0;
    s.openTick = null;
    s.opened = null;
  });
}

/** A batch of finished runs (throttled by the caller), with the time run so far. */
export function addResults(batch: readonly RunResult[], elapsedMs: number): void {
  const cur = getExperiments().results;
  set((s) => {
    if (batch.length) {
      s.results = Object.freeze(cur.concat(batch)) as RunResult[];
      s.run.done = cur.length + batch.length;
    }
    s.run.elapsedMs = elapsedMs;
  });
}

export function endRun(phase: 'done' | 'cancelled' | 'error', error = ''): void {
  set((s) => {
    s.run.phase = phase;
    s.run.error = error;
  });
}

export function setMetric(metric: string): void {
  set((s) => {
    s.metric = metric;
  });
}

export function setPoint(point: number): void {
  set((s) => {
    s.point = point;
  });
}

export function setOpenTick(tick: number | null): void {
  set((s) => {
    s.openTick = tick;
  });
}

export function setOpened(opened: ExperimentsState['opened']): void {
  set((s) => {
    s.opened = opened;
  });
}

// ——— derived ———

/** The results as `concord sweep` writes them: its header, one row per run sorted by run index. */
export function resultsCsv(plan: Plan, results: readonly RunResult[], engine: string): string {
  const ctx = {
    experiment: plan.id,
    parameters: plan.parameters,
    metrics: plan.metrics,
    engine,
  };
  const rows = [...results]
    .sort((a, b) => a.run - b.run)
    .map((r) => row(ctx, plan.levels[r.point]!, { ...r, series: [] }));
  return `${[line(header(ctx)), ...rows].join('\n')}\n`;
}

/** The `name=value` assignments that make a design point's scenario (as `concord run --set`). */
export function assignmentsOf(plan: Plan, point: number): string[] {
  const levels = plan.levels[point] ?? {};
  return plan.parameters.map((p) => `${p}=${levels[p]}`);
}
