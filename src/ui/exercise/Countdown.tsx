// The planning countdown: large in the exercise bar, and on demand enlarged across the screen
// so that the back of the room can read it on the projector. The deadline is wall-clock time
// from the engine's host (the same machine's clock in hot seat).
import { formatCountdown, useBigCountdown, useNow } from './hooks';

export function Countdown(props: { deadline: number; turn: number; enlarge?: boolean }) {
  const [big, setBig] = useBigCountdown();
  const now = useNow(true);
  const left = props.deadline - now;
  const over = left <= 0;
  const text = over ? '00:00' : formatCountdown(left);
  return (
    <>
      <span
        className={`ex-countdown${over ? ' over' : left < 60_000 ? ' soon' : ''}`}
        role="timer"
        aria-label={over ? 'Planning time is up' : `Planning time left ${text}`}
        id="ex-countdown"
      >
        {over ? 'TIME UP' : text}
      </span>
      <button
        type="button"
        className="tb-btn ex-small"
        aria-pressed={big}
        aria-label={big ? 'Shrink the countdown' : 'Enlarge the countdown for the projector'}
        title={big ? 'Shrink the countdown' : 'Enlarge the countdown for the projector'}
        onClick={() => setBig(!big)}
      >
        {big ? '⤡' : '⤢'}
      </button>
      {big && props.enlarge !== false && (
        <div className={`ex-countdown-big${over ? ' over' : ''}`} aria-hidden="true">
          <div className="ex-cd-label">Turn {props.turn} · planning</div>
          <div className="ex-cd-time">{over ? 'TIME UP' : text}</div>
        </div>
      )}
    </>
  );
}
