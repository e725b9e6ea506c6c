// The planner's app: top bar, map with overlays, side panels, timeline; keyboard shortcuts
// (listed, with every other key the app has, in shortcuts.ts: the help overlay shows them).
import { lazy, Suspense, useEffect } from 'react';
import { useStore } from 'zustand';
import { authorStore, getAuthor } from '../store/author';
import { runToNextEvent, step, stepBack, togglePlay } from '../store/bridge';
import { useClassroom, useExercise, useSession } from '../store/react';
import { getReview } from '../store/review';
import { getSession, setNotice } from '../store/session';
import { AuthorButton } from './author/AuthorButton';
import { JoinCard } from './classroom/JoinCard';
import { HandoverCard } from './exercise/HandoverCard';
import { mapKeysBlocked, shortcutsBlocked } from './exercise/keys';
import { SeekLock } from './exercise/SeekLock';
import { MapArea } from './MapArea';
import { HelpDialog } from './map-tools/HelpDialog';
import { mapToolsKey } from './map-tools/measure-actions';
import { ordersKey } from './orders/OrdersOverlay';
import { Review } from './review/Review';
import { ReviewButton } from './review/ReviewButton';
import { useReview } from './review/use-review';
import { SidePanel } from './SidePanel';
import { isKey } from './shortcuts';
import { Timeline } from './Timeline';
import { TopBar } from './TopBar';

/** Roles whose element handles Space, Enter or arrows itself. */
const KEY_TAKERS = new Set([
  'button',
  'switch',
  'tab',
  'slider',
  'menuitem',
  'option',
  'checkbox',
  'radio',
  'link',
  'textbox',
  'combobox',
  'spinbutton',
  'listbox',
  'tree',
  'treeitem',
  'menu',
  'dialog',
  'grid',
]);

/**
 * Whether the focused element (or a dialog around it) takes the key itself: the app's
 * shortcuts act only when nothing else would (Space on a focused switch flips the switch).
 */
function takesKeys(t: EventTarget | null): boolean {
  const el = t as HTMLElement | null;
  if (!el || el === document.body || typeof el.closest !== 'function') return false;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'BUTTON' || tag === 'A')
    return true;
  if (el.isContentEditable) return true;
  const role = el.getAttribute('role');
  if (role && KEY_TAKERS.has(role)) return true;
  return !!el.closest('[role="dialog"], [role="menu"], [aria-modal="true"]');
}

const AuthorMode = lazy(() =>
  import('./author/AuthorMode').then((m) => ({ default: m.AuthorMode })),
);

/** The planner's modes beside play: author (build a scenario) and review (the white cell's). */
function ModeLaunch() {
  return (
    <div className="mode-launch">
      <AuthorButton />
      <ReviewButton />
    </div>
  );
}

/** Info notices fade after a while; errors stay until dismissed. */
const NOTICE_MS = 12_000;

function Notice() {
  const notice = useSession((s) => s.notice);
  useEffect(() => {
    if (!notice || notice.level === 'error') return;
    const t = setTimeout(() => {
      if (getSession().notice === notice) setNotice(null, 'user');
    }, NOTICE_MS);
    return () => clearTimeout(t);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.level}`} role={notice.level === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" onClick={() => setNotice(null, 'user')} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}

export function App() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (getReview().open) return; // review mode: its own keys, the exercise stays put
      if (getAuthor().open) return; // author mode: its own keys
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || takesKeys(e.target)) return;
      // The map's keys, for every role: ?, R, P (map-tools/), M, O, U, Esc (orders/).
      if (!mapKeysBlocked(e) && (mapToolsKey(e) || ordersKey(e))) {
        e.preventDefault();
        return;
      }
      if (shortcutsBlocked(e)) return;
      if (isKey('play', e)) {
        e.preventDefault();
        togglePlay();
      } else if (isKey('step', e)) {
        e.preventDefault();
        void step(1);
      } else if (isKey('back', e)) {
        e.preventDefault();
        void stepBack();
      } else if (isKey('next', e)) {
        void runToNextEvent();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Hot seat: the hand-over card replaces the whole app (no map, panel or feed stays behind it).
  const handover = useExercise((s) => s.handover !== null);
  const exerciseActive = useExercise((s) => s.active);
  // Review mode (the white cell's): full screen over a paused exercise.
  const reviewing = useReview((s) => s.open);
  // Author mode: full screen; the run behind it waits, paused, until Try it or Close.
  const authoring = useStore(authorStore, (s) => s.open);
  // A classroom device: nothing of the app until its role's view has come from the server.
  const joining = useClassroom((c) => c.remote) && !exerciseActive;
  if (joining) return <JoinCard />;
  if (handover) return <HandoverCard />;
  if (reviewing) return <Review />;
  if (authoring)
    return (
      <Suspense fallback={<div className="au-loading">Opening author mode…</div>}>
        <AuthorMode />
      </Suspense>
    );
  return (
    <div className="app">
      <TopBar />
      <main className="workspace">
        <MapArea />
        <ModeLaunch />
        <SidePanel />
        <Notice />
      </main>
      <HelpDialog />
      <SeekLock>
        <Timeline />
      </SeekLock>
    </div>
  );
}
