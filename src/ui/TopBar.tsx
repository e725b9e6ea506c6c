// The dark top bar, one row on a 1280×720 projector: scenario and seed, transport (play/pause,
// step, next event), speed, the session buttons (new exercise, save, open; folded into a
// "Session" menu on narrow screens) and the scenario clock as a date-time group with its D+ day.
// The exercise bar, while an exercise runs, is its second row.
import { useEffect, useId, useRef, useState } from 'react';
import {
  changeSpeed,
  loadScenario,
  runToNextEvent,
  step,
  stepBack,
  togglePlay,
} from '../store/bridge';
import { SPEED_LABELS, SPEEDS } from '../store/pacing';
import { useClassroom, useExercise, useSession } from '../store/react';
import { dPlus, dtg } from '../store/time';
import { OpenAsRoomButton } from './classroom/OpenAsRoom';
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
          {/* A scenario of the planner's own (author mode's Try it) is listed while it is loaded. */}
          {!scenarios.includes(scenario) && scenario && (
            <option value={scenario}>{scenario} (yours)</option>
          )}
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
      <div className="dplus" title={`Tick ${tick} of ${total}`}>
        <strong>{dPlus(minutes)}</strong> · <span className="dplus-word">tick </span>
        {tick}/{total}
      </div>
    </div>
  );
}

/**
 * New exercise, Save session and Open…: inline on wide screens; on narrow ones (CSS) behind a
 * "Session" button. The buttons stay in the DOM either way (their dialogs, the file input and
 * the drop overlay live beside them), and only the buttons are hidden while it is folded.
 */
function SessionMenu(props: { remote: boolean }) {
  const server = useClassroom((c) => c.server);
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const exercise = useExercise((s) => s.active);
  // An exercise starting (from the setup dialog opened here) folds the menu.
  useEffect(() => {
    if (exercise) setOpen(false);
  }, [exercise]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      const t = e.target as Element | null;
      // Clicks in a dialog opened from the menu (portalled to <body>) keep it open.
      if (!t || box.current?.contains(t) || t.closest('dialog')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  const fold = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and clicks bubbling from the menu's own buttons
    <div
      className={`tb-more${open ? ' open' : ''}`}
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) fold();
      }}
      onClick={(e) => {
        // Save and Open act at once (a download, the file picker): the menu folds behind them.
        const id = (e.target as Element).closest('button')?.id;
        if (open && (id === 'save-session' || id === 'open-file')) fold();
      }}
    >
      <button
        type="button"
        className="tb-btn tb-more-toggle"
        ref={toggle}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        title="New exercise, save or open a session"
      >
        Session {open ? '▴' : '▾'}
      </button>
      <div className="tb-more-panel" id={panelId}>
        {!props.remote && (
          <WhiteOnly>
            <NewExerciseButton />
          </WhiteOnly>
        )}
        <SessionFiles remote={props.remote} />
        {server && !props.remote && (
          <WhiteOnly>
            <OpenAsRoomButton />
          </WhiteOnly>
        )}
      </div>
    </div>
  );
}

export function TopBar() {
  // A classroom device plays its room: no other scenario, and a player saves nothing.
  const remote = useClassroom((c) => c.remote);
  const white = useExercise((s) => s.role) === 'white';
  return (
    <header className="topbar">
      <div className="brand" title="Concord — multinational exercise simulator">
        CONCORD
      </div>
      <WhiteOnly>
        {!remote && <ScenarioPicker />}
        <Transport />
        <SpeedSelector />
      </WhiteOnly>
      {(!remote || white) && <SessionMenu remote={remote} />}
      <Clock />
      <ExerciseBar />
    </header>
  );
}
