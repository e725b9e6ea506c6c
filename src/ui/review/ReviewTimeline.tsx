// The review's own timeline: the recorded session from its start to its end, with the key
// events of the report (attacks, interdictions, injects…), the bookmarks as flags (click to go
// there; the note shows below), the branch point of a "what if", and the position. Click or
// drag to replay to any tick; the keys move by a tick, an hour, a day.
import { type KeyboardEvent, memo, type PointerEvent, useMemo, useRef, useState } from 'react';
import type { TimelineKind } from '../../exercise/aar-timeline';
import { dPlus, dtg } from '../../store/time';
import { sliderKeyTick, tickAtPointer } from '../slider';
import { review } from './review-bridge';
import { useReview } from './use-review';

export const EVENT_COLORS: Record<TimelineKind, string> = {
  attack: '#ff4d4d',
  prevented: '#3fae49',
  interdiction: '#5aa0ff',
  inject: '#f0a020',
  agreement: '#c77dff',
  right: '#c77dff',
  mechanism: '#c77dff',
  proposal: '#c77dff',
  withdrawal: '#e377c2',
  'sovereignty-incident': '#ffd24d',
};
const KEY: Array<[string, string]> = [
  ['attack', EVENT_COLORS.attack],
  ['raid broken up', EVENT_COLORS.prevented],
  ['interdiction', EVENT_COLORS.interdiction],
  ['inject', EVENT_COLORS.inject],
  ['agreement / right', EVENT_COLORS.agreement],
];

const Events = memo(function Events({ end }: { end: number }) {
  const timeline = useReview((s) => s.aar?.timeline);
  if (!timeline || end <= 0) return null;
  return (
    <>
      {timeline.map((e, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: drawn once per report
          key={i}
          className="rv-event"
          style={{
            left: `${(Math.min(e.tick, end) / end) * 100}%`,
            background: EVENT_COLORS[e.kind],
          }}
          title={`${e.dplus} — ${e.text}`}
        />
      ))}
    </>
  );
});

export function ReviewTimeline() {
  const end = useReview((s) => s.endTick);
  const tick = useReview((s) => s.tick);
  const bookmarks = useReview((s) => s.bookmarks);
  const branch = useReview((s) => s.branch?.tick ?? null);
  const d = useReview((s) => s.description);
  const ready = useReview((s) => s.status === 'ready');
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const tm = d?.scenario.tickMinutes ?? 15;
  const start = d?.scenario.start ?? '';
  const pos = (t: number) => `${end > 0 ? (Math.min(t, end) / end) * 100 : 0}%`;
  const hours = (end * tm) / 60;
  const step = hours > 24 * 20 ? 24 * 7 : hours > 24 * 6 ? 24 : hours > 48 ? 12 : 6;
  const marks = useMemo(() => {
    const out: number[] = [];
    for (let h = 0; h <= hours + 1e-9; h += step) out.push(h);
    return out;
  }, [hours, step]);

  const tickAt = (clientX: number) => tickAtPointer(track.current, clientX, end);
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const t = tickAt(e.clientX);
    setDrag(t);
    void review.seek(t);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag === null) return;
    const t = tickAt(e.clientX);
    if (t !== drag) {
      setDrag(t);
      void review.seek(t);
    }
  };
  const onUp = () => setDrag(null);
  const perHour = Math.max(1, Math.round(60 / tm));
  const go = (t: number) => void review.seek(Math.max(0, Math.min(end, t)));
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const t = sliderKeyTick(e.key, tick, end, tm);
    if (t === undefined) return;
    e.preventDefault();
    go(t);
  };
  const shown = drag ?? tick;
  const here = bookmarks.filter((b) => b.tick === shown);

  return (
    <footer className="rv-timeline">
      <div className="rv-steps">
        <button type="button" className="rv-btn" onClick={() => go(0)} title="Go to the start">
          Start
        </button>
        <button
          type="button"
          className="rv-btn"
          onClick={() => go(tick - perHour)}
          title="One hour back"
          aria-label="One hour back"
        >
          −1 h
        </button>
        <button
          type="button"
          className="rv-btn"
          onClick={() => go(tick + perHour)}
          title="One hour on"
          aria-label="One hour on"
        >
          +1 h
        </button>
        <button type="button" className="rv-btn" onClick={() => go(end)} title="Go to the end">
          End
        </button>
      </div>
      <div
        className="rv-track"
        ref={track}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerCancel={onUp}
        onKeyDown={onKey}
        role="slider"
        aria-label="Replay time"
        aria-valuemin={0}
        aria-valuemax={end}
        aria-valuenow={shown}
        aria-valuetext={dPlus(shown * tm)}
        tabIndex={0}
      >
        <div className="rv-done" style={{ width: pos(shown) }} />
        {marks.map((h) => (
          <div key={h} className="rv-day" style={{ left: pos((h * 60) / tm) }}>
            <span>{h % 24 === 0 ? `D+${h / 24}` : `${h % 24}h`}</span>
          </div>
        ))}
        <Events end={end} />
        {branch !== null && <div className="rv-branch-mark" style={{ left: pos(branch) }} />}
        {bookmarks.map((b, i) => (
          <button
            // biome-ignore lint/suspicious/noArrayIndexKey: bookmarks are fixed for a review
            key={i}
            type="button"
            className="rv-bookmark"
            style={{ left: pos(b.tick) }}
            title={`${dPlus(b.tick * tm)} · ${b.roleName}: ${b.note}`}
            aria-label={`Bookmark at ${dPlus(b.tick * tm)}: ${b.note}`}
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => go(b.tick)}
          />
        ))}
        <div className="tl-head" style={{ left: pos(shown) }} />
      </div>
      <div />
      <div className="rv-caption" aria-live="polite">
        {here.length ? (
          here.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a few notes
            <span key={i} className="bm">
              ⚑ {dPlus(b.tick * tm)} {start ? `(${dtg(start, b.tick * tm)})` : ''} · {b.roleName}:{' '}
              {b.note}
            </span>
          ))
        ) : (
          <>
            {KEY.map(([label, color]) => (
              <span key={label}>
                <i style={{ background: color }} />
                {label}
              </span>
            ))}
            <span>
              <i style={{ background: '#ffd479' }} />
              bookmark (click to go there)
            </span>
          </>
        )}
      </div>
    </footer>
  );
}
