// Author mode's map: keeps the MapView's drawing in step with the document, the selection and
// the shape being drawn, and turns the pointer into edits. Clicks come through the map's point
// picker (select, place, draw); presses on a vertex handle or a mark through its grabber (drag,
// committed as one edit on release, so one drag is one undo step). Framework-free.

import { draftDrawing } from '../../../author/draft';
import { moveVertex, setAt } from '../../../author/edit-ops';
import type { Doc } from '../../../author/edit-session';
import { indexOfId } from '../../../author/items';
import { problemPlaces } from '../../../author/problem-places';
import { roundPoint, type SnapTarget, snapTo } from '../../../author/shapes';
import type { DraftDrawing, DraftMark, MapPoint, MapView, PointerAt } from '../../../map/types';
import type { LonLat } from '../../../sim/describe';
import { type AuthorState, getAuthor, setAuthor } from '../../../store/author';
import { authorEdit } from '../../../store/author-session';
import { tabOfTable } from '../tabs';
import { handleAt, itemAt, markAt, tableOfMark } from './hits';
import { addShape, placeAt } from './place-item';
import { addPoint, finish, isShapeTool, type Sketch, sketchHint, sketchShape } from './sketch';

type Drag =
  | {
      kind: 'vertex';
      table: 'zones' | 'routes';
      id: string;
      index: number;
      start: PointerAt;
      at: LonLat | null;
    }
  | { kind: 'mark'; mark: DraftMark; start: PointerAt; at: LonLat | null };

export class AuthorMapController {
  private base: { doc: Doc; drawing: DraftDrawing } | null = null;
  private problemsOf: { key: unknown; places: readonly LonLat[] } = { key: null, places: [] };
  private sketch: Sketch | null = null;
  private cursor: LonLat | null = null;
  private drag: Drag | null = null;

  constructor(private readonly view: MapView) {
    view.pickPoint({ pick: (p) => this.click(p), move: (p) => this.hover(p) });
    view.setGrabber({
      grab: (p) => this.grab(p),
      drag: (p) => this.dragTo(p),
      drop: (p) => this.drop(p),
      cursorAt: (p) => (this.grabbable(p) ? 'move' : null),
    });
  }

  /** The store changed: the tool, the document, the selection. */
  update(s: AuthorState): void {
    if (!isShapeTool(s.tool)) this.sketch = null;
    else if (this.sketch?.tool !== s.tool) this.sketch = { tool: s.tool, points: [] };
    this.draw(s);
  }

  destroy(): void {
    this.view.pickPoint(null);
    this.view.setGrabber(null);
    this.view.setDraft(null);
  }

  /** Enter, Backspace and Esc while drawing; true when the key was used. */
  key(e: KeyboardEvent): boolean {
    const s = this.sketch;
    if (!s) return false;
    if (e.key === 'Escape' && s.points.length) this.sketch = { ...s, points: [] };
    else if (e.key === 'Backspace' && s.points.length)
      this.sketch = { ...s, points: s.points.slice(0, -1) };
    else if (e.key === 'Enter') this.finishWith(finish(s));
    else return false;
    this.draw(getAuthor());
    return true;
  }

  private drawingOf(doc: Doc): DraftDrawing {
    if (this.base?.doc !== doc) this.base = { doc, drawing: draftDrawing(doc) };
    return this.base.drawing;
  }

  private draw(s: AuthorState): void {
    if (!s.doc) {
      this.view.setDraft(null);
      return;
    }
    const d = this.drawingOf(s.doc);
    if (this.problemsOf.key !== s.problems)
      this.problemsOf = { key: s.problems, places: problemPlaces(s.doc, s.problems) };
    const sketch =
      this.sketch?.points.length || (this.sketch && this.cursor)
        ? sketchShape(this.sketch, this.cursor)
        : null;
    this.view.setDraft({
      ...d,
      active: this.active(s, d),
      sketch,
      problems: this.problemsOf.places,
    });
    // Only a new hint is published (the store's listeners call draw again).
    const hint = this.sketch ? sketchHint(this.sketch, this.cursor) : null;
    if (hint && hint !== s.hint) setAuthor({ hint });
  }

  /** The selected element, live while dragged, with its vertex handles. */
  private active(s: AuthorState, d: DraftDrawing): DraftDrawing['active'] {
    const sel = s.selection;
    if (!sel) return null;
    const g = this.drag;
    if (sel.table === 'zones') {
      const z = d.zones.find((x) => x.id === sel.id);
      if (!z) return null;
      let ring = z.rings[0]!.slice();
      if (g?.kind === 'vertex' && g.at) {
        ring[g.index] = g.at;
        if (g.index === 0) ring[ring.length - 1] = g.at;
      }
      const zone = { ...z, rings: [ring, ...z.rings.slice(1)] };
      ring = ring.slice(0, -1);
      return { zone, handles: ring };
    }
    if (sel.table === 'routes') {
      const r = d.routes.find((x) => x.id === sel.id);
      if (!r) return null;
      const coords = r.coords.slice();
      if (g?.kind === 'vertex' && g.at) coords[g.index] = g.at;
      return { route: { ...r, coords }, handles: coords };
    }
    const mark = d.marks.find((m) => tableOfMark(m) === sel.table && m.id === sel.id);
    if (!mark) return null;
    return { mark: g?.kind === 'mark' && g.at ? { ...mark, at: g.at } : mark, handles: [] };
  }

  private toScreen = (p: LonLat) => this.view.screenPoint(p[0], p[1]);

  private handles(): readonly LonLat[] {
    const s = getAuthor();
    return s.doc ? (this.active(s, this.drawingOf(s.doc))?.handles ?? []) : [];
  }

  private grabbable(p: PointerAt): boolean {
    const s = getAuthor();
    if (s.tool !== 'select' || !s.doc) return false;
    return (
      handleAt(this.handles(), p, this.toScreen) >= 0 ||
      !!markAt(this.drawingOf(s.doc).marks, p, this.toScreen)
    );
  }

  private grab(p: PointerAt): boolean {
    const s = getAuthor();
    if (s.tool !== 'select' || !s.doc) return false;
    const sel = s.selection;
    const i = handleAt(this.handles(), p, this.toScreen);
    if (i >= 0 && sel && (sel.table === 'zones' || sel.table === 'routes')) {
      this.drag = { kind: 'vertex', table: sel.table, id: sel.id, index: i, start: p, at: null };
      return true;
    }
    const m = markAt(this.drawingOf(s.doc).marks, p, this.toScreen);
    if (!m) return false;
    setAuthor({ selection: { table: tableOfMark(m), id: m.id }, tab: tabOfTable(tableOfMark(m)) });
    this.drag = { kind: 'mark', mark: m, start: p, at: null };
    this.draw(getAuthor());
    return true;
  }

  private dragTo(p: PointerAt): void {
    const g = this.drag;
    if (!g) return;
    if (!g.at && Math.abs(p.x - g.start.x) + Math.abs(p.y - g.start.y) < 3) return;
    g.at =
      g.kind === 'vertex' && g.table === 'routes'
        ? this.snapped(p, g.id)
        : roundPoint([p.lon, p.lat]);
    this.draw(getAuthor());
  }

  private drop(p: PointerAt): void {
    const g = this.drag;
    this.drag = null;
    const doc = getAuthor().doc;
    if (!g || !doc) return;
    if (g.at) {
      this.dragTo(p);
      this.commitDrag(doc, g);
    }
    this.draw(getAuthor());
  }

  private commitDrag(doc: Doc, g: Drag): void {
    const at = g.at!;
    if (g.kind === 'vertex' && g.table === 'zones') {
      authorEdit(`move a vertex of ${g.id}`, moveVertex(g.id, 0, g.index, at));
      return;
    }
    if (g.kind === 'vertex') {
      const i = indexOfId(doc, 'routes', g.id);
      authorEdit(`move a point of ${g.id}`, setAt(['routes', i, 'coordinates', g.index], at));
      return;
    }
    const table = tableOfMark(g.mark);
    const i = indexOfId(doc, table, g.mark.id);
    authorEdit(`move ${g.mark.id}`, setAt([table, i, table === 'actors' ? 'hq' : 'position'], at));
  }

  /** A route's point snaps to towns, bases and other routes' points near the pointer. */
  private snapped(p: { x: number; y: number; lon: number; lat: number }, routeId?: string): LonLat {
    const d = this.base?.drawing;
    const targets: SnapTarget[] = [];
    for (const m of d?.marks ?? [])
      if (m.kind === 'place' || m.kind === 'base') targets.push({ at: m.at, label: m.name });
    for (const r of d?.routes ?? [])
      if (r.id !== routeId) for (const c of r.coords) targets.push({ at: c, label: r.id });
    for (const c of this.sketch?.points ?? []) targets.push({ at: c, label: 'this route' });
    const hit = snapTo(p, targets, this.toScreen);
    return hit ? hit.at : roundPoint([p.lon, p.lat]);
  }

  private hover(p: MapPoint): void {
    if (!this.sketch) return;
    this.cursor = this.sketch.tool === 'route' ? this.snapped(p) : roundPoint([p.lon, p.lat]);
    this.draw(getAuthor());
  }

  private click(p: MapPoint): void {
    const s = getAuthor();
    if (!s.doc) return;
    const at: LonLat = roundPoint([p.lon, p.lat]);
    if (s.tool === 'select') {
      const hit = itemAt(this.drawingOf(s.doc), p, at, this.toScreen);
      setAuthor(hit ? { selection: hit, tab: tabOfTable(hit.table) } : { selection: null });
    } else if (s.tool === 'unit' || s.tool === 'base' || s.tool === 'place')
      placeAt(s.tool, s.doc, at);
    else if (this.sketch) {
      const point = this.sketch.tool === 'route' ? this.snapped(p) : at;
      const near = (a: LonLat, b: LonLat) => {
        const [sa, sb] = [this.toScreen(a), this.toScreen(b)];
        return Math.hypot(sa.x - sb.x, sa.y - sb.y) <= 10;
      };
      this.finishWith(addPoint(this.sketch, point, near), at);
    }
    this.draw(getAuthor());
  }

  private finishWith(
    r: { sketch: Sketch; done: ReturnType<typeof finish>['done'] },
    at?: LonLat,
  ): void {
    this.sketch = r.sketch;
    const doc = getAuthor().doc;
    if (!r.done || !doc) return;
    const first = 'zone' in r.done ? r.done.zone[0]! : r.done.route[0]!;
    addShape(doc, r.done, at ?? first);
    setAuthor({ tool: 'select', hint: null });
  }
}
