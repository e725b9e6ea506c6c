// Experiment validation: the schema and its size, then the experiment against its scenario —
// every varied parameter a declared one, levels of the right type, inside its range and
// accepted by the scenario itself, metrics that exist, no longer than the scenario. Returns
// path-named problems; never throws on bad data.
import { DEFAULT_LIMITS, fmtCount, type Limits, overLimit } from '../scenario/limits';
import { applyAssignments } from '../scenario/paths';
import { type Problem, problemsFromZod } from '../scenario/problems';
import { reservedKeyProblems } from '../scenario/safe-keys';
import type { Scenario } from '../scenario/schema';
import { nearest } from '../scenario/suggest';
import { type Validated, validateScenario } from '../scenario/validate';
import { CORE_METRICS } from '../sim/metrics';
import { MAX_SEED } from '../sim/rng';
import { fixedRuns } from './design';
import { Experiment } from './schema';

/** Design points of an experiment, known without drawing them. */
export function pointCount(e: Experiment): number {
  const d = e.design;
  if (d.kind === 'grid')
    return e.parameters.reduce((n, p) => n * ('values' in p ? p.values.length : 1), 1);
  if (d.kind === 'olh' || d.kind === 'nolh') {
    const runs = fixedRuns(d, e.parameters.length);
    return typeof runs === 'number' ? runs : 0;
  }
  return d.points;
}

export const runCount = (e: Experiment): number => pointCount(e) * e.seeds.count;

/** Random draws the design makes: what a best-random-lhs's candidates cost. */
export function designDraws(e: Experiment): number {
  const k = e.parameters.length;
  const d = e.design;
  return d.kind === 'best-random-lhs' ? d.points * k * d.candidates : pointCount(e) * k;
}

function sizeProblems(e: Experiment, limits: Limits): Problem[] {
  const out: Problem[] = [];
  const runs = runCount(e);
  if (runs > limits.runs)
    out.push({
      path: 'seeds.count',
      message: overLimit(
        'runs',
        `${fmtCount(runs)} runs (${fmtCount(pointCount(e))} design points × ${e.seeds.count} seeds)`,
        limits.runs,
      ),
    });
  const draws = designDraws(e);
  if (draws > limits.designDraws)
    out.push({
      path: 'design',
      message: overLimit(
        'designDraws',
        `${fmtCount(draws)} random draws for the design`,
        limits.designDraws,
      ),
    });
  const last = e.seeds.from + e.seeds.count - 1;
  if (last > MAX_SEED)
    out.push({
      path: 'seeds.from',
      message: `found seeds up to ${last}; allowed: seeds up to ${MAX_SEED} (2^53 − 1), so every run can be repeated with concord run --seed`,
    });
  return out;
}

/** Files written before "nolh" meant the published designs name its old search by its old fields. */
function renamedDesign(data: unknown): Problem[] {
  const d = (data as { design?: Record<string, unknown> } | null)?.design;
  if (d?.kind !== 'nolh' || !('candidates' in d)) return [];
  return [
    {
      path: 'design.kind',
      message:
        'found "nolh" with "candidates"; "nolh" is now the Cioppa–Lucas nearly orthogonal design (fixed, no candidates): the least correlated of random Latin hypercubes is "best-random-lhs"',
    },
  ];
}

export function validateExperiment(
  data: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Validated<Experiment> {
  const reserved = reservedKeyProblems(data);
  const parsed = Experiment.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return {
      ok: false,
      problems: [
        ...reserved,
        ...renamedDesign(data),
        ...problemsFromZod(Experiment, data, parsed.error),
      ],
    };
  const e = parsed.data;
  const problems: Problem[] = [...reserved];
  const seen = new Set<string>();
  e.parameters.forEach((p, i) => {
    if (seen.has(p.name))
      problems.push({ path: `parameters[${i}].name`, message: `found "${p.name}" twice` });
    seen.add(p.name);
    if ('values' in p) {
      const first = new Map<number | boolean, number>();
      p.values.forEach((v, j) => {
        const k = first.get(v);
        if (k !== undefined)
          problems.push({
            path: `parameters[${i}].values[${j}]`,
            message: `found ${v} again (also values[${k}]); allowed: each level once`,
          });
        else first.set(v, j);
      });
    }
    if ('min' in p && p.min > p.max)
      problems.push({ path: `parameters[${i}].min`, message: `found min ${p.min} > max ${p.max}` });
    if (e.design.kind === 'grid' && !('values' in p))
      problems.push({
        path: `parameters[${i}]`,
        message: 'found a range; allowed in a grid design: a list of values',
      });
  });
  const d = e.design;
  if (d.kind === 'olh' || d.kind === 'nolh') {
    const runs = fixedRuns(d, e.parameters.length);
    if (typeof runs === 'string')
      problems.push({
        path: d.points === undefined ? 'parameters' : 'design.points',
        message: `${runs}; for more factors or any other number of points use "best-random-lhs" or "lhs"`,
      });
  }
  const metrics = new Set<string>(CORE_METRICS);
  const checkMetrics = (list: string[] | undefined, at: string) =>
    list?.forEach((m, i) => {
      if (!metrics.has(m))
        problems.push({
          path: `${at}[${i}]`,
          message: `found "${m}"; allowed: a metric (${CORE_METRICS.join(', ')})`,
        });
    });
  checkMetrics(e.metrics, 'metrics');
  checkMetrics(e.sample?.metrics, 'sample.metrics');
  if (!problems.length) problems.push(...sizeProblems(e, limits));
  return problems.length ? { ok: false, problems } : { ok: true, value: e };
}

/** Problems of an experiment against the scenario it names (declared parameters only). */
export function checkAgainstScenario(e: Experiment, sc: Scenario): Problem[] {
  const out: Problem[] = [];
  if (e.days !== undefined && e.days > sc.durationDays)
    out.push({
      path: 'days',
      message: `found ${e.days}; allowed: at most the scenario's durationDays (${sc.durationDays}): a run stops at the scenario's end`,
    });
  const declared = sc.parameters.map((p) => p.name).join(', ');
  e.parameters.forEach((p, i) => {
    const d = sc.parameters.find((x) => x.name === p.name);
    if (!d) {
      const near = nearest(
        p.name,
        sc.parameters.map((x) => x.name),
      );
      const guess = near.length ? `did you mean ${near.join(' or ')}? ` : '';
      out.push({
        path: `parameters[${i}].name`,
        message: `found "${p.name}"; ${guess}allowed: a parameter declared by ${sc.id} (${declared})`,
      });
      return;
    }
    const boolean = typeof d.default === 'boolean';
    const levels = 'values' in p ? p.values : [p.min, p.max];
    levels.forEach((v, j) => {
      const where =
        'values' in p ? `parameters[${i}].values[${j}]` : `parameters[${i}].${j ? 'max' : 'min'}`;
      if (boolean !== (typeof v === 'boolean')) {
        out.push({
          path: where,
          message: `found ${v}; allowed: ${boolean ? 'true or false' : 'a number'}`,
        });
        return;
      }
      if (
        typeof v === 'number' &&
        ((d.min !== undefined && v < d.min) || (d.max !== undefined && v > d.max))
      )
        out.push({
          path: where,
          message: `found ${v}; allowed: ${d.min ?? '-∞'} to ${d.max ?? '∞'}`,
        });
    });
  });
  return out;
}

/** The levels a run may be given for parameter p, by where they are written ('' = drawn inside the range). */
function probeLevels(p: Experiment['parameters'][number]): Array<[string, number | boolean]> {
  if ('values' in p) return p.values.slice(0, 64).map((v, j) => [`values[${j}]`, v]);
  if (p.integer)
    return [
      ['min', Math.round(p.min)],
      ['max', Math.round(p.max)],
    ];
  // A fractional level inside the range: a whole-number field would refuse every draw.
  const inside = p.min + (p.max - p.min) / 3;
  return [
    ['min', p.min],
    ['max', p.max],
    ...(inside % 1 ? [['', inside] as [string, number]] : []),
  ];
}

/**
 * Every level tried on the scenario document itself, one parameter at a time: a level the
 * scenario refuses (a fraction for a count, a size over a limit) is reported here, at the
 * level, instead of stopping the sweep at its first run with that level.
 */
export function checkLevelsRunnable(
  e: Experiment,
  raw: unknown,
  limits: Limits = DEFAULT_LIMITS,
): Problem[] {
  const out: Problem[] = [];
  e.parameters.forEach((p, i) => {
    for (const [where, level] of probeLevels(p)) {
      const doc = structuredClone(raw);
      let problem: string | undefined;
      try {
        applyAssignments(doc, [`${p.name}=${level}`]);
        const v = validateScenario(doc, limits);
        if (!v.ok) problem = `${v.problems[0]!.path}: ${v.problems[0]!.message}`;
      } catch (err) {
        problem = (err as Error).message;
      }
      if (problem) {
        const hint =
          !('values' in p) && !p.integer && typeof level === 'number' && level % 1
            ? '; add "integer": true to draw whole numbers'
            : '';
        out.push({
          path: where ? `parameters[${i}].${where}` : `parameters[${i}]`,
          message: `found ${level}; the scenario refuses it (${problem})${hint}`,
        });
        return;
      }
    }
  });
  return out;
}
