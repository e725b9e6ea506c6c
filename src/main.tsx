// Entry point of the planner's app: starts the worker bridge on the scenario the URL names
// (or sahel-ct), renders the shell, and keeps `window.concord` for browser tests.
import './zod-jitless'; // first: before any zod schema is built
import { createRoot } from 'react-dom/client';
import {
  api,
  changeSpeed,
  changeView,
  currentMap,
  loadScenario,
  pause,
  play,
  runTo,
  start,
} from './store/bridge';
import type { Speed } from './store/pacing';
import { getSession, sessionStore } from './store/session';
import { App } from './ui/App';
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
};
(window as unknown as { concord: typeof concord }).concord = concord;
