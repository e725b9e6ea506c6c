// Experiment validation: the schema, then the experiment against its scenario — every varied
// parameter a declared one, levels of the right type and inside its range, metrics that exist.
// Returns path-named problems; never throws on bad data.
import { type Problem, problemsFromZod } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import type { Validated } from '../scenario/validate';
import { CORE_METRICS } from '../sim/metrics';
import { Experiment } from './schema';

export function validateExperiment(data: unknown): Validated<Experiment> {
  const parsed = Experiment.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: problemsFromZod(Experiment, data, parsed.error) };
  const e = parsed.data;
  const problems: Problem[] = [];
  const seen = new Set<string>();
  e.parameters.forEach((p, i) => {
    if (seen.has(p.name))
      problems.push({ path: `parameters[${i}].name`, message: `found "${p.name}" twice` });
    seen.add(p.name);
    if ('min' in p && p.min > p.max)
      problems.push({ path: `parameters[${i}].min`, message: `found min ${p.min} > max ${p.max}` });
    if (e.design.kind === 'grid' && !('values' in p))
      problems.push({
        path: `parameters[${i}]`,
        message: 'found a range; allowed in a grid design: a list of values',
      });
  });
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
  return problems.length ? { ok: false, problems } : { ok: true, value: e };
}

/** Problems of an experiment against the scenario it names (declared parameters only). */
export function checkAgainstScenario(e: Experiment, sc: Scenario): Problem[] {
  const out: Problem[] = [];
  const declared = sc.parameters.map((p) => p.name).join(', ');
  e.parameters.forEach((p, i) => {
    const d = sc.parameters.find((x) => x.name === p.name);
    if (!d) {
      out.push({
        path: `parameters[${i}].name`,
        message: `found "${p.name}"; allowed: a parameter declared by ${sc.id} (${declared})`,
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
