// The timeline scrubber along the bottom: the whole exercise with day marks, MSEL injects
// (from the description; in an actor's view only those it has seen), incidents seen so far,
// and the current position. Click or drag to seek, backwards included.
import { type KeyboardEvent, memo, type PointerEvent, useMemo, useRef, useState } from 'react';
import { pause, seek } from '../store/bridge';
import { type IncidentMarker, timelineInjects } from '../store/feed';
import { useExercise, useSession, useSessionThrottled } from '../store/react';
import { select } from '../store/session';
import { dPlus } from '../store/time';
import { sliderKeyTick, tickAtPointer } from './slider';

const INJECT_COLORS: Record<string, string> = {
  spawn: '#e0302a',
  attack: '#e0302a',
  agreement: '#2f80ed',
  right: '#2f80ed',
  mechanism: '#2f80ed',
  withdraw: '#2f80ed',
  weather: '#8e9aa6',
  funding: '#3fae49',
  narrative: '#f0a020',
  'force-flow': '#17b8c4',
};
/**
 * The inject colours in words, for the legend (every kind the timeline may show; the browser
 * test checks each marker's colour is here). Short words keep the key on one row at 1280 px;
 * the title says it in full.
 */
const INJECT_KEY: Array<[string, string, string]> = [
  ['threat', INJECT_COLORS.attack!, 'a threat appears or attacks'],
  ['agreement', INJECT_COLORS.agreement!, 'an agreement, right, mechanism or membership changes'],
  ['weather', INJECT_COLORS.weather!, 'weather'],
  ['funding', INJECT_COLORS.funding!, 'funding'],
  ['message', INJECT_COLORS.narrative!, 'a message (narrative inject)'],
  ['forces', INJECT_COLORS['force-flow']!, 'forces arrive (force flow)'],
];
const INCIDENT_COLORS: Record<IncidentMarker['kind'], string> = {
  attack: '#ff4d4d',
  prevented: '#3fae49',
  sovereignty: '#f0a020',
  'convoy-lost': '#c77dff',
};
const INCIDENT_KEY: Array<[IncidentMarker['kind'], string, string]> = [
  ['attack', 'attack', 'a raid struck its target'],
  ['prevented', 'prevented', 'a raid prevented'],
  ['sovereignty', 'sovereignty', 'a sovereignty incident'],
  ['convoy-lost', 'convoy lost', 'a supply convoy lost'],
];

/**
 * Inject and incident markers: their own component so the clock moving does not re-render
 * a thousand markers each frame.
 */
const Markers = memo(function Markers() {
  const total = useSession((s) => s.totalTicks);
  const tickMinutes = useSession((s) => s.tickMinutes);
  const description = useSession((s) => s.description);
  const view = useSession((s) => s.view);
  const incidents = useSessionThrottled((s) => s.incidents);
  const seenInjects = useSession((s) => s.seenInjects);
  // The white cell's MSEL in an exercise (entries added during play included; null otherwise).
  const entries = useExercise((s) => s.view?.msel ?? null);
  const fired = useExercise((s) => s.view?.fired ?? null);
  const pos = (t: number) => `${total > 0 ? (t / total) * 100 : 0}%`;
  // In an actor's view the MSEL is the white cell's secret: only injects it has seen show.
  const shownInjects = useMemo(
    () => timelineInjects(description, view, seenInjects, { entries, fired }),
    [description, view, seenInjects, entries, fired],
  );
  return (
    <>
      {incidents.map((m, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: markers are rebuilt wholesale
          key={i}
          className="tl-incident"
          style={{ left: pos(m.t), background: INCIDENT_COLORS[m.kind] }}
          title={`${dPlus(m.t * tickMinutes)} — ${m.label}`}
        />
      ))}
      {shownInjects.map((inj) => (
        <button
          type="button"
          key={inj.key}
          className="tl-inject"
          style={{ left: pos(inj.tick), background: INJECT_COLORS[inj.kind] ?? '#f0a020' }}
          title={`${dPlus(inj.tick * tickMinutes)} · ${inj.label}`}
          onPointerDown={(e) => e.stopPropagation()}
          onClick={() => {
            pause();
            void seek(inj.tick + 1);
            select(null, 'user');
          }}
          aria-label={`${inj.label} at ${dPlus(inj.tick * tickMinutes)}`}
        />
      ))}
    </>
  );
});

export function Timeline() {
  const total = useSession((s) => s.totalTicks);
  const tick = useSession((s) => s.tick);
  const tickMinutes = useSession((s) => s.tickMinutes);
  const hash = useSession((s) => s.hash);
  const ready = useSession((s) => s.status.phase === 'ready');
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<number | null>(null);
  const [hoverTick, setHoverTick] = useState<number | null>(null);

  const days = total > 0 ? (total * tickMinutes) / 1440 : 0;
  const dayStep = days > 40 ? 7 : days > 20 ? 2 : 1;
  const pos = (t: number) => `${total > 0 ? (t / total) * 100 : 0}%`;

  const tickAt = (clientX: number) => tickAtPointer(track.current, clientX, total);
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!ready || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    pause();
    const t = tickAt(e.clientX);
    setDrag(t);
    void seek(t);
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const t = tickAt(e.clientX);
    setHoverTick(t);
    if (drag !== null && t !== drag) {
      setDrag(t);
      void seek(t);
    }
  };
  const onUp = () => setDrag(null);
  // The slider's keys (WAI-ARIA slider): a tick, an hour, a day, the ends.
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!ready) return;
    const t = sliderKeyTick(e.key, tick, total, tickMinutes);
    if (t === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    pause();
    void seek(t);
  };

  const shown = drag ?? tick;
  const dayMarks: number[] = [];
  for (let d = 0; d <= days; d += dayStep) dayMarks.push(d);

  return (
    <footer className="timeline">
      <div className="tl-info">
        <div>
          <strong>{dPlus(shown * tickMinutes)}</strong>
        </div>
        <div
          className="tl-hash"
          title="State hash of the event log at this tick (same in Node and the browser)"
        >
          hash <code id="hash">{hash}</code>
        </div>
      </div>
      <div className="tl-main">
        <div
          className={`tl-track${ready ? '' : ' disabled'}`}
          ref={track}
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={onUp}
          onPointerCancel={onUp}
          onPointerLeave={() => setHoverTick(null)}
          onKeyDown={onKey}
          role="slider"
          aria-label="Scenario time"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={shown}
          aria-valuetext={dPlus(shown * tickMinutes)}
          tabIndex={0}
        >
          <div className="tl-done" style={{ width: pos(shown) }} />
          {dayMarks.map((d) => (
            <div key={d} className="tl-day" style={{ left: pos((d * 1440) / tickMinutes) }}>
              <span>D+{d}</span>
            </div>
          ))}
          <Markers />
          <div className="tl-head" style={{ left: pos(shown) }} />
          {hoverTick !== null && drag === null && (
            <div className="tl-hover" style={{ left: pos(hoverTick) }}>
              {dPlus(hoverTick * tickMinutes)}
            </div>
          )}
        </div>
        <div className="tl-legend">
          <span title="MSEL injects: click one to jump to it">Injects:</span>
          {INJECT_KEY.map(([label, color, title]) => (
            <span key={label} title={title} data-color={color}>
              <i className="dia" style={{ background: color }} /> {label}
            </span>
          ))}
          <span className="tl-legend-sep">Incidents:</span>
          {INCIDENT_KEY.map(([kind, label, title]) => (
            <span key={kind} title={title} data-color={INCIDENT_COLORS[kind]}>
              <i style={{ background: INCIDENT_COLORS[kind] }} /> {label}
            </span>
          ))}
        </div>
      </div>
    </footer>
  );
}
