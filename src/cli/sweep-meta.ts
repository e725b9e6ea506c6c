// The meta of a sweep's results: everything a reader needs to check the rows (seeds, series
// rows per run) and nothing that depends on them, so it is written once, before the first run.
import { ENGINE_VERSION } from '../sim/version';
import type { LoadedExperiment } from './experiment-file';
import type { ResultMeta } from './results';

export function sweepMeta(x: LoadedExperiment, shard: ResultMeta['shard']): ResultMeta {
  const e = x.experiment;
  return {
    experiment: e.id,
    digest: x.digest,
    engine: ENGINE_VERSION,
    design: e.design.kind,
    parameters: x.parameters,
    metrics: x.metrics,
    runsTotal: x.runs.length,
    seeds: { count: e.seeds.count, from: e.seeds.from },
    ...(e.sample
      ? {
          series: {
            everyHours: e.sample.everyHours,
            metrics: e.sample.metrics,
            rowsPerRun: seriesRowsPerRun(x, e.sample.everyHours),
          },
        }
      : {}),
    shard,
    confidence: e.confidence,
  };
}

/**
 * Time-series rows of one run, as ExperimentRunner samples them: one every
 * round(everyHours · 60 / tick) ticks (at least 1) up to the run's end. By design point (an array) only when a parameter sets the scenario's
 * tick or duration.
 */
function seriesRowsPerRun(x: LoadedExperiment, everyHours: number): number | number[] {
  const e = x.experiment;
  const sc = x.scenario;
  const target = (path: string) =>
    sc.parameters.find((p) => p.path === path && x.parameters.includes(p.name))?.name;
  const tickParam = target('tickMinutes');
  const daysParam = target('durationDays');
  const rows = (levels: Record<string, unknown>) => {
    const tick = Number(tickParam ? levels[tickParam] : sc.tickMinutes);
    const days = e.days ?? Number(daysParam ? levels[daysParam] : sc.durationDays);
    const end = Math.round((days * 1440) / tick);
    const every = Math.max(1, Math.round((everyHours * 60) / tick));
    return Math.floor(end / every);
  };
  if (!tickParam && !daysParam) return rows({});
  const byPoint: number[] = [];
  for (const r of x.runs) byPoint[r.point] = rows(r.levels);
  return byPoint;
}
