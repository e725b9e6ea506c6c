// The Experiments panel's commands: choose or edit an experiment (checked as you type), run it
// in the worker pool, cancel, download the CSV, open one run in the planner. Results reach the
// store in batches a few times a second, whatever the pool's pace, so the map and the panel
// never wait on a flood of small updates. Browser only (Worker, Blob, the planner's bridge).
import type { RunOutcome, RunSpec } from '../experiment/run';
import type { Scenario } from '../scenario/schema';
import { type Validated, validateScenario } from '../scenario/validate';
import { ENGINE_VERSION } from '../sim/version';
import { loadScenario } from './bridge';
import { type CheckedExperiment, checkExperimentText } from './experiment-check';
import { experimentNames, loadExperimentText } from './experiment-files';
import { ExperimentPool, poolSize } from './experiment-pool';
import {
  addResults,
  assignmentsOf,
  beginRun,
  endRun,
  getExperiments,
  planOf,
  type RunResult,
  resultsCsv,
  setChecked,
  setOpened,
  setText,
} from './experiments';
import { loadScenarioJson, scenarioNames } from './scenarios';
import { getSession } from './session';

const CHECK_DEBOUNCE_MS = 250;
const FLUSH_MS = 250;

// ——— choosing and checking ———

const scenarioCache = new Map<string, Promise<{ raw: unknown; checked: Validated<Scenario> }>>();
const scenarios = {
  names: scenarioNames,
  load(name: string) {
    let hit = scenarioCache.get(name);
    if (!hit) {
      hit = loadScenarioJson(name).then((raw) => ({ raw, checked: validateScenario(raw) }));
      scenarioCache.set(name, hit);
    }
    return hit;
  },
};

/** The checked experiment of the current text (null while it has problems or is being checked). */
let checked: CheckedExperiment | null = null;
let checkGen = 0;
let checkTimer = 0;

async function checkNow(): Promise<void> {
  window.clearTimeout(checkTimer);
  const gen = ++checkGen;
  checked = null;
  const text = getExperiments().text;
  if (!text.trim()) return;
  let r: Awaited<ReturnType<typeof checkExperimentText>>;
  try {
    r = await checkExperimentText(text, scenarios);
  } catch (e) {
    r = { ok: false, problems: [{ path: '(root)', message: String(e) }] };
  }
  if (gen !== checkGen) return; // the text changed meanwhile
  if (r.ok) {
    checked = r.value;
    setChecked({ plan: planOf(r.value) });
  } else setChecked({ problems: r.problems });
}

export { experimentNames };

export async function chooseExample(name: string): Promise<void> {
  setText(await loadExperimentText(name), name);
  await checkNow();
}

/** Offers the first example when the panel opens on an empty editor. */
export function ensureExample(): void {
  const first = experimentNames[0];
  if (!getExperiments().text && first) void chooseExample(first);
}

export function editText(text: string): void {
  setText(text);
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void checkNow(), CHECK_DEBOUNCE_MS);
}

// ——— running ———

let pool: ExperimentPool | null = null;

export async function startExperiment(): Promise<void> {
  if (pool) return;
  if (getExperiments().check.phase === 'checking') await checkNow();
  const c = checked;
  if (!c) return;
  const e = c.experiment;
  // Time series (the experiment's `sample`) go to a second CSV in the CLI; the panel shows the
  // runs' end values only, so its workers skip the sampling.
  const specs: RunSpec[] = c.runs.map((r) => ({
    run: r.run,
    point: r.point,
    seed: r.seed,
    levels: r.levels,
    days: e.days,
    metrics: c.metrics,
  }));
  const p = new ExperimentPool(poolSize(specs.length));
  pool = p;
  beginRun(planOf(c), p.size);
  const started = performance.now();
  let buffer: RunResult[] = [];
  const flush = () => {
    const batch = buffer;
    buffer = [];
    addResults(batch, performance.now() - started);
  };
  const timer = window.setInterval(flush, FLUSH_MS);
  try {
    await p.run(c.scenarioJson, specs, (o: RunOutcome) => {
      buffer.push({ run: o.run, point: o.point, seed: o.seed, hash: o.hash, metrics: o.metrics });
    });
    flush();
    const s = getExperiments().run;
    endRun(s.done === s.total ? 'done' : 'cancelled');
  } catch (err) {
    flush();
    endRun('error', err instanceof Error ? err.message : String(err));
  } finally {
    window.clearInterval(timer);
    pool = null;
  }
}

export function cancelExperiment(): void {
  pool?.cancel();
}

// ——— results ———

export function csvText(): string {
  const s = getExperiments();
  return s.active ? resultsCsv(s.active, s.results, ENGINE_VERSION) : '';
}

/** Saves the results as `<experiment id>.csv`, the text `concord sweep` writes for the same runs. */
export function downloadCsv(): void {
  const plan = getExperiments().active;
  if (!plan) return;
  const url = URL.createObjectURL(new Blob([csvText()], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `${plan.id}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken its copy by the next task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Opens a run in the planner: the scenario with its design point's levels, its seed, at `tick`
 * (the run's end by default, where the planner's hash must equal the run's).
 */
export async function openRun(run: RunResult, tick?: number): Promise<void> {
  const plan = getExperiments().active;
  if (!plan) return;
  const at = Math.max(0, Math.min(tick ?? plan.runTicks, plan.runTicks));
  await loadScenario(plan.scenario, run.seed, {
    set: assignmentsOf(plan, run.point),
    tick: at,
    view: 'truth',
  });
  const s = getSession();
  if (s.status.phase !== 'ready') return;
  setOpened({
    run: run.run,
    tick: s.tick,
    hash: s.hash,
    runHash: run.hash,
    atEnd: s.tick === plan.runTicks,
  });
}
