// Author mode's drawing over the basemap, in the view's static texture: zones (filled and
// outlined in the owner's colour, by their kind's style), routes, places, bases, headquarters
// and units (their APP-6 symbol, filled in the owner's colour, with a count), names that do not
// overlap, and rings where the schema found a problem. Everything keeps its screen size at any
// zoom. A list is redrawn only when its array is a new one, and a zone or route only when its
// drawn form is; the element being edited and the shape being drawn are draft-live.ts's.
import ms from 'milsymbol';
import { Container, Graphics, Sprite, type Text, Texture } from 'pixi.js';
import type { LonLat } from '../../sim/describe';
import type { Camera } from '../camera';
import { ownerSymbolOptions, PALETTE, parseColor } from '../colors';
import { makeLabel } from '../labels';
import type { LayerContext } from '../layer';
import { dashedPath, projectLine } from '../lines';
import { projX, projY } from '../projection';
import type { DraftDrawing, DraftMark, DraftRoute, DraftZone } from '../types';
import { createDraftLive } from './draft-live';
import { draftRouteStyle, draftZoneLook } from './draft-style';

const INK = 0x11161c;
const HALO = 0xffffff;
const SYMBOL = 26;

export interface DraftLayer {
  /** Everything not being edited: for the view's static texture, redrawn when it changes. */
  readonly backRoot: Container;
  set(drawing: DraftDrawing | null): void;
  setZoom(ctx: LayerContext): void;
  /** Whether the back part changed (the static texture is then redrawn). */
  frame(ctx: LayerContext): 'none' | 'back';
  /** The live part on its 2D canvas (draft-live.ts), for this camera; true when it drew. */
  drawLive(cam: Camera, width: number, height: number): boolean;
  destroy(): void;
}

/** Destroys the display objects no longer drawn. */
function prune(objects: Map<string, { destroy(): void }>, seen: ReadonlySet<string>): void {
  for (const [k, o] of objects) {
    if (seen.has(k)) continue;
    o.destroy();
    objects.delete(k);
  }
}

export function createDraftLayer(ctx: LayerContext, container: HTMLElement): DraftLayer {
  const { proj } = ctx;
  const live = createDraftLive(container, ctx.proj, ctx.resolution);
  const backRoot = new Container({ label: 'draft-back' });
  const zonesG = new Container();
  const routesG = new Container();
  const marksG = new Graphics();
  const symbols = new Container();
  const labels = new Container();
  const problemsG = new Graphics();
  backRoot.addChild(zonesG, routesG, marksG, symbols, labels, problemsG);
  const textures = new Map<string, Texture>();
  /** One Graphics per zone and per route, redrawn only when its drawn form is a new object. */
  const shapes = new Map<string, { of: DraftZone | DraftRoute; g: Graphics }>();
  const sprites = new Map<string, Sprite>();
  const texts = new Map<string, Text>();
  let drawing: DraftDrawing | null = null;
  let drawn: DraftDrawing | null = null;
  let ik = 1;
  let zoomed = true;

  const xy = (p: LonLat): [number, number] => [projX(proj, p[0]), projY(proj, p[1])];

  const strokeZone = (g: Graphics, z: DraftZone) => {
    const { st, line, fillAlpha } = draftZoneLook(z);
    for (const [i, r] of z.rings.entries()) {
      const flat = projectLine(proj, r);
      if (i === 0 && flat.length >= 6)
        g.poly(flat, true).fill({ color: st.fill ?? line, alpha: fillAlpha });
      if (st.dash) dashedPath(g, flat, st.dash[0] * ik, st.dash[1] * ik, true);
      else g.poly(flat, true);
      g.stroke({ width: Math.max(1.6, st.width) * ik, color: line, alpha: 0.95, join: 'round' });
    }
  };

  const strokeRoute = (g: Graphics, r: DraftRoute) => {
    const st = draftRouteStyle(r.kind);
    const flat = projectLine(proj, r.coords);
    if (flat.length < 4) return;
    g.poly(flat, false).stroke({
      width: (st.width + 3) * ik,
      color: HALO,
      alpha: 0.7,
      cap: 'round',
      join: 'round',
    });
    if (st.dash) dashedPath(g, flat, 9 * ik, 5 * ik);
    else g.poly(flat, false);
    g.stroke({ width: st.width * ik, color: st.color, cap: 'round', join: 'round' });
  };

  const symbolTexture = (sidc: string, color: string): Texture => {
    const key = `${sidc}#${color}`;
    let t = textures.get(key);
    if (!t) {
      const canvas = new ms.Symbol(sidc, {
        size: SYMBOL * 2,
        ...ownerSymbolOptions(color),
      }).asCanvas();
      t = Texture.from(canvas);
      textures.set(key, t);
    }
    return t;
  };

  /** A place's dot, a base's square, a headquarters' diamond (a unit is its symbol). */
  const drawMarkShape = (g: Graphics, m: DraftMark) => {
    const [x, y] = xy(m.at);
    const fill = parseColor(m.color);
    const s = ik;
    if (m.kind === 'place')
      g.circle(x, y, 4 * s)
        .fill({ color: INK })
        .stroke({ width: 1.5 * s, color: HALO });
    else if (m.kind === 'base')
      g.rect(x - 7 * s, y - 7 * s, 14 * s, 14 * s)
        .fill({ color: fill })
        .stroke({ width: 2 * s, color: HALO });
    else if (m.kind === 'hq')
      g.poly([x, y - 9 * s, x + 9 * s, y, x, y + 9 * s, x - 9 * s, y], true)
        .fill({ color: fill })
        .stroke({ width: 2 * s, color: HALO });
  };

  const labelFor = (m: DraftMark, seen: Set<string>) => {
    const key = `${m.kind}:${m.id}`;
    seen.add(key);
    const text = m.count && m.count > 1 ? `${m.name} ×${m.count}` : m.name;
    let t = texts.get(key);
    if (!t) {
      t = makeLabel(
        text,
        ctx.resolution,
        m.kind === 'place' ? 12 : 13,
        m.kind === 'place' ? '400' : '600',
      );
      texts.set(key, t);
      labels.addChild(t);
    } else if (t.text !== text) t.text = text;
    const [x, y] = xy(m.at);
    const dy = m.kind === 'unit' ? 16 : 10;
    t.anchor.set(0.5, 0);
    t.position.set(x, y + dy * ik);
    t.scale.set(ik);
  };

  const spriteFor = (m: DraftMark, seen: Set<string>) => {
    if (m.kind !== 'unit' || !m.sidc) return;
    const key = `unit:${m.id}`;
    seen.add(key);
    let s = sprites.get(key);
    if (!s) {
      s = new Sprite();
      s.anchor.set(0.5);
      sprites.set(key, s);
      symbols.addChild(s);
    }
    s.texture = symbolTexture(m.sidc, m.color);
    const [x, y] = xy(m.at);
    s.position.set(x, y);
    s.scale.set(ik / 2);
  };

  const drawMarks = (marks: readonly DraftMark[]) => {
    marksG.clear();
    const seenSprites = new Set<string>();
    const seenTexts = new Set<string>();
    for (const m of marks) {
      drawMarkShape(marksG, m);
      spriteFor(m, seenSprites);
      labelFor(m, seenTexts);
    }
    prune(sprites, seenSprites);
    prune(texts, seenTexts);
    placeLabels(marks);
  };

  /**
   * Names that would overlap on screen are left out, headquarters first, then bases, places,
   * units (a unit's name is in the side panel's list and the hover of its row).
   */
  const placeLabels = (marks: readonly DraftMark[]) => {
    const k = 1 / ik;
    const rank = { hq: 0, base: 1, place: 2, unit: 3 } as const;
    const order = [...marks].sort((a, b) => rank[a.kind] - rank[b.kind]);
    const boxes: number[][] = [];
    for (const m of order) {
      const t = texts.get(`${m.kind}:${m.id}`);
      if (!t) continue;
      const b = t.getLocalBounds();
      const [x, y] = [t.position.x * k, t.position.y * k];
      const box = [x - b.width / 2 - 2, y - 1, x + b.width / 2 + 2, y + b.height + 1];
      const clash = boxes.some(
        (o) => box[0]! < o[2]! && o[0]! < box[2]! && box[1]! < o[3]! && o[1]! < box[3]!,
      );
      t.visible = !clash;
      if (!clash) boxes.push(box);
    }
  };

  /** Where the schema found a problem: an amber ring on a white halo. */
  const drawProblems = (ps: readonly LonLat[]) => {
    problemsG.clear();
    for (const p of ps) {
      const [x, y] = xy(p);
      problemsG.circle(x, y, 16 * ik).stroke({ width: 5 * ik, color: HALO, alpha: 0.8 });
      problemsG.circle(x, y, 16 * ik).stroke({ width: 3 * ik, color: PALETTE.amber });
    }
  };

  /** Zones under routes; a shape is redrawn when new, changed or re-stroked for a zoom. */
  const syncShapes = (d: DraftDrawing | null, restroke: boolean) => {
    const seen = new Set<string>();
    const sync = (
      key: string,
      of: DraftZone | DraftRoute,
      parent: Container,
      draw: (g: Graphics) => void,
    ) => {
      seen.add(key);
      let s = shapes.get(key);
      if (!s) {
        s = { of, g: new Graphics() };
        shapes.set(key, s);
        parent.addChild(s.g);
      } else if (s.of === of && !restroke) return;
      s.of = of;
      s.g.clear();
      draw(s.g);
    };
    for (const z of d?.zones ?? []) sync(`z:${z.id}`, z, zonesG, (g) => strokeZone(g, z));
    for (const r of d?.routes ?? []) sync(`r:${r.id}`, r, routesG, (g) => strokeRoute(g, r));
    for (const [k, s] of shapes) {
      if (seen.has(k)) continue;
      s.g.destroy();
      shapes.delete(k);
    }
  };

  return {
    backRoot,
    set(next) {
      drawing = next;
    },
    setZoom(c) {
      ik = 1 / c.k;
      zoomed = true;
    },
    drawLive(cam, width, height) {
      return live.draw(drawing, cam, width, height);
    },
    frame() {
      const d = drawing;
      const was = drawn;
      if (d === was && !zoomed) return 'none';
      const all = zoomed || !d || !was;
      let back = false;
      if (all || d.zones !== was.zones || d.routes !== was.routes) {
        syncShapes(d, zoomed);
        back = true;
      }
      if (all || d.problems !== was.problems) {
        drawProblems(d?.problems ?? []);
        back = true;
      }
      if (all || d.marks !== was.marks) {
        drawMarks(d?.marks ?? []);
        back = true;
      }
      drawn = d;
      zoomed = false;
      return back ? 'back' : 'none';
    },
    destroy() {
      live.destroy();
      for (const t of textures.values()) t.destroy(true);
      textures.clear();
    },
  };
}
