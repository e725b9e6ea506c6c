// The runs of the chosen design point, each of which opens in the planner's view: that
// point's scenario, the run's seed, at a chosen tick (the run's end by default, where the
// planner's hash must equal the run's).
import { useMemo, useState } from 'react';
import type { DesignPoint } from '../../experiment/design';
import { openRun } from '../../store/experiment-bridge';
import { type Plan, type RunResult, setOpenTick } from '../../store/experiments';
import { useExperiments } from '../../store/react';
import { dPlus } from '../../store/time';
import { camel, level, sig } from './experiment-format';

function describePoint(plan: Plan, levels: DesignPoint | undefined): string {
  return plan.parameters.map((p) => `${p} ${level(levels?.[p])}`).join(', ');
}

export function ExperimentRuns({
  plan,
  results,
  metric,
}: {
  plan: Plan;
  results: readonly RunResult[];
  metric: string;
}) {
  const point = useExperiments((s) => s.point);
  const openTick = useExperiments((s) => s.openTick);
  const opened = useExperiments((s) => s.opened);
  const [busy, setBusy] = useState(false);
  const runs = useMemo(
    () => results.filter((r) => r.point === point).sort((a, b) => a.run - b.run),
    [results, point],
  );
  const tick = openTick ?? plan.runTicks;
  return (
    <>
      <h4>
        Runs of point {point}: {describePoint(plan, plan.levels[point])}
      </h4>
      <label className="exp-field">
        <span>Open at tick</span>
        <input
          type="number"
          min={0}
          max={plan.runTicks}
          value={tick}
          aria-label="Open at tick"
          onChange={(e) => {
            const t = Math.round(Number(e.target.value));
            setOpenTick(Number.isFinite(t) ? Math.max(0, Math.min(t, plan.runTicks)) : null);
          }}
        />
        <span className="muted">
          {dPlus(tick * plan.tickMinutes)}
          {tick === plan.runTicks ? ' · end of run' : ` · end ${plan.runTicks}`}
        </span>
      </label>
      <table className="exp-table" aria-label="Runs">
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Seed</th>
            <th scope="col" className="num">
              {camel(metric)}
            </th>
            <th scope="col">Hash at end</th>
            <th scope="col">
              <span className="sr-only">Open</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr key={r.run} className={opened?.run === r.run ? 'on' : ''}>
              <td>{r.run}</td>
              <td>{r.seed}</td>
              <td className="num">{sig(r.metrics[metric])}</td>
              <td>
                <code>{r.hash}</code>
              </td>
              <td>
                <button
                  type="button"
                  className="btn small"
                  disabled={busy}
                  aria-label={`Open run ${r.run} in the planner`}
                  onClick={() => {
                    setBusy(true);
                    void openRun(r, tick).finally(() => setBusy(false));
                  }}
                >
                  Open
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {opened && (
        <p
          className={`exp-opened${opened.atEnd ? (opened.hash === opened.runHash ? ' ok' : ' bad') : ''}`}
          id="experiment-opened"
        >
          Run {opened.run} is open in the planner at tick {opened.tick}: hash{' '}
          <code>{opened.hash}</code>
          {opened.atEnd
            ? opened.hash === opened.runHash
              ? ' — the same as the run’s ✓'
              : ` — differs from the run’s ${opened.runHash}`
            : ' (the run’s hash is for its end tick)'}
        </p>
      )}
    </>
  );
}
