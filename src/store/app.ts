// createAppSession: one app session object — its state (AppCtx) and every command the UI
// gives, bound to it. The browser makes one in bridge.ts with a Web Worker behind it; Node
// tests make their own with an in-process engine and a fake clock.
import type { CreateOptions } from '../exercise/host';
import type { Order } from '../sim/world';
import * as cmd from './app-commands';
import * as load from './app-load';
import * as loop from './app-loop';
import * as mapping from './app-map';
import { type AppCtx, type AppDeps, createCtx } from './app-session';
import type { Speed } from './pacing';
import type { ChangeSource, SwitchTable } from './session';

export function createAppSession(deps: AppDeps) {
  const c: AppCtx = createCtx(deps);
  const seek = cmd.createSeeker(c);
  c.seekTo = (tick) => seek(tick, 'replay');
  c.onTurnEnded = () => void load.refreshExercise(c);
  c.onExerciseChange = () => void load.refreshExercise(c);
  const unfollow = mapping.followStore(c);
  return {
    ctx: c,
    api: deps.api,
    play: (source: ChangeSource = 'user') => loop.play(c, source),
    pause: (source: ChangeSource = 'user') => loop.pause(c, source),
    togglePlay: (source: ChangeSource = 'user') => loop.togglePlay(c, source),
    changeSpeed: (speed: Speed, source: ChangeSource = 'user') =>
      loop.changeSpeed(c, speed, source),
    step: (n = 1, source: ChangeSource = 'user') => cmd.step(c, n, source),
    seek,
    stepBack: async (source: ChangeSource = 'user') => {
      await loop.pause(c, source);
      return seek(c.engineTick - 1, source);
    },
    runToNextEvent: (source: ChangeSource = 'user') => cmd.runToNextEvent(c, source),
    changeView: (view: number, source: ChangeSource = 'user') => cmd.changeView(c, view, source),
    orderSwitch: (
      table: SwitchTable,
      index: number,
      active: boolean,
      source: ChangeSource = 'user',
    ) => cmd.orderSwitch(c, table, index, active, source),
    giveOrder: (order: Order, source: ChangeSource = 'user') => cmd.giveOrder(c, order, source),
    runTo: (tick: number, source: ChangeSource = 'user') => cmd.runTo(c, tick, source),
    loadScenario: (name: string, seed: number, opts: load.LoadOptions = {}) =>
      load.loadScenario(c, name, seed, opts),
    startExercise: (o: CreateOptions, source: ChangeSource = 'user') =>
      load.startExercise(c, o, source),
    openSession: (doc: unknown, o: { id?: string; source?: ChangeSource } = {}) =>
      load.openSession(c, doc, o),
    showRole: (role: string, source: ChangeSource = 'user') => load.showRole(c, role, source),
    refreshExercise: () => load.refreshExercise(c),
    attachMapContainer: (el: HTMLElement | null) => mapping.attachMapContainer(c, el),
    currentMap: () => c.map,
    zoomMap: (factor: number) => c.map?.zoomBy(factor),
    fitMap: () => c.map?.fit(),
    dispose: () => {
      unfollow();
      mapping.destroyMap(c);
    },
  };
}

export type AppSession = ReturnType<typeof createAppSession>;
