// The browser's review: each engine a Web Worker of its own (review.worker.ts, comlink), the
// live exercise's record from the app's engine, Pixi maps, the basemap topologies. The review's
// components import `review` and call its commands.
import * as Comlink from 'comlink';
import type { LayerVisibility, MapViewOptions } from '../../map/types';
import { app, loadTopology, pause } from '../../store/bridge';
import { getSession } from '../../store/session';
import type { ReviewWorkerApi } from './review.worker';
import { createReviewSession, type ReviewEngineApi } from './review-session';

export const review = createReviewSession({
  newEngine() {
    const worker = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' });
    const api = Comlink.wrap<ReviewWorkerApi>(worker);
    return {
      api: api as unknown as ReviewEngineApi,
      dispose: () => {
        api[Comlink.releaseProxy]();
        worker.terminate();
      },
    };
  },
  async liveFile() {
    await pause('user'); // the exercise waits while it is reviewed
    return app.api.saveFile();
  },
  createMap: async (o: MapViewOptions) =>
    (await import('../../map/create-map-view')).createMapView(o),
  topology: loadTopology,
  layers: (): LayerVisibility => ({ ...getSession().layers }),
  offscreen(width, height) {
    const el = document.createElement('div');
    Object.assign(el.style, {
      position: 'fixed',
      left: '-20000px',
      top: '0',
      width: `${width}px`,
      height: `${height}px`,
      pointerEvents: 'none',
    });
    el.setAttribute('aria-hidden', 'true');
    document.body.append(el);
    return { el, dispose: () => el.remove() };
  },
  nextFrame: () =>
    new Promise<void>((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
    ),
});
