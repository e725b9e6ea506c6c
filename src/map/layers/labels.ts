// The top layer for text: other layers' names (HQs, bases, places) are re-parented here so
// no symbol covers them, while their own layer's toggle still hides them (the view's label
// pass skips hidden layers). It also writes the selected unit's name beside it and rings a
// selected base, place or HQ (units, cells and tracks ring themselves).
import { Container, Graphics, type Text } from 'pixi.js';
import type { LabelCandidate } from '../label-placement';
import { makeLabel } from '../labels';
import type { LayerContext, MapLayer } from '../layer';
import type { Motion } from '../motion';
import { projX, projY } from '../projection';

export interface LabelsLayer extends MapLayer {
  /** Moves these labels on top of everything (they keep their world positions). */
  host(candidates: readonly LabelCandidate[]): void;
}

export function createLabelsLayer(ctx: LayerContext, units: Motion): LabelsLayer {
  const { description: d } = ctx;
  const root = new Container({ label: 'labels' });
  const hosted = new Container();
  const selName = makeLabel('', ctx.resolution, 13, '700');
  selName.anchor.set(0, 0.5);
  selName.visible = false;
  const ring = new Graphics()
    .circle(0, 0, 19)
    .stroke({ width: 5, color: 0x000000, alpha: 0.45 })
    .circle(0, 0, 19)
    .stroke({ width: 2.5, color: 0xffffff });
  ring.visible = false;
  root.addChild(ring, hosted, selName);
  const ringAt = (c: LayerContext) => {
    const s = c.selection;
    const ll =
      s?.kind === 'base'
        ? d.bases[s.index] && ([d.bases[s.index]!.lon, d.bases[s.index]!.lat] as const)
        : s?.kind === 'place'
          ? d.places[s.index] && ([d.places[s.index]!.lon, d.places[s.index]!.lat] as const)
          : s?.kind === 'actor'
            ? d.actors[s.index]?.hq
            : undefined;
    ring.visible = !!ll;
    if (ll) ring.position.set(projX(c.proj, ll[0]), projY(c.proj, ll[1]));
  };
  let selected = -1;
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  let lastK = 0;
  return {
    root,
    host(candidates) {
      for (const c of candidates) hosted.addChild(c.text as Text);
    },
    setSelection(c) {
      selected = c.selection?.kind === 'unit' ? c.selection.index : -1;
      const u = d.units[selected];
      selName.visible = !!u;
      if (u) selName.text = u.name;
      lastX = Number.NaN;
      ringAt(c);
    },
    setZoom(c) {
      ring.scale.set(1 / c.k);
    },
    frame(c) {
      if (selected < 0 || selected >= units.n) return false;
      const x = units.x[selected]!;
      const y = units.y[selected]!;
      if (x === lastX && y === lastY && c.k === lastK) return false;
      lastX = x;
      lastY = y;
      lastK = c.k;
      const ik = 1 / c.k;
      selName.scale.set(ik);
      selName.position.set(x + 26 * ik, y - 2 * ik);
      return true;
    },
  };
}
