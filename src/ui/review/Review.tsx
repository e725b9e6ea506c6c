// Review mode, full screen: the saved session replayed in an engine of its own — the ground
// truth and one actor's picture side by side at the same tick (what it knew against what was
// true), the bookmarks, "what if" branches — and the after-action report page.
import { useCallback, useEffect } from 'react';
import { dPlus, dtg } from '../../store/time';
import { exportGeoJson } from './exports';
import { Report } from './Report';
import { ReviewTimeline } from './ReviewTimeline';
import { review } from './review-bridge';
import { useReview } from './use-review';
import { WhatIf } from './WhatIf';
import './review.css';

function MapPane({ slot }: { slot: 'truth' | 'actor' }) {
  const d = useReview((s) => s.description);
  const actor = useReview((s) => s.actor);
  // A stable callback: a new one each render would unmount and remount the map.
  const host = useCallback((el: HTMLDivElement | null) => review.attach(slot, el), [slot]);
  return (
    <figure className="rv-map" data-slot={slot}>
      <figcaption>
        {slot === 'truth' ? (
          <>
            <b>Ground truth</b>
            <span className="muted">what was true: every force, threat and message</span>
          </>
        ) : (
          <>
            <select
              aria-label="Whose picture"
              value={actor}
              onChange={(e) => void review.setActor(Number(e.target.value))}
            >
              {d?.actors.map((a, i) => (
                <option key={a.id} value={i}>
                  {a.name}
                </option>
              ))}
            </select>
            <span className="muted">its own picture: what it knew</span>
          </>
        )}
      </figcaption>
      <div className="rv-canvas" ref={host} />
      {slot === 'actor' ? <Quality /> : <TruthLine />}
    </figure>
  );
}

/** The chosen actor's picture quality at the sample at or before the review's tick. */
function Quality() {
  const aar = useReview((s) => s.aar);
  const status = useReview((s) => s.aarStatus);
  const tick = useReview((s) => s.tick);
  const actor = useReview((s) => s.description?.actors[s.actor]?.id ?? null);
  if (!aar)
    return <div className="rv-quality">{status === 'computing' ? 'Measuring pictures…' : ''}</div>;
  const p = actor ? aar.picture.byActor[actor] : undefined;
  if (!p) return <div className="rv-quality">Not a participant: its picture is not measured.</div>;
  let i = -1;
  for (let k = 0; k < aar.picture.ticks.length && aar.picture.ticks[k]! <= tick; k++) i = k;
  if (i < 0) return <div className="rv-quality">No picture measured yet at this time.</div>;
  const f = (v: number | null | undefined, digits: number, unit = '') =>
    v === null || v === undefined ? '—' : `${v.toFixed(digits)}${unit}`;
  return (
    <div className="rv-quality" data-testid="quality">
      <span>
        completeness <b>{f((p.completeness[i] ?? 0) * 100, 0, ' %')}</b>
      </span>
      <span>
        divergence from partners <b>{f(p.divergence[i], 2)}</b>
      </span>
      <span>
        position error <b>{f(p.errorKm[i], 1, ' km')}</b>
      </span>
      <span>
        phantoms <b>{p.phantoms[i] ?? 0}</b>
      </span>
      <span>at {dPlus(aar.picture.ticks[i]! * aar.scenario.tickMinutes)}</span>
    </div>
  );
}

function TruthLine() {
  const aar = useReview((s) => s.aar);
  const tick = useReview((s) => s.tick);
  if (!aar) return <div className="rv-quality" />;
  let i = -1;
  for (let k = 0; k < aar.metrics.ticks.length && aar.metrics.ticks[k]! <= tick; k++) i = k;
  const v = aar.metrics.values;
  return (
    <div className="rv-quality">
      {i < 0 ? (
        'Nothing measured yet.'
      ) : (
        <>
          <span>
            incidents <b>{v.incidents[i]}</b>
          </span>
          <span>
            interdictions <b>{v.interdictions[i]}</b>
          </span>
          <span>
            COP completeness <b>{Math.round((v.copCompleteness[i] ?? 0) * 100)} %</b>
          </span>
          <span>
            divergence <b>{(v.pictureDivergence[i] ?? 0).toFixed(2)}</b>
          </span>
        </>
      )}
    </div>
  );
}

function Bookmarks() {
  const bookmarks = useReview((s) => s.bookmarks);
  const tick = useReview((s) => s.tick);
  const tm = useReview((s) => s.description?.scenario.tickMinutes ?? 15);
  const start = useReview((s) => s.description?.scenario.start ?? '');
  return (
    <>
      <h2>Bookmarks</h2>
      {bookmarks.length === 0 ? (
        <p className="hint">No bookmarks in this session.</p>
      ) : (
        <ul className="rv-marks">
          {bookmarks.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed for a review
            <li key={i}>
              <button
                type="button"
                className={b.tick === tick ? 'here' : ''}
                onClick={() => void review.seek(b.tick)}
              >
                <span className="when">{dPlus(b.tick * tm)}</span>
                <span className="who">
                  {b.roleName} · {start ? dtg(start, b.tick * tm) : ''}
                </span>
                <span className="note">{b.note}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Replay() {
  const status = useReview((s) => s.status);
  const error = useReview((s) => s.error);
  if (status === 'error')
    return (
      <div className="rv-opening">
        <div className="rv-error">The session could not be opened for review:{`\n${error}`}</div>
      </div>
    );
  if (status !== 'ready') return <div className="rv-opening">Opening the session for review…</div>;
  return (
    <div className="rv-body">
      <div className="rv-maps">
        <MapPane slot="truth" />
        <MapPane slot="actor" />
        <div className="rv-zoom">
          <button type="button" onClick={() => review.zoom(1.4)} aria-label="Zoom in (both maps)">
            +
          </button>
          <button
            type="button"
            onClick={() => review.zoom(1 / 1.4)}
            aria-label="Zoom out (both maps)"
          >
            −
          </button>
          <button type="button" className="fit" onClick={() => review.fit()}>
            Fit
          </button>
        </div>
      </div>
      <aside className="rv-side">
        <Bookmarks />
        <WhatIf />
      </aside>
    </div>
  );
}

export function Review() {
  const page = useReview((s) => s.page);
  const title = useReview((s) => s.title);
  const tick = useReview((s) => s.tick);
  const end = useReview((s) => s.endTick);
  const d = useReview((s) => s.description);
  const aarStatus = useReview((s) => s.aarStatus);
  const notice = useReview((s) => s.notice);
  const ready = useReview((s) => s.status === 'ready');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && page === 'report') review.showReplay();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [page]);
  if (page === 'report') return <Report />;
  const tm = d?.scenario.tickMinutes ?? 15;
  return (
    <div className="review" data-testid="review">
      <header className="rv-bar">
        <button type="button" className="rv-btn" onClick={() => review.close()}>
          ← Back to the exercise
        </button>
        <h1>
          Review <span>· {title}</span>
        </h1>
        <button
          type="button"
          className="rv-btn primary"
          disabled={!ready}
          onClick={() => void review.showReport()}
        >
          After-action report
        </button>
        <button
          type="button"
          className="rv-btn"
          disabled={!ready}
          onClick={() => void exportGeoJson()}
        >
          Export events (GeoJSON)
        </button>
        <span className="rv-status">
          {notice ?? (aarStatus === 'computing' ? 'Replaying for the report…' : '')}
        </span>
        <div className="rv-clock">
          <strong id="review-clock">{dPlus(tick * tm)}</strong>
          <div>
            {d ? dtg(d.scenario.start, tick * tm) : ''} · recorded to {dPlus(end * tm)}
          </div>
        </div>
      </header>
      <Replay />
      {ready ? <ReviewTimeline /> : <footer />}
    </div>
  );
}
