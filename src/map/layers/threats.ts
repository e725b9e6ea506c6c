// The threat picture. Ground truth (view −1): the live threat cells, hostile symbols from
// their group's code with a strength figure. An actor's view: only that actor's tracks, the
// symbol fading with age and an uncertainty circle growing with it (2 km + 4 km/h). The
// snapshot decides what exists; this layer only draws it.
import { Container, Graphics, type Text } from 'pixi.js';
import { CELL_NAMES } from '../../sim/codes';
import type { Snapshot } from '../../sim/snapshot';
import { PALETTE } from '../colors';
import { GlyphSet } from '../glyphs';
import { type Hit, nearestWithin } from '../hit-test';
import { makeLabel } from '../labels';
import { type LayerContext, type MapLayer, symbolScale } from '../layer';
import { Motion } from '../motion';
import { kmToUnits, projX, projY } from '../projection';
import { SYMBOL_SIZE } from '../symbols';
import { formatAge, trackAlpha, trackRadiusKm } from '../threat-style';

export function createThreatsLayer(ctx: LayerContext): MapLayer {
  const { description: d, atlas } = ctx;
  const root = new Container({ label: 'tracks' });
  const circles = new Graphics();
  const glyphs = new GlyphSet(atlas, 1);
  const labels = new Container();
  const sel = new Graphics().circle(0, 0, 17).stroke({ width: 3, color: 0xffffff });
  sel.visible = false;
  root.addChild(circles, glyphs.container, labels, sel);
  const motion = new Motion();
  const strengthText: Text[] = [];
  const strengthShown: number[] = [];
  // What is drawn: either cells (ground truth) or tracks (actor view).
  let mode: 'cells' | 'tracks' = 'cells';
  let last: Snapshot | null = null;
  let radius = new Float32Array(0);
  /** Drawn item → row of snapshot.tracks (tracks may be filtered to the viewing actor). */
  let rows = new Int32Array(0);
  let dirty = true;
  const symbolOf = (group: number) => {
    const g = d.threatGroups[group];
    return atlas.symbol(g?.sidc ?? 'SHGPU----------', SYMBOL_SIZE.threat);
  };
  const drawCircles = (k: number) => {
    circles.clear();
    if (mode !== 'tracks' || !last) return;
    const T = last.tracks;
    for (let i = 0; i < motion.n; i++) {
      circles.circle(motion.x[i]!, motion.y[i]!, radius[i]!);
      const a = trackAlpha(T.ageH[rows[i]!]!);
      circles.fill({ color: PALETTE.hostile, alpha: 0.06 + 0.06 * a });
      circles.stroke({ width: 1.2 / k, color: PALETTE.hostile, alpha: 0.35 + 0.4 * a });
    }
  };
  const textFor = (i: number): Text => {
    let t = strengthText[i];
    if (!t) {
      t = makeLabel('', ctx.resolution, 10, '700');
      t.anchor.set(0, 0.5);
      strengthText[i] = t;
      strengthShown[i] = Number.NaN;
      labels.addChild(t);
    }
    return t;
  };

  return {
    root,
    drawn: () => motion.n,
    push(snap, c) {
      last = snap;
      motion.step(c.alpha);
      if (snap.view < 0 && c.view < 0) {
        mode = 'cells';
        const C = snap.cells;
        const n = C.cell.length;
        motion.begin(n);
        glyphs.resize(n);
        for (let i = 0; i < n; i++) {
          motion.target(i, C.cell[i]!, projX(c.proj, C.lon[i]!), projY(c.proj, C.lat[i]!));
          glyphs.set(i, 0, { frame: symbolOf(C.group[i]!), alpha: 1 });
          const t = textFor(i);
          const s = Math.round(C.strength[i]!);
          if (strengthShown[i] !== s) {
            strengthShown[i] = s;
            t.text = String(s);
          }
          t.visible = true;
        }
        for (let i = n; i < strengthText.length; i++) strengthText[i]!.visible = false;
      } else {
        mode = 'tracks';
        const T = snap.tracks;
        // A ground-truth snapshot holds every actor's tracks: keep the viewer's only.
        const m = T.cell.length;
        if (rows.length < m) rows = new Int32Array(Math.max(m, rows.length * 2));
        let n = 0;
        for (let i = 0; i < m; i++) if (c.view < 0 || T.actor[i] === c.view) rows[n++] = i;
        motion.begin(n);
        glyphs.resize(n);
        if (radius.length < n) radius = new Float32Array(Math.max(n, radius.length * 2));
        for (let k = 0; k < n; k++) {
          const i = rows[k]!;
          const lat = T.lat[i]!;
          // Tracks jump to each new report; sliding between reports would invent motion.
          motion.target(k, T.cell[i]!, projX(c.proj, T.lon[i]!), projY(c.proj, lat), true);
          radius[k] = kmToUnits(trackRadiusKm(T.ageH[i]!), lat);
          glyphs.set(k, 0, { frame: symbolOf(T.group[i]!), alpha: trackAlpha(T.ageH[i]!) });
        }
        for (const t of strengthText) t.visible = false;
      }
      motion.end();
      dirty = true;
      drawCircles(c.k);
    },
    setZoom(c) {
      dirty = true;
      drawCircles(c.k);
      for (const t of strengthText) t.scale.set(1 / c.k);
    },
    frame(c) {
      if (motion.moving) {
        motion.step(c.alpha);
        dirty = true;
      }
      const ik = 1 / c.k;
      const changed = dirty;
      if (dirty) {
        dirty = false;
        const sk = symbolScale(c) * ik;
        glyphs.layout(motion.x, motion.y, sk);
        if (mode === 'cells')
          for (let i = 0; i < motion.n; i++)
            strengthText[i]?.position.set(motion.x[i]! + 15 * sk, motion.y[i]! - 9 * sk);
      }
      const s = c.selection;
      let idx = -1;
      if (s && last) {
        if (mode === 'cells' && s.kind === 'cell') idx = last.cells.cell.indexOf(s.cell);
        else if (mode === 'tracks' && s.kind === 'track') {
          const T = last.tracks;
          for (let k = 0; k < motion.n; k++) {
            const i = rows[k]!;
            if (T.cell[i] === s.cell && T.actor[i] === s.actor) idx = k;
          }
        }
      }
      sel.visible = idx >= 0 && idx < motion.n;
      if (sel.visible) {
        sel.position.set(motion.x[idx]!, motion.y[idx]!);
        sel.scale.set(ik);
      }
      return changed;
    },
    pick(x, y, r): Hit | null {
      if (!last) return null;
      const near = nearestWithin(motion.x, motion.y, motion.n, x, y, r);
      if (near.index < 0) return null;
      const d2 = near.d2;
      const snap = last;
      const index = mode === 'cells' ? near.index : rows[near.index]!;
      if (mode === 'cells') {
        const C = snap.cells;
        const cell = C.cell[index]!;
        const g = d.threatGroups[C.group[index]!];
        return {
          selection: { kind: 'cell', cell },
          d2,
          priority: 0.5,
          hover: () => ({
            title: g ? g.name : `Threat cell ${cell}`,
            lines: [
              `Cell ${cell} · ${CELL_NAMES[C.state[index]!] ?? '?'} · strength ${Math.round(C.strength[index]!)}`,
              'Ground truth',
            ],
          }),
        };
      }
      const T = snap.tracks;
      const actor = T.actor[index]!;
      const cell = T.cell[index]!;
      const g = d.threatGroups[T.group[index]!];
      const src = T.source[index]!;
      return {
        selection: { kind: 'track', actor, cell },
        d2,
        priority: 0.5,
        hover: () => ({
          title: `Track: ${g ? g.name : `cell ${cell}`}`,
          lines: [
            `${src === actor ? 'Own sensors' : `Reported by ${d.actors[src]?.name ?? '?'}`}, ${formatAge(T.ageH[index]!)} old`,
            `Held by ${d.actors[actor]?.name ?? '?'} · ±${Math.round(trackRadiusKm(T.ageH[index]!))} km`,
          ],
        }),
      };
    },
    setView(c) {
      if (last) this.push?.(last, c);
    },
    destroy() {
      glyphs.destroy();
    },
  };
}
