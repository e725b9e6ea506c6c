// Entry point of the planner's app: starts the worker bridge on the scenario the URL names
// (or sahel-ct), renders the shell, and keeps `window.concord` for browser tests.
import './zod-jitless'; // first: before any zod schema is built
import { createRoot } from 'react-dom/client';
import type { CreateOptions } from './exercise/host';
import type { Order } from './sim/world';
import { getAuthor, setAuthor } from './store/author';
import { authorMapView } from './store/author-map';
import {
  api,
  app,
  changeSpeed,
  changeView,
  currentMap,
  giveOrder,
  loadScenario,
  openSession,
  pause,
  play,
  refreshExercise,
  remote,
  runTo,
  showRole,
  start,
  startExercise,
} from './store/bridge';
import { getClassroom } from './store/classroom';
import { getExercise } from './store/exercise';
import { getMapTools } from './store/map-tools';
import type { Speed } from './store/pacing';
import { loadScenarioJson } from './store/scenarios';
import { getSession, sessionStore } from './store/session';
import { getFiles, openFileAndReport, sessionRecord } from './store/session-files';
import { App } from './ui/App';
import { reviewHooks } from './ui/review/hooks';
import { saveSession } from './ui/session/SessionFiles';
import './ui/styles.css';

const ready = start();

createRoot(document.getElementById('app')!).render(<App />);

/** `store()` and `store.getState()` both give the session state; `store.subscribe` listens. */
const store = Object.assign(() => getSession(), sessionStore);

const concord = {
  api,
  ready,
  store,
  get map() {
    return currentMap();
  },
  runTo: (tick: number) => runTo(tick, 'user'),
  load: (name: string, seed: number) => loadScenario(name, seed),
  /** Loads a scenario document (not a file in scenarios/), e.g. a scaled variant for the app bench. */
  loadJson: (json: unknown, seed: number, name = 'custom') => loadScenario(name, seed, { json }),
  setSpeed: (speed: Speed) => changeSpeed(speed, 'user'),
  play: () => play('user'),
  pause: () => pause('user'),
  /** Actor id, 'truth', or an index (−1 ground truth). */
  setView: (v: string | number) => {
    const d = getSession().description;
    const index =
      typeof v === 'number'
        ? v
        : v === 'truth'
          ? -1
          : (d?.actors.findIndex((a) => a.id === v) ?? -1);
    return changeView(index, 'user');
  },
  // Exercises and session files (tests, scripts/play-example-session.ts, the app bench).
  /** A bundled scenario's document (what startExercise takes as `scenario.doc`). */
  scenarioDoc: (name: string) => loadScenarioJson(name),
  startExercise: (o: CreateOptions) => startExercise(o, 'user'),
  openSession: (doc: unknown, id?: string) => openSession(doc, id ? { id } : {}),
  showRole: (role: string) => showRole(role, 'user'),
  /** An order as the role on screen, answered once it is saved. */
  giveOrder: (order: Order) => giveOrder(order, 'user'),
  exercise: () => getExercise(),
  /** A classroom device: its connection and (the white cell) the room's links. */
  classroom: () => getClassroom(),
  room: (method: 'info' | 'reissue' | 'revoke', role?: string) => remote?.room(method, role),
  refreshExercise: () => refreshExercise(),
  /** The map tools: pointer, ground scale, the measuring tool's path, the keyboard help. */
  mapTools: () => getMapTools(),
  /** Author mode: its state (the document, problems, undo) and its map. */
  author: {
    state: () => getAuthor(),
    map: () => authorMapView(),
    /** Opens author mode on a document (the app bench: a bundled scenario). */
    open: async (doc: Record<string, unknown>) =>
      (await import('./store/author-session')).openAuthor(doc),
    select: (table: string, id: string) => setAuthor({ selection: { table, id } }),
  },
  /** Review mode: replay, an actor beside the truth, "what if", the after-action report. */
  review: reviewHooks,
  sessions: {
    /** The record as "Save session" writes it, and its file name (nothing downloaded). */
    record: () => sessionRecord(app),
    /** "Save session": downloads the file; resolves with its name. */
    save: () => saveSession(),
    /** "Open…" with a File: a session or a scenario, refused with problems in the dialog. */
    open: (file: File) => openFileAndReport(app, file),
    state: () => getFiles(),
  },
};
(window as unknown as { concord: typeof concord }).concord = concord;
