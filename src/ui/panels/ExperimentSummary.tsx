// The per-design-point summary of one metric (n, mean, CI of the mean at the plan's level; a
// row picks the point whose runs are listed) and, for sampled designs once all runs are in,
// which parameters matter most (PRCC with its p-value, and SRC).
import { useMemo } from 'react';
import { summarise } from '../../experiment/summary';
import { type Plan, type RunResult, setPoint } from '../../store/experiments';
import { useExperiments } from '../../store/react';
import { camel, level, sig } from './experiment-format';

export function ExperimentSummary({
  plan,
  results,
  metric,
}: {
  plan: Plan;
  results: readonly RunResult[];
  metric: string;
}) {
  const point = useExperiments((s) => s.point);
  const done = useExperiments((s) => s.run.phase === 'done');
  const summary = useMemo(
    () =>
      summarise(
        plan.id,
        plan.parameters,
        [metric],
        results.map((r) => ({ point: r.point, levels: plan.levels[r.point]!, metrics: r.metrics })),
        plan.sampled && done,
        plan.confidence,
      ),
    [plan, results, metric, done],
  );
  const sens = summary.sensitivity?.[metric];
  return (
    <>
      <table className="exp-table" aria-label="Summary by design point">
        <thead>
          <tr>
            <th scope="col">Point</th>
            {plan.parameters.map((p) => (
              <th scope="col" key={p} title={p}>
                {camel(p)}
              </th>
            ))}
            <th scope="col" className="num">
              n
            </th>
            <th scope="col" className="num">
              Mean
            </th>
            <th scope="col" className="num">
              {Math.round(summary.confidence * 1000) / 10}% CI
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.points.map((p) => {
            const m = p.metrics[metric]!;
            return (
              <tr key={p.point} className={p.point === point ? 'on' : ''}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => setPoint(p.point)}
                    aria-label={`Runs of point ${p.point}`}
                  >
                    {p.point}
                  </button>
                </td>
                {plan.parameters.map((q) => (
                  <td key={q}>{level(p.levels[q])}</td>
                ))}
                <td className="num">{p.n}</td>
                <td className="num strong">{sig(m.mean)}</td>
                <td className="num">
                  {Number.isFinite(m.lo) ? `[${sig(m.lo)}, ${sig(m.hi)}]` : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {sens && (
        <>
          <h4>
            What moves {metric} (R² {sig(sens.r2)})
          </h4>
          <table className="exp-table" aria-label="Sensitivity">
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col" className="num" title="Partial rank correlation coefficient">
                  PRCC
                </th>
                <th scope="col" className="num" title="Two-sided p-value of PRCC = 0 (t-test)">
                  p
                </th>
                <th scope="col" className="num" title="Standardised regression coefficient">
                  SRC
                </th>
              </tr>
            </thead>
            <tbody>
              {sens.byParameter.map((s) => (
                <tr key={s.parameter}>
                  <td>{s.parameter}</td>
                  <td className="num strong">{sig(s.prcc)}</td>
                  <td className="num">{Number.isFinite(s.prccP) ? sig(s.prccP) : '—'}</td>
                  <td className="num">{sig(s.src)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
