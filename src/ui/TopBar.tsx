// The dark top bar: scenario and seed, transport (play/pause, step, next event), speed, view
// selector and the scenario clock as a date-time group with its D+ day.
import { useEffect, useState } from 'react';
import {
  changeSpeed,
  loadScenario,
  runToNextEvent,
  step,
  stepBack,
  togglePlay,
} from '../store/bridge';
import { SPEED_LABELS, SPEEDS } from '../store/pacing';
import { useSession } from '../store/react';
import { dPlus, dtg } from '../store/time';
import { ExerciseBar } from './exercise/ExerciseBar';
import { NewExerciseButton } from './exercise/NewExercise';
import { WhiteOnly } from './exercise/SeekLock';
import { SessionFiles } from './session/SessionFiles';

function ScenarioPicker() {
  const scenarios = useSession((s) => s.scenarios);
  const scenario = useSession((s) => s.scenario);
  const seed = useSession((s) => s.seed);
  const set = useSession((s) => s.set);
  const failed = useSession((s) => s.status.phase === 'error');
  const [seedText, setSeedText] = useState(String(seed));
  useEffect(() => setSeedText(String(seed)), [seed]);
  const seedValue = Number(seedText);
  const seedOk = Number.isInteger(seedValue) && seedValue >= 0;
  // Another seed of the same scenario keeps its design-point assignments; another file drops
  // them, and so does Load after a failed load: the assignments may be what failed (a bad link).
  const reload = (name: string) => {
    if (seedOk) void loadScenario(name, seedValue, name === scenario && !failed ? { set } : {});
  };
  return (
    <form
      className="tb-group"
      onSubmit={(e) => {
        e.preventDefault();
        reload(scenario);
      }}
    >
      <label className="tb-field scenario">
        <span>Scenario</span>
        <select value={scenario} onChange={(e) => reload(e.target.value)} aria-label="Scenario">
          {scenarios.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label className="tb-field">
        <span>Seed</span>
        <input
          className={`seed${seedOk ? '' : ' invalid'}`}
          value={seedText}
          inputMode="numeric"
          aria-label="Seed"
          onChange={(e) => setSeedText(e.target.value)}
        />
      </label>
      <button
        type="submit"
        className="tb-btn"
        disabled={!seedOk}
        title="Reload the scenario with this seed"
      >
        Load
      </button>
    </form>
  );
}

function Transport() {
  const playing = useSession((s) => s.playing);
  const ready = useSession((s) => s.status.phase === 'ready');
  const atEnd = useSession((s) => s.totalTicks > 0 && s.tick >= s.totalTicks);
  const atStart = useSession((s) => s.tick === 0);
  return (
    <div className="tb-group transport">
      <button
        type="button"
        className="tb-btn icon"
        disabled={!ready || atStart}
        onClick={() => void stepBack()}
        title="Back one tick (←)"
        aria-label="Back one tick"
      >
        ◀︎|
      </button>
      <button
        type="button"
        className={`tb-btn play${playing ? ' on' : ''}`}
        disabled={!ready || (atEnd && !playing)}
        onClick={() => togglePlay()}
        title="Play / pause (Space)"
        id="play"
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="tb-btn icon"
        disabled={!ready || atEnd}
        onClick={() => void step(1)}
        title="Forward one tick (→)"
        aria-label="Forward one tick"
      >
        |▶︎
      </button>
      <button
        type="button"
        className="tb-btn"
        disabled={!ready || atEnd}
        onClick={() => void runToNextEvent()}
        title="Run until the next attack, inject, engagement or sovereignty incident (N)"
      >
        Next event ▸▸
      </button>
    </div>
  );
}

function SpeedSelector() {
  const speed = useSession((s) => s.speed);
  return (
    <fieldset className="tb-group speed" aria-label="Speed">
      <legend>Speed</legend>
      {SPEEDS.map((sp) => (
        <button
          type="button"
          key={String(sp)}
          className={`seg${speed === sp ? ' on' : ''}`}
          aria-pressed={speed === sp}
          onClick={() => changeSpeed(sp)}
          title={
            sp === 'max'
              ? 'As fast as the simulation runs'
              : sp === 1
                ? 'Real time: one simulated minute per minute'
                : `${sp} simulated minutes per real minute`
          }
        >
          {SPEED_LABELS[String(sp)]}
        </button>
      ))}
    </fieldset>
  );
}

function Clock() {
  const start = useSession((s) => s.description?.scenario.start ?? '');
  const minutes = useSession((s) => s.clockMinutes);
  const tick = useSession((s) => s.tick);
  const total = useSession((s) => s.totalTicks);
  return (
    <div className="clock" aria-live="off">
      <div className="dtg" id="clock" title="Scenario time, date-time group (UTC)">
        {start ? dtg(start, minutes) : '——————Z'}
      </div>
      <div className="dplus">
        <strong>{dPlus(minutes)}</strong> · tick {tick}/{total}
      </div>
    </div>
  );
}

export function TopBar() {
  return (
    <header className="topbar">
      <div className="brand" title="Concord — multinational exercise simulator">
        CONCORD
      </div>
      <WhiteOnly>
        <ScenarioPicker />
        <NewExerciseButton />
      </WhiteOnly>
      <SessionFiles />
      <WhiteOnly>
        <Transport />
        <SpeedSelector />
      </WhiteOnly>
      <Clock />
      <ExerciseBar />
    </header>
  );
}
