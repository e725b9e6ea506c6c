// The event log: named events this view may know, newest first, filtered by category.
// Clicking an entry selects the unit, base, place, track or agreement it involves.
import { memo, useMemo } from 'react';
import {
  FEED_CATEGORIES,
  FEED_CATEGORY_LABELS,
  type FeedCategory,
  type FeedItem,
} from '../../store/feed';
import { useExercise, useSession, useSessionThrottled } from '../../store/react';
import { select, setFilter } from '../../store/session';
import { dPlus } from '../../store/time';

/** Rows drawn at once (the store keeps up to FEED_CAP). */
const SHOW = 200;

export const CATEGORY_COLORS: Record<FeedCategory, string> = {
  attacks: '#d62728',
  detections: '#9467bd',
  messages: '#1f77b4',
  tasks: '#2ca02c',
  logistics: '#e08a00',
  politics: '#8c564b',
  injects: '#111a22',
};

/** One row; memoised, so rows already drawn are left alone when new ones arrive. */
const Row = memo(function Row({ f, tickMinutes }: { f: FeedItem; tickMinutes: number }) {
  return (
    <li className={f.important ? 'important' : ''}>
      <button
        type="button"
        disabled={!f.select}
        onClick={() => f.select && select(f.select, 'user')}
        style={{ borderLeftColor: CATEGORY_COLORS[f.category] }}
      >
        <span className="when">{dPlus(f.t * tickMinutes)}</span>
        <span className="what">{f.text}</span>
      </button>
    </li>
  );
});

export function EventLog() {
  // Deferred: while the run plays fast, React redraws the list in interruptible background
  // work instead of inside the frame that took the snapshot.
  const feed = useSessionThrottled((s) => s.feed);
  const filters = useSession((s) => s.filters);
  const tickMinutes = useSession((s) => s.tickMinutes);
  const view = useSession((s) => s.view);
  // A player's screen does not run the clock: the white cell does.
  const player = useExercise((s) => s.active && s.role !== 'white');
  const actor = useSession((s) => (s.view >= 0 ? s.description?.actors[s.view]?.name : undefined));
  const counts = useMemo(() => {
    const c = Object.fromEntries(FEED_CATEGORIES.map((k) => [k, 0])) as Record<
      FeedCategory,
      number
    >;
    for (const f of feed) c[f.category]++;
    return c;
  }, [feed]);
  const rows = useMemo(() => {
    const out = [];
    for (let i = feed.length - 1; i >= 0 && out.length < SHOW; i--)
      if (filters[feed[i]!.category]) out.push(feed[i]!);
    return out;
  }, [feed, filters]);
  return (
    <div className="eventlog">
      <fieldset className="filters">
        <legend className="sr-only">Event filters</legend>
        {FEED_CATEGORIES.map((c) => (
          <button
            type="button"
            key={c}
            className={`filter${filters[c] ? ' on' : ''}`}
            aria-pressed={filters[c]}
            onClick={() => setFilter(c, !filters[c], 'user')}
          >
            <i style={{ background: CATEGORY_COLORS[c] }} />
            {FEED_CATEGORY_LABELS[c]} <span className="count">{counts[c]}</span>
          </button>
        ))}
      </fieldset>
      <p className="hint">
        {view >= 0
          ? `What ${actor} knows, newest first.`
          : 'Everything that happened, newest first.'}
        {rows.length === SHOW ? ` Latest ${SHOW} shown.` : ''}
      </p>
      {rows.length === 0 ? (
        <p className="muted">
          {player
            ? 'No events yet: they arrive as the white cell runs the clock.'
            : 'No events yet. Press Play or Next event.'}
        </p>
      ) : (
        <ol className="feed">
          {rows.map((f) => (
            <Row key={f.seq} f={f} tickMinutes={tickMinutes} />
          ))}
        </ol>
      )}
    </div>
  );
}
