// The Experiments panel: choose an example experiment or edit its JSON (checked as you type,
// problems named by their JSON path), run it in a pool of Web Workers with progress and
// Cancel, then read the results (ExperimentResults). The planner's map keeps running beside it.
import { useEffect, useState } from 'react';
import {
  cancelExperiment,
  chooseExample,
  editText,
  ensureExample,
  experimentNames,
  startExperiment,
} from '../../store/experiment-bridge';
import { useExperiments } from '../../store/react';
import { ExperimentResults } from './ExperimentResults';

const days = (ticks: number, tickMinutes: number) => +((ticks * tickMinutes) / 1440).toFixed(2);

function CheckStatus() {
  const check = useExperiments((s) => s.check);
  const draft = useExperiments((s) => s.draft);
  if (check.phase === 'empty') return <p className="hint">Paste or write an experiment.</p>;
  if (check.phase === 'checking') return <p className="hint">Checking…</p>;
  if (check.phase === 'ok' && draft)
    return (
      <p className="exp-check ok" id="experiment-check">
        <strong>✓ {draft.scenario}</strong> · {draft.design} · {draft.levels.length} points ×{' '}
        {draft.seeds} seeds = <strong>{draft.runs} runs</strong> of{' '}
        {days(draft.runTicks, draft.tickMinutes)} days
      </p>
    );
  return (
    <div className="exp-check bad" id="experiment-check" role="alert">
      <strong>
        {check.problems.length} problem{check.problems.length === 1 ? '' : 's'}
      </strong>
      <ul>
        {check.problems.map((p) => (
          <li key={`${p.path}|${p.message}`}>
            <code>{p.path}</code> {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Editor() {
  const example = useExperiments((s) => s.example);
  const text = useExperiments((s) => s.text);
  const running = useExperiments((s) => s.run.phase === 'running');
  return (
    <>
      <label className="exp-field">
        <span>Example</span>
        <select
          value={example}
          onChange={(e) => void chooseExample(e.target.value)}
          disabled={running}
          aria-label="Example experiment"
        >
          {example === '' && <option value="">— edited —</option>}
          {experimentNames.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <textarea
        className="exp-json"
        aria-label="Experiment JSON"
        spellCheck={false}
        rows={14}
        value={text}
        readOnly={running}
        onChange={(e) => editText(e.target.value)}
      />
    </>
  );
}

function fmtSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  return s < 90 ? `${Math.round(s)} s` : `${Math.round(s / 60)} min`;
}

function Progress() {
  const run = useExperiments((s) => s.run);
  if (run.phase === 'idle') return null;
  const secs = run.elapsedMs / 1000;
  const rate = secs > 0 ? run.done / secs : 0;
  const left = rate > 0 ? (run.total - run.done) / rate : Number.NaN;
  const text =
    run.phase === 'running'
      ? run.done === 0
        ? `0 / ${run.total} runs · starting ${run.workers} workers…`
        : `${run.done} / ${run.total} runs · ${rate.toFixed(1)} runs/s · ${run.workers} workers · ${fmtSeconds(left)} left`
      : run.phase === 'done'
        ? `Done: ${run.total} runs in ${fmtSeconds(secs)} (${rate.toFixed(1)} runs/s, ${run.workers} workers)`
        : run.phase === 'cancelled'
          ? `Cancelled after ${run.done} of ${run.total} runs`
          : `Stopped after ${run.done} of ${run.total} runs: ${run.error}`;
  return (
    <div className={`exp-progress ${run.phase}`}>
      <progress max={run.total} value={run.done} aria-label="Runs done" />
      <p id="experiment-progress" data-phase={run.phase} role="status">
        {text}
      </p>
    </div>
  );
}

export function Experiments() {
  const ok = useExperiments((s) => s.check.phase === 'ok');
  const runs = useExperiments((s) => s.draft?.runs ?? 0);
  const running = useExperiments((s) => s.run.phase === 'running');
  const hasResults = useExperiments((s) => s.active !== null);
  const [editing, setEditing] = useState(true);
  useEffect(ensureExample, []);
  return (
    <div className="experiments">
      <p className="hint">
        Seeded batch runs of a scenario's declared parameters, in this browser's worker pool — the
        same rows as <code>concord sweep</code>.
      </p>
      {hasResults && (
        <button type="button" className="link exp-toggle" onClick={() => setEditing(!editing)}>
          {editing ? '▾ Hide the experiment' : '▸ Show the experiment'}
        </button>
      )}
      {(editing || !hasResults) && <Editor />}
      <CheckStatus />
      <div className="exp-actions">
        <button
          type="button"
          className="btn primary"
          disabled={!ok || running}
          onClick={() => {
            setEditing(false);
            void startExperiment();
          }}
        >
          {ok ? `Run experiment (${runs} runs)` : 'Run experiment'}
        </button>
        {running && (
          <button type="button" className="btn" onClick={cancelExperiment}>
            Cancel
          </button>
        )}
      </div>
      <Progress />
      <ExperimentResults />
    </div>
  );
}
