// An experiment's results: a box plot per design point of the chosen metric, the per-point
// summary (ExperimentSummary), the CSV download, and the runs of one point (ExperimentRuns).
import { useMemo } from 'react';
import { downloadCsv } from '../../store/experiment-bridge';
import { type Plan, setMetric } from '../../store/experiments';
import { useExperiments } from '../../store/react';
import { BoxPlot } from './BoxPlot';
import { ExperimentRuns } from './ExperimentRuns';
import { ExperimentSummary } from './ExperimentSummary';
import { level } from './experiment-format';

/** Box labels: each point's levels (one line per parameter) when few enough to read. */
function pointLabels(plan: Plan): { labels: string[]; xLabel: string } {
  if (plan.levels.length <= 12 && plan.parameters.length <= 3)
    return {
      labels: plan.levels.map((l) => plan.parameters.map((p) => level(l[p])).join('\n')),
      xLabel: plan.parameters.join(' / '),
    };
  return { labels: plan.levels.map((_, i) => String(i)), xLabel: 'design point' };
}

export function ExperimentResults() {
  const plan = useExperiments((s) => s.active);
  const results = useExperiments((s) => s.results);
  const metric = useExperiments((s) => s.metric);
  const total = useExperiments((s) => s.run.total);
  const running = useExperiments((s) => s.run.phase === 'running');
  const values = useMemo(() => {
    const by: number[][] = (plan?.levels ?? []).map(() => []);
    for (const r of results) by[r.point]?.push(r.metrics[metric]!);
    return by;
  }, [plan, results, metric]);
  const axis = useMemo(() => (plan ? pointLabels(plan) : null), [plan]);
  if (!plan || !axis || results.length === 0) return null;
  return (
    <section className="exp-results" aria-label="Experiment results">
      <div className="exp-row">
        <label className="exp-field">
          <span>Metric</span>
          <select value={metric} onChange={(e) => setMetric(e.target.value)} aria-label="Metric">
            {plan.metrics.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn" onClick={downloadCsv} disabled={running}>
          Download CSV{results.length < total ? ` (${results.length} of ${total} runs)` : ''}
        </button>
      </div>
      <figure className="chart">
        <figcaption>
          {metric} by design point · {plan.seeds} seeds each
        </figcaption>
        <BoxPlot values={values} labels={axis.labels} xLabel={axis.xLabel} yLabel={metric} />
        <p className="hint">
          Box: middle half of the runs; bar: median; whiskers: 1.5 × IQR; dots: single runs.
        </p>
      </figure>
      <ExperimentSummary plan={plan} results={results} metric={metric} />
      <ExperimentRuns plan={plan} results={results} metric={metric} />
    </section>
  );
}
