// Information flow: an arc per agreement between the two actors' HQs (width by messages sent
// over the last 12 simulated hours, faint and dashed while inactive), a dot per message in
// flight at its progress (agreement colour; grey hollow when it will be lost), a red cross at
// the sender's end when a message is withheld, and labelled HQ nodes in actor colours.
import { Container, Graphics, type Text } from 'pixi.js';
import type { Snapshot } from '../../sim/snapshot';
import { mix, PALETTE, parseColor } from '../colors';
import type { EventRefs } from '../event-refs';
import { type Arc, arcPoint, arcWidth, makeArc, VolumeCounter } from '../flow';
import { GlyphSet } from '../glyphs';
import { type Hit, nearestWithin } from '../hit-test';
import type { LabelCandidate, Obstacle } from '../label-placement';
import { makeLabel } from '../labels';
import type { LayerContext, MapLayer } from '../layer';
import { dashedPath } from '../lines';
import { projX, projY } from '../projection';

const FLASH_MS = 2000;
const WINDOW_H = 12;

export function createInfoflowLayer(ctx: LayerContext, refs: EventRefs): MapLayer {
  const { description: d, atlas, proj } = ctx;
  const root = new Container({ label: 'infoflow' });
  const arcsG = new Graphics();
  const nodesG = new Graphics();
  const dots = new GlyphSet(atlas, 1);
  const flashes = new GlyphSet(atlas, 1);
  const names = new Container();
  root.addChild(arcsG, dots.container, nodesG, flashes.container, names);

  const nA = d.actors.length;
  const hx = d.actors.map((a) => projX(proj, a.hq[0]));
  const hy = d.actors.map((a) => projY(proj, a.hq[1]));
  const color = d.actors.map((a) => parseColor(a.color));
  // Agreements between the same pair of HQs get separate lanes.
  const lanes = new Map<string, number>();
  const arcs: Arc[] = d.agreements.map((ag) => {
    const key = `${Math.min(ag.from, ag.to)}:${Math.max(ag.from, ag.to)}`;
    const lane = lanes.get(key) ?? 0;
    lanes.set(key, lane + 1);
    const a = Math.min(ag.from, ag.to);
    const b = Math.max(ag.from, ag.to);
    return makeArc(hx[a] ?? 0, hy[a] ?? 0, hx[b] ?? 0, hy[b] ?? 0, 0.15 + 0.12 * lane);
  });
  /** Whether a message from `from` travels the arc from its t = 0 end. */
  const forward = (ag: number, from: number) => {
    const x = d.agreements[ag];
    return !x || from === Math.min(x.from, x.to);
  };
  const agColor = d.agreements.map((ag) =>
    mix(color[ag.from] ?? 0x888888, color[ag.to] ?? 0x888888, 0.5),
  );
  const tickMin = Math.max(1, d.scenario.tickMinutes);
  const volume = new VolumeCounter(d.agreements.length, Math.round((WINDOW_H * 60) / tickMin));
  const counts = new Float32Array(d.agreements.length);
  let active: Uint8Array = new Uint8Array(d.agreements.length).fill(1);

  const labels: Text[] = d.actors.map((a) => {
    const t = makeLabel(a.name, ctx.resolution, 12, '700');
    t.anchor.set(0.5, 1);
    names.addChild(t);
    return t;
  });
  // Only actors on some sharing channel have an HQ node: a non-party's HQ says nothing here.
  const onChannel = new Set(d.agreements.flatMap((g) => [g.from, g.to]));
  const visibleHq = d.actors.map(
    (a, i) => onChannel.has(i) && Number.isFinite(a.hq[0]) && Number.isFinite(a.hq[1]),
  );
  // HQs that share a town (a nation and an organisation in one capital) stack their names.
  const stack = d.actors.map((_, a) => {
    let k = 0;
    for (let b = 0; b < a; b++) if (Math.hypot(hx[a]! - hx[b]!, hy[a]! - hy[b]!) < 5) k++;
    return k;
  });
  const candidates: LabelCandidate[] = labels
    .filter((_, a) => visibleHq[a])
    .map((t) => ({ text: t, priority: 0, overObstacles: true }));
  labels.forEach((t, a) => {
    t.visible = visibleHq[a] === true;
  });
  const obstacles: Obstacle[] = d.actors.map((_, a) => ({
    x: hx[a]!,
    y: hy[a]!,
    left: 9,
    top: 9,
    right: 9,
    bottom: 9,
  }));

  // Messages in flight: progress interpolated per message id.
  let last: Snapshot | null = null;
  let msgRows = new Int32Array(0);
  let p0 = new Float32Array(0);
  let p1 = new Float32Array(0);
  let mx = new Float32Array(0);
  let my = new Float32Array(0);
  let shownProgress = new Map<number, number>();
  let moving = false;
  const pt = { x: 0, y: 0 };

  // Withheld flashes: a small pool keyed by arc end.
  const flashAg: number[] = [];
  const flashFwd: boolean[] = [];
  const flashAt: number[] = [];
  let fx = new Float32Array(0);
  let fy = new Float32Array(0);

  const party = (ag: number, v: number) => {
    const x = d.agreements[ag];
    return v < 0 || (!!x && (x.from === v || x.to === v));
  };

  const drawArcs = (c: LayerContext) => {
    const ik = 1 / c.k;
    arcsG.clear();
    for (let i = 0; i < arcs.length; i++) {
      const a = arcs[i]!;
      const mine = party(i, c.view);
      const on = active[i] === 1;
      const col = agColor[i]!;
      if (!on) {
        const flat: number[] = [];
        for (let s = 0; s <= 24; s++) {
          arcPoint(a, s / 24, pt);
          flat.push(pt.x, pt.y);
        }
        dashedPath(arcsG, flat, 5 * ik, 5 * ik);
        arcsG.stroke({ width: 1.2 * ik, color: 0x9aa3a8, alpha: mine ? 0.6 : 0.2 });
        continue;
      }
      const w = arcWidth(counts[i]!) * ik;
      arcsG.moveTo(a.x0, a.y0).quadraticCurveTo(a.cx, a.cy, a.x1, a.y1);
      arcsG.stroke({ width: w + 2 * ik, color: 0x0e1a24, alpha: mine ? 0.25 : 0.08, cap: 'round' });
      arcsG.moveTo(a.x0, a.y0).quadraticCurveTo(a.cx, a.cy, a.x1, a.y1);
      arcsG.stroke({ width: w, color: col, alpha: mine ? 0.6 : 0.15, cap: 'round' });
    }
  };
  const drawNodes = (c: LayerContext) => {
    const ik = 1 / c.k;
    nodesG.clear();
    for (let a = 0; a < nA; a++) {
      if (!visibleHq[a]) continue;
      const me = c.view === a;
      const r = (d.actors[a]!.kind === 'organisation' ? 8 : 7) * ik;
      nodesG
        .circle(hx[a]!, hy[a]!, r)
        .fill(color[a]!)
        .stroke({ width: 2 * ik, color: 0xffffff });
      if (me)
        nodesG.circle(hx[a]!, hy[a]!, r + 5 * ik).stroke({ width: 2.5 * ik, color: 0xffffff });
      const t = labels[a]!;
      t.scale.set(ik);
      t.position.set(hx[a]!, hy[a]! - r - (3 + 15 * stack[a]!) * ik);
    }
  };
  const placeDots = (t: number) => {
    if (!last) return;
    const M = last.messages;
    const a = Math.max(0, Math.min(1, t));
    for (let k = 0; k < dots.count; k++) {
      const i = msgRows[k]!;
      const ag = M.agreement[i]!;
      const arc = arcs[ag];
      if (!arc) continue;
      const p = p0[k]! + (p1[k]! - p0[k]!) * a;
      arcPoint(arc, forward(ag, M.from[i]!) ? p : 1 - p, pt);
      mx[k] = pt.x;
      my[k] = pt.y;
    }
    moving = a < 1;
  };

  return {
    root,
    labels: candidates,
    obstacles,
    push(snap, c) {
      // A snapshot from the past (seek, rewind): the recent volume starts again.
      if (last && snap.tick < last.tick) volume.clear();
      // Volume over the last 12 h, from the events stream.
      for (const e of snap.events) {
        if (e.k === 'msg-send') {
          const ag = refs.agreement(e.agreement);
          if (ag >= 0 && typeof e.t === 'number') volume.add(ag, e.t);
        } else if (e.k === 'msg-withheld') {
          const ag = refs.agreement(e.agreement);
          if (ag < 0) continue;
          const from = refs.actor(e.from);
          flashAg.push(ag);
          flashFwd.push(forward(ag, from));
          flashAt.push(c.now);
        }
      }
      for (let i = 0; i < counts.length; i++) counts[i] = volume.count(i, snap.tick);
      active =
        snap.agreementsActive.length === d.agreements.length ? snap.agreementsActive : active;

      // Messages: remember the displayed progress by id, then retarget.
      placeDots(c.alpha);
      const prevShown = new Map<number, number>();
      if (last) {
        const M0 = last.messages;
        for (let k = 0; k < dots.count; k++) {
          const i = msgRows[k]!;
          prevShown.set(M0.id[i]!, p0[k]! + (p1[k]! - p0[k]!) * Math.min(1, c.alpha));
        }
      }
      shownProgress = prevShown;
      last = snap;
      const M = snap.messages;
      const m = M.id.length;
      if (msgRows.length < m) {
        const cap = Math.max(m, msgRows.length * 2, 32);
        msgRows = new Int32Array(cap);
        p0 = new Float32Array(cap);
        p1 = new Float32Array(cap);
        mx = new Float32Array(cap);
        my = new Float32Array(cap);
      }
      let n = 0;
      for (let i = 0; i < m; i++) {
        if (c.view >= 0 && M.from[i] !== c.view && M.to[i] !== c.view) continue;
        if (!arcs[M.agreement[i]!]) continue;
        msgRows[n] = i;
        p1[n] = M.progress[i]!;
        p0[n] = shownProgress.get(M.id[i]!) ?? M.progress[i]!;
        n++;
      }
      dots.resize(n);
      const disc = atlas.glyph('disc');
      const ring = atlas.glyph('ring');
      for (let k = 0; k < n; k++) {
        const i = msgRows[k]!;
        const lost = M.lost[i] === 1;
        dots.set(k, 0, {
          frame: lost ? ring : disc,
          w: lost ? 11 : 9,
          h: lost ? 11 : 9,
          tint: lost ? PALETTE.lost : (agColor[M.agreement[i]!] ?? 0xffffff),
        });
      }
      placeDots(0);
      moving = true;
      drawArcs(c);
      dots.layout(mx, my, 1 / c.k);
    },
    setZoom(c) {
      drawArcs(c);
      drawNodes(c);
      dots.layout(mx, my, 1 / c.k);
    },
    setView(c) {
      drawArcs(c);
      drawNodes(c);
    },
    frame(c) {
      const ik = 1 / c.k;
      const wasMoving = moving;
      if (moving) {
        placeDots(c.alpha);
        dots.layout(mx, my, ik);
      }
      // Withheld flashes fade over two seconds at the sender's end of the arc.
      let live = 0;
      for (let i = 0; i < flashAt.length; i++) {
        if (c.now - flashAt[i]! < FLASH_MS && party(flashAg[i]!, c.view)) {
          flashAg[live] = flashAg[i]!;
          flashFwd[live] = flashFwd[i]!;
          flashAt[live] = flashAt[i]!;
          live++;
        }
      }
      flashAg.length = flashFwd.length = flashAt.length = live;
      if (live === 0 && flashes.count === 0) return wasMoving;
      flashes.resize(live);
      if (fx.length < live) {
        fx = new Float32Array(live * 2);
        fy = new Float32Array(live * 2);
      }
      const cross = atlas.glyph('cross');
      for (let i = 0; i < live; i++) {
        const arc = arcs[flashAg[i]!]!;
        arcPoint(arc, flashFwd[i] ? 0.1 : 0.9, pt);
        fx[i] = pt.x;
        fy[i] = pt.y;
        const age = (c.now - flashAt[i]!) / FLASH_MS;
        flashes.set(i, 0, { frame: cross, w: 14, h: 14, tint: PALETTE.red, alpha: 1 - age * age });
      }
      flashes.layout(fx, fy, ik);
      return true;
    },
    pick(x, y, r): Hit | null {
      const near = nearestWithin(hx, hy, nA, x, y, r, (i) => visibleHq[i] === true);
      if (near.index < 0) return null;
      const a = d.actors[near.index]!;
      const ags = d.agreements.filter((g) => g.from === near.index || g.to === near.index).length;
      return {
        selection: { kind: 'actor', index: near.index },
        d2: near.d2,
        priority: 1.5,
        hover: () => ({
          title: a.name,
          lines: [`${a.kind} HQ · ${ags} sharing agreement${ags === 1 ? '' : 's'}`],
        }),
      };
    },
    destroy() {
      dots.destroy();
      flashes.destroy();
    },
  };
}
