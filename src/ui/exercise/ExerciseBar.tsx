// The exercise bar under the top bar while an exercise runs: who holds the screen (and, for the
// white cell, every role's view one click away), the turn — planning with its countdown and who
// is ready, or the execution phase's progress to the end of its span — and the role's actions:
// Ready, Execute turn (the white cell), inject cards, a bookmark, and Hand over to the next role.
import { useEffect, useState } from 'react';
import type { ExerciseView } from '../../../workers/exercise-view';
import { nextRole, notReady, WHITE } from '../../store/exercise-commands';
import { useClassroom, useExercise, useSession } from '../../store/react';
import { dPlus } from '../../store/time';
import { ConnectionBadge } from '../classroom/ConnectionBadge';
import { RoomButton } from '../classroom/RoomDialog';
import { inkOn } from '../format';
import { BookmarkButton } from './Bookmarks';
import { PlayerCards, WhiteCards } from './Cards';
import { Countdown } from './Countdown';
import { ex } from './commands';
import { Dialog } from './Dialog';
import { useNow, useRoleName } from './hooks';

/** Marks <body> with who holds the screen: styles hide the white cell's controls from players. */
function useScreenMark(active: boolean, white: boolean): void {
  useEffect(() => {
    const b = document.body.dataset;
    b.screen = active ? (white ? 'white' : 'player') : '';
    return () => {
      delete b.screen;
    };
  }, [active, white]);
}

export function ExerciseBar() {
  const active = useExercise((s) => s.active);
  const view = useExercise((s) => s.view);
  const role = useExercise((s) => s.role);
  const white = role === WHITE;
  const remote = useClassroom((c) => c.remote);
  useScreenMark(active, white);
  if (!active || !view) return null;
  return (
    <section className="ex-bar" aria-label="Exercise" data-role={role}>
      <ScreenHolder view={view} />
      {white && <RoleSwitcher view={view} />}
      <TurnStatus view={view} white={white} />
      <div className="ex-actions">
        {!white && <ReadyButton view={view} role={role} />}
        {white && <ExecuteControls view={view} />}
        {white ? <WhiteCards /> : <PlayerCards />}
        <BookmarkButton />
        {remote ? (
          <>
            {white && <RoomButton />}
            <ConnectionBadge />
          </>
        ) : (
          <HandOverButton view={view} role={role} />
        )}
      </div>
    </section>
  );
}

function ScreenHolder(props: { view: ExerciseView }) {
  const actors = useSession((s) => s.description?.actors);
  const { role } = props.view;
  const actor = role.actor ? actors?.find((a) => a.id === role.actor) : undefined;
  const style = actor ? { background: actor.color, color: inkOn(actor.color) } : undefined;
  return (
    <div className="ex-screen" title={props.view.title}>
      <span className="ex-screen-label">Screen</span>
      <span className={`ex-holder${actor ? '' : ' white'}`} style={style} id="ex-holder">
        {role.name}
      </span>
    </div>
  );
}

/** The white cell looks through any role's eyes (it may see everything, so no card). */
function RoleSwitcher(props: { view: ExerciseView }) {
  const { roles, turn } = props.view;
  const players = roles.filter((r) => r.actor !== null);
  return (
    <label className="ex-roles">
      <span className="ex-screen-label">View as</span>
      <select
        value=""
        aria-label="View as a role"
        title="Show a role's view: only what that role knows"
        onChange={(e) => {
          if (e.target.value) void ex.viewAs(e.target.value);
        }}
      >
        <option value="">view as a role…</option>
        {players.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
            {turn.mode === 'turns' && turn.ready.includes(r.id) ? ' ✓ ready' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

function TurnStatus(props: { view: ExerciseView; white: boolean }) {
  const { turn } = props.view;
  const name = useRoleName();
  if (turn.phase === 'ended')
    return (
      <div className="ex-turn ended" role="status">
        <strong>Exercise ended</strong>
      </div>
    );
  if (turn.mode === 'realtime')
    return (
      <div className="ex-turn" role="status">
        <strong>Real time</strong>
        <span className="ex-sub">
          {props.white ? 'you run the clock' : 'orders at any time; the white cell runs the clock'}
        </span>
      </div>
    );
  if (turn.phase === 'executing') return <Execution view={props.view} />;
  const waiting = notReady(props.view);
  const ready = turn.ready;
  return (
    <div className="ex-turn planning" id="ex-turn">
      <div className="ex-turn-text">
        <strong className="ex-phase">
          Turn {turn.turn} · <span>Planning</span>
        </strong>
        <span className="ex-ready-list" id="ex-ready-list" aria-live="polite">
          {ready.length > 0 && <span className="ok">✓ {ready.map(name).join(', ')}</span>}
          {ready.length > 0 && waiting.length > 0 && ' · '}
          {waiting.length > 0 && (
            <span className="waiting">waiting: {waiting.map(name).join(', ')}</span>
          )}
          {waiting.length === 0 && ' · all ready'}
        </span>
      </div>
      {turn.deadline !== null && <Countdown deadline={turn.deadline} turn={turn.turn} />}
    </div>
  );
}

function Execution(props: { view: ExerciseView }) {
  const { turn, setup } = props.view;
  const tick = useSession((s) => s.tick);
  const tm = useSession((s) => s.tickMinutes);
  const to = turn.executeTo ?? tick;
  const span = Math.max(1, Math.round((setup.executionHours * 60) / tm));
  const from = Math.max(0, to - span);
  const done = Math.min(1, Math.max(0, (tick - from) / Math.max(1, to - from)));
  const leftMin = Math.max(0, (to - tick) * tm);
  const left =
    leftMin >= 60
      ? `${Math.floor(leftMin / 60)} h${leftMin % 60 ? ` ${Math.round(leftMin % 60)} min` : ''}`
      : `${Math.round(leftMin)} min`;
  return (
    <div className="ex-turn executing" id="ex-turn">
      <strong className="ex-phase">
        Turn {turn.turn} · <span>Executing</span>
      </strong>
      <progress
        className="ex-progress"
        max={1}
        value={done}
        aria-label={`Execution of turn ${turn.turn}: ${Math.round(done * 100)}%`}
      />
      <span className="ex-sub">
        to <strong>{dPlus(to * tm)}</strong> · {left} left
      </span>
    </div>
  );
}

function ReadyButton(props: { view: ExerciseView; role: string }) {
  const { turn } = props.view;
  if (turn.mode !== 'turns') return null;
  const planning = turn.phase === 'planning';
  const ready = turn.ready.includes(props.role);
  return (
    <button
      type="button"
      className={`tb-btn ex-ready${ready ? ' on' : ''}`}
      aria-pressed={ready}
      disabled={!planning}
      onClick={() => void ex.setReady(!ready)}
      title={
        planning
          ? ready
            ? 'Marked ready: press to take it back and keep planning'
            : 'Your orders for this turn are given'
          : 'Orders wait for the next planning phase'
      }
    >
      {ready ? '✓ Ready' : 'Ready'}
    </button>
  );
}

function ExecuteControls(props: { view: ExerciseView }) {
  const { turn } = props.view;
  const [confirm, setConfirm] = useState(false);
  const name = useRoleName();
  const now = useNow(turn.deadline !== null && turn.phase === 'planning', 500);
  if (turn.mode !== 'turns' || turn.phase !== 'planning') return null;
  const waiting = notReady(props.view);
  const timeUp = turn.deadline !== null && now >= turn.deadline;
  const may = waiting.length === 0 || timeUp;
  return (
    <>
      <button
        type="button"
        className="tb-btn ex-primary"
        disabled={!may}
        onClick={() => void ex.execute(false)}
        id="ex-execute"
        title={
          may
            ? `Run turn ${turn.turn}: ${props.view.setup.executionHours} h of scenario time`
            : `Waiting for ${waiting.map(name).join(', ')}${turn.deadline !== null ? ' or the countdown' : ''}`
        }
      >
        ▶ Execute turn
      </button>
      {!may && (
        <button type="button" className="tb-btn" onClick={() => setConfirm(true)}>
          Execute now…
        </button>
      )}
      {confirm && (
        <Dialog title={`Execute turn ${turn.turn} now?`} onClose={() => setConfirm(false)}>
          <p id="ex-confirm-text">
            Not every role is ready: {waiting.map(name).join(', ')}{' '}
            {waiting.length === 1 ? 'is' : 'are'} still planning. Their orders so far stand; the
            clock runs {props.view.setup.executionHours} h of scenario time.
          </p>
          <div className="ex-buttons">
            <button type="button" className="btn" onClick={() => setConfirm(false)} data-autofocus>
              Keep planning
            </button>
            <button
              type="button"
              className="btn primary"
              onClick={() => {
                setConfirm(false);
                void ex.execute(true);
              }}
            >
              Execute now
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

function HandOverButton(props: { view: ExerciseView; role: string }) {
  const name = useRoleName();
  const next = nextRole(props.view, props.role);
  const executing = props.view.turn.phase === 'executing';
  return (
    <button
      type="button"
      className="tb-btn ex-handover-btn"
      onClick={() => void ex.handOver(next)}
      disabled={executing && props.role === WHITE}
      title="Hide this view behind the hand-over card and pass the screen on"
      id="ex-handover-open"
    >
      Hand over ▸ {name(next)}
    </button>
  );
}
