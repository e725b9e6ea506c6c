// The map view: one Pixi application per loaded scenario. A world container whose transform
// is the camera holds one long-lived container per layer; static layers sit in their own
// render group. Snapshots are reconciled onto those objects in pushSnapshot; the ticker only
// interpolates positions and plays short animations.
// The shell hears, at most once a frame, where the pointer is and the ground scale at the view's
// centre (its cursor readout and scale bar), and gives it the measuring tool's path to draw.
// Pixi's shader, uniform and particle code without `new Function`: the CSP has no 'unsafe-eval'.
import 'pixi.js/unsafe-eval';
import { Application, Container, RenderTexture, Sprite } from 'pixi.js';
import type { Snapshot } from '../sim/snapshot';
import {
  type Camera,
  centreOn,
  fitCamera,
  panBy,
  type ScreenBox,
  uncoveredArea,
  zoomAbout,
} from './camera';
import { PALETTE, withDisplayColors } from './colors';
import { makeEventRefs } from './event-refs';
import { bestHit, type Hit } from './hit-test';
import { type LabelCandidate, type Obstacle, placeCandidates } from './label-placement';
import type { LayerContext, MapLayer } from './layer';
import { createBasemap } from './layers/basemap';
import { createBasesLayer } from './layers/bases';
import { createDraftLayer } from './layers/draft';
import { createIncidentsLayer } from './layers/incidents';
import { createInfoflowLayer } from './layers/infoflow';
import { createLabelsLayer } from './layers/labels';
import { createLogisticsLayer } from './layers/logistics';
import { createMeasureLayer } from './layers/measure';
import { createOrdersLayer } from './layers/orders';
import { createPlacesLayer } from './layers/places';
import { createRoutesLayer } from './layers/routes';
import { createThreatsLayer } from './layers/threats';
import { createUnitsLayer } from './layers/units';
import { createZonesLayer } from './layers/zones';
import { makeMapProjection, projectBBox, projX, projY, unprojLat, unprojLon } from './projection';
import { groundKmPerPx } from './scale-bar';
import { buildSymbolAtlas, DEFAULT_BASE_SIDC, SYMBOL_SIZE } from './symbols';
import {
  type CreateMapView,
  type Grabber,
  LAYER_IDS,
  type LayerId,
  type LayerVisibility,
  type MapPoint,
  type MapView,
  type MapViewOptions,
  type PointerAt,
  type PointPicker,
  type Selection,
} from './types';

/** True when WebGL runs in software (SwiftShader, llvmpipe). */
function softwareGl(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return true;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software/i.test(name);
  } catch {
    return true;
  }
}

/** Canvas density under software WebGL (CSS px are drawn at this many device px). */
const SOFTWARE_RESOLUTION = 0.75;

/** Hover and click reach this far from an item, CSS px. */
const PICK_RADIUS_PX = 14;

/** Room Fit leaves between the scenario box and the edges or overlays, CSS px. */
const FIT_PADDING_PX = 24;

export const createMapView: CreateMapView = async (options: MapViewOptions): Promise<MapView> => {
  const { container } = options;
  // The same display colours as the shell's (the store remaps on load; review maps come here).
  const description = withDisplayColors(options.description);
  const app = new Application();
  const software = softwareGl();
  await app.init({
    preference: 'webgl',
    width: Math.max(1, container.clientWidth),
    height: Math.max(1, container.clientHeight),
    background: PALETTE.sea,
    // MSAA smooths the lines on real GPUs; in software GL (SwiftShader: CI, VMs) it costs
    // several times the frame, so it is left off there.
    antialias: !software,
    autoDensity: true,
    // Software GL pays per pixel filled: below full density there, the frame stays inside the
    // 50 ms budget that keeps the page responsive (the browser scales the canvas up).
    resolution: software ? SOFTWARE_RESOLUTION : Math.min(2, globalThis.devicePixelRatio || 1),
    // The view renders on demand (see `loop`), not on every tick.
    autoStart: false,
    sharedTicker: false,
  });
  const canvas = app.canvas;
  canvas.style.display = 'block';
  canvas.style.touchAction = 'none';
  container.appendChild(canvas);

  /** Something changed on screen since the last render. */
  let needsRender = true;
  const proj = makeMapProjection(description.bbox);
  const resolution = app.renderer.resolution;
  const atlas = buildSymbolAtlas(
    [
      ...description.units.map(
        (u) => [u.sidc, SYMBOL_SIZE.unit, description.actors[u.owner]?.color ?? '#888888'] as const,
      ),
      ...description.bases.map((b) => [b.sidc ?? DEFAULT_BASE_SIDC, SYMBOL_SIZE.base] as const),
      [DEFAULT_BASE_SIDC, SYMBOL_SIZE.base],
      ...description.threatGroups.map((t) => [t.sidc, SYMBOL_SIZE.threat] as const),
      ...description.traffic.map((t) => [t.sidc, SYMBOL_SIZE.mover] as const),
      ...description.supplyRuns.map((r) => [r.sidc, SYMBOL_SIZE.mover] as const),
    ],
    resolution,
  );
  const ctx: LayerContext = {
    description,
    proj,
    k: 1,
    kFit: 1,
    view: options.view,
    selection: null,
    now: performance.now(),
    alpha: 1,
    resolution,
    atlas,
  };

  // The static layers (land, borders, zones, routes…) are drawn off screen into a texture the
  // size of the view, only when the camera, labels or toggles change; each frame then costs
  // one quad for them instead of re-rasterising thousands of polygon edges (decisive with
  // software WebGL, where land alone took ~170 ms a frame). The dynamic layers draw live.
  const world = new Container({ label: 'world' });
  const staticScene = new Container({ label: 'static-scene' });
  const staticGroup = new Container({ label: 'static' });
  const dynamicGroup = new Container({ label: 'dynamic' });
  staticScene.addChild(staticGroup);
  world.addChild(dynamicGroup);
  const staticTexture = RenderTexture.create({
    width: app.screen.width,
    height: app.screen.height,
    resolution: app.renderer.resolution,
  });
  const staticSprite = new Sprite(staticTexture);
  app.stage.addChild(staticSprite, world);
  let staticDirty = true;

  const layers = new Map<LayerId, MapLayer>();
  const basemap = createBasemap(options.topology, ctx);
  layers.set('land', basemap.land);
  layers.set('borders', basemap.borders);
  layers.set('countryNames', basemap.countryNames);
  const refs = makeEventRefs(description);
  const units = createUnitsLayer(ctx);
  layers.set('zones', createZonesLayer(ctx));
  layers.set('routes', createRoutesLayer(ctx));
  layers.set('places', createPlacesLayer(ctx));
  layers.set('bases', createBasesLayer(ctx, refs));
  layers.set('logistics', createLogisticsLayer(ctx));
  layers.set('infoflow', createInfoflowLayer(ctx, refs));
  layers.set('tracks', createThreatsLayer(ctx));
  layers.set('units', units);
  // After the units in this map (frame order), so legs start where units are drawn this frame.
  const orders = createOrdersLayer(ctx, units.motion);
  layers.set('orders', orders);
  layers.set('incidents', createIncidentsLayer(ctx, refs, units.motion));
  const labelsLayer = createLabelsLayer(ctx, units.motion);
  layers.set('labels', labelsLayer);
  // Names of HQs, bases and places go on top; country and zone names stay in the background.
  for (const id of ['infoflow', 'bases', 'places'] as const) {
    const offered = layers.get(id)?.labels;
    if (offered) labelsLayer.host(offered);
  }

  const STATIC: ReadonlySet<LayerId> = new Set([
    'land',
    'borders',
    'countryNames',
    'zones',
    'routes',
  ]);
  for (const id of LAYER_IDS) {
    const layer = layers.get(id);
    if (!layer) continue;
    (STATIC.has(id) ? staticGroup : dynamicGroup).addChild(layer.root);
  }
  // The measuring tool's path, above every layer (and no layer toggle hides it).
  const measure = createMeasureLayer(ctx);
  // Author mode's drawing: what is not being edited goes into the static texture (redrawn only
  // when it changes); the element being dragged and the shape being drawn on a 2D canvas over
  // the map (layers/draft-live.ts), so a drag never re-renders the map.
  const draft = createDraftLayer(ctx, container);
  staticGroup.addChild(draft.backRoot);
  world.addChild(measure.root);

  let visibility: LayerVisibility = { ...options.layers };
  let labelsDirty = true;
  const applyVisibility = () => {
    for (const [id, layer] of layers) layer.root.visible = visibility[id] !== false;
    needsRender = true;
    labelsDirty = true;
  };
  // One collision pass over every visible layer's labels, after a zoom or a layer toggle
  // (panning moves all labels together, so it never changes the outcome).
  const placeAllLabels = () => {
    const candidates: LabelCandidate[] = [];
    const obstacles: Obstacle[] = [];
    for (const [id, layer] of layers) {
      if (visibility[id] === false) continue;
      if (layer.labels) candidates.push(...layer.labels);
      if (layer.obstacles) obstacles.push(...layer.obstacles);
    }
    placeCandidates(candidates, obstacles, { k: cam.k, tx: 0, ty: 0 }, visibility.labels !== false);
  };
  applyVisibility();

  // Camera.
  let cam: Camera = { k: 1, tx: 0, ty: 0 };
  let zoomDirty = true;
  const bboxRect = projectBBox(proj, description.bbox);
  /** The shell hears of camera changes once a frame (the scale bar follows them). */
  let cameraMoved = true;
  const applyCamera = (next: Camera) => {
    if (next.k !== cam.k) zoomDirty = true;
    needsRender = true;
    cameraMoved = true;
    cam = next;
    world.scale.set(cam.k);
    world.position.set(cam.tx, cam.ty);
    staticScene.scale.set(cam.k);
    staticScene.position.set(cam.tx, cam.ty);
    staticDirty = true;
  };
  /** False until the user pans or zooms: until then a resize re-frames the scenario. */
  let userMoved = false;
  /** Screen boxes the shell's overlays (banner, key, buttons) cover: Fit frames around them. */
  let overlays: readonly ScreenBox[] = [];
  const fitToBBox = () => {
    userMoved = false;
    const { width, height } = app.screen;
    const aspect = (bboxRect[2] - bboxRect[0]) / Math.max(1e-9, bboxRect[3] - bboxRect[1]);
    const area = uncoveredArea(width, height, overlays, aspect, FIT_PADDING_PX);
    const fitted = fitCamera(bboxRect, width, height, FIT_PADDING_PX, area);
    ctx.kFit = fitted.k;
    applyCamera(fitted);
  };
  fitToBBox();

  // Pointer: drag to pan, wheel to zoom about the cursor.
  let drag: { x: number; y: number; moved: boolean } | null = null;
  const local = (e: { clientX: number; clientY: number }) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  /** Author mode's dragging: a press it grabs moves a vertex or a mark instead of the map. */
  let grabber: Grabber | null = null;
  let grabbing = false;
  const at = (p: { x: number; y: number }): PointerAt => ({
    lon: unprojLon(proj, (p.x - cam.tx) / cam.k),
    lat: unprojLat(proj, (p.y - cam.ty) / cam.k),
    x: p.x,
    y: p.y,
  });
  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const p = local(e);
    canvas.setPointerCapture(e.pointerId);
    if (grabber?.grab(at(p))) {
      grabbing = true;
      return;
    }
    drag = { x: p.x, y: p.y, moved: false };
  };
  /** The pointer over the map for the shell (sent once a frame by the loop); null: it left. */
  let pointer: { x: number; y: number } | null = null;
  let pointerMoved = false;
  const onMove = (e: PointerEvent) => {
    const p = local(e);
    pointer = p;
    pointerMoved = true;
    if (grabbing) {
      grabber?.drag(at(p));
      return;
    }
    if (grabber?.cursorAt) canvas.style.cursor = grabber.cursorAt(at(p)) ?? '';
    if (drag) {
      const dx = p.x - drag.x;
      const dy = p.y - drag.y;
      if (drag.moved || Math.abs(dx) + Math.abs(dy) > 3) {
        drag.moved = true;
        userMoved = true;
        applyCamera(panBy(cam, dx, dy));
        drag.x = p.x;
        drag.y = p.y;
      }
    } else hover(p.x, p.y);
  };
  const pickAt = (sx: number, sy: number): Hit | null => {
    const wx = (sx - cam.tx) / cam.k;
    const wy = (sy - cam.ty) / cam.k;
    const r = PICK_RADIUS_PX / cam.k;
    const hits: Array<Hit | null> = [];
    for (const [id, layer] of layers) {
      if (layer.pick && visibility[id] !== false) hits.push(layer.pick(wx, wy, r, ctx));
    }
    return bestHit(hits, 6 / cam.k);
  };
  /** Armed point picking ("M, then click"): clicks answer it instead of selecting. */
  let picker: PointPicker | null = null;
  const pointAt = (sx: number, sy: number): MapPoint | null => {
    if (!(sx >= 0 && sy >= 0 && sx <= app.screen.width && sy <= app.screen.height)) return null;
    const hit = pickAt(sx, sy);
    return {
      lon: unprojLon(proj, (sx - cam.tx) / cam.k),
      lat: unprojLat(proj, (sy - cam.ty) / cam.k),
      x: sx,
      y: sy,
      hit: hit ? hit.selection : null,
    };
  };
  let hoverKey = '';
  const hover = (sx: number, sy: number) => {
    if (picker?.move) {
      const p = pointAt(sx, sy);
      if (p) picker.move(p);
    }
    if (!options.onHover) return;
    const hit = pickAt(sx, sy);
    const key = hit ? JSON.stringify(hit.selection) : '';
    if (!hit) {
      if (hoverKey !== '') options.onHover(null);
      hoverKey = '';
      canvas.style.cursor = picker ? 'crosshair' : '';
      return;
    }
    hoverKey = key;
    canvas.style.cursor = picker ? 'crosshair' : 'pointer';
    options.onHover({ ...hit.hover(), x: sx, y: sy });
  };
  const onUp = (e: PointerEvent) => {
    if (grabbing) {
      grabbing = false;
      canvas.releasePointerCapture(e.pointerId);
      grabber?.drop(at(local(e)));
      return;
    }
    if (!drag) return;
    canvas.releasePointerCapture(e.pointerId);
    const click = !drag.moved;
    drag = null;
    if (click) {
      const p = local(e);
      if (picker) {
        const at = pointAt(p.x, p.y);
        if (at) picker.pick(at);
        return;
      }
      const hit = pickAt(p.x, p.y);
      options.onSelect(hit ? hit.selection : null);
    }
  };
  // Chromium may send leave-then-enter with no move (a box over the map coming and going).
  const onEnter = (e: PointerEvent) => {
    pointer = local(e);
    pointerMoved = true;
  };
  const onLeave = () => {
    pointer = null;
    pointerMoved = true;
    if (hoverKey !== '') options.onHover?.(null);
    hoverKey = '';
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const p = local(e);
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    userMoved = true;
    applyCamera(zoomAbout(cam, Math.exp(-delta * 0.0015), p.x, p.y));
  };
  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('pointerenter', onEnter);

  /** Tells the shell where the pointer is and what the camera shows, if either changed. */
  const notifyShell = () => {
    if (pointerMoved) {
      pointerMoved = false;
      const at: PointerAt | null = pointer && {
        lon: unprojLon(proj, (pointer.x - cam.tx) / cam.k),
        lat: unprojLat(proj, (pointer.y - cam.ty) / cam.k),
        x: pointer.x,
        y: pointer.y,
      };
      options.onPointer?.(at);
    }
    if (cameraMoved) {
      cameraMoved = false;
      const cx = app.screen.width / 2;
      const cy = app.screen.height / 2;
      options.onCamera?.({
        kmPerPx: groundKmPerPx(proj, cam, cx, cy),
        lon: unprojLon(proj, (cx - cam.tx) / cam.k),
        lat: unprojLat(proj, (cy - cam.ty) / cam.k),
      });
      // The point under a still pointer moved with the map.
      if (pointer) pointerMoved = true;
    }
  };

  let frames = 0;
  let lastBuildMs = 0;
  let pushAt = 0;
  let pushDuration = 1;
  // One requestAnimationFrame loop: zoom-dependent sizes at most once per frame, then the
  // layers' interpolation and animations; the renderer runs only when something changed.
  const tick = () => {
    ctx.now = performance.now();
    ctx.alpha = Math.min(1, (ctx.now - pushAt) / pushDuration);
    notifyShell();
    if (zoomDirty) {
      zoomDirty = false;
      ctx.k = cam.k;
      for (const layer of layers.values()) layer.setZoom?.(ctx);
      measure.setZoom(ctx);
      draft.setZoom(ctx);
      labelsDirty = true;
    }
    if (labelsDirty) {
      labelsDirty = false;
      placeAllLabels();
      staticDirty = true;
    }
    let changed = needsRender;
    for (const [id, layer] of layers) {
      if (!layer.frame?.(ctx)) continue;
      changed = true;
      if (STATIC.has(id)) staticDirty = true;
    }
    if (measure.frame(ctx)) changed = true;
    if (draft.frame(ctx) === 'back') staticDirty = true;
    // The live part is a 2D canvas over the map: drawing it needs no render of the map.
    draft.drawLive(cam, app.screen.width, app.screen.height);
    if (staticDirty) {
      staticDirty = false;
      app.renderer.render({ container: staticScene, target: staticTexture, clear: true });
      changed = true;
    }
    if (!changed) return;
    needsRender = false;
    app.render();
    frames++;
  };
  let raf = 0;
  const loop = () => {
    raf = requestAnimationFrame(loop);
    tick();
  };
  raf = requestAnimationFrame(loop);
  // The container may change size without a window resize (panels opening): observe it.
  const resize = () => {
    const w = Math.max(1, container.clientWidth);
    const h = Math.max(1, container.clientHeight);
    if (w === app.screen.width && h === app.screen.height) return;
    app.renderer.resize(w, h);
    staticTexture.resize(w, h);
    staticDirty = true;
    needsRender = true;
    cameraMoved = true;
    if (!userMoved) fitToBBox();
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(resize);
  observer?.observe(container);

  /** The view as drawn now, at the canvas's pixel size (extract renders the stage afresh). */
  const extractCanvas = (): HTMLCanvasElement => {
    tick(); // layers, labels and the static texture as they would be drawn now
    const shot = app.renderer.extract.canvas({
      target: app.stage,
      frame: app.screen,
      clearColor: PALETTE.sea,
    }) as HTMLCanvasElement;
    if (shot.width === canvas.width && shot.height === canvas.height) return shot;
    // Extract rounds the frame to whole CSS px: match the canvas the user sees, pixel for pixel.
    const fit = document.createElement('canvas');
    fit.width = canvas.width;
    fit.height = canvas.height;
    fit.getContext('2d')?.drawImage(shot, 0, 0, fit.width, fit.height);
    return fit;
  };

  /** The tick of the snapshot shown (for extractImage's caption). */
  let shownTick = 0;
  return {
    pushSnapshot(snapshot: Snapshot, durationMs: number) {
      shownTick = snapshot.tick;
      const t0 = performance.now();
      // Layers restart interpolation from what is on screen now (ctx.alpha of this moment).
      ctx.alpha = Math.min(1, (t0 - pushAt) / pushDuration);
      ctx.now = t0;
      for (const layer of layers.values()) layer.push?.(snapshot, ctx);
      pushAt = t0;
      pushDuration = Math.max(1, durationMs);
      ctx.alpha = 0;
      needsRender = true;
      lastBuildMs = performance.now() - t0;
    },
    setView(view: number) {
      ctx.view = view;
      for (const layer of layers.values()) layer.setView?.(ctx);
      needsRender = true;
    },
    setLayers(next: LayerVisibility) {
      visibility = { ...next };
      applyVisibility();
    },
    setSelection(selection: Selection) {
      ctx.selection = selection;
      for (const layer of layers.values()) layer.setSelection?.(ctx);
      needsRender = true;
    },
    fit: fitToBBox,
    setOverlays(next) {
      const same =
        next.length === overlays.length &&
        next.every((b, i) => b.every((v, j) => Math.abs(v - overlays[i]![j]!) < 0.5));
      overlays = next.map((b) => [...b] as const);
      // Until the user moves the camera, the frame follows the overlays (a key folding away).
      if (!same && !userMoved) fitToBBox();
    },
    zoomBy(factor: number) {
      userMoved = true;
      applyCamera(zoomAbout(cam, factor, app.screen.width / 2, app.screen.height / 2));
    },
    panTo(lon: number, lat: number) {
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) return;
      userMoved = true;
      const { width, height } = app.screen;
      applyCamera(centreOn(cam, projX(proj, lon), projY(proj, lat), width / 2, height / 2));
    },
    stats() {
      const threatsDrawn = visibility.tracks === false ? 0 : (layers.get('tracks')?.drawn?.() ?? 0);
      const hidden = visibility.orders === false;
      const orderLegs = hidden ? 0 : orders.drawn();
      const pendingLegs = hidden ? 0 : orders.pendingDrawn();
      const noUnits = visibility.units === false;
      return {
        lastBuildMs,
        frames,
        renderer: app.renderer.name,
        threatsDrawn,
        orderLegs,
        pendingLegs,
        unitSymbolsDrawn: noUnits ? 0 : units.drawn(),
        unitClusters: noUnits ? 0 : units.clusters(),
      };
    },
    screenPosition(selection) {
      if (selection?.kind !== 'unit' || selection.index >= units.motion.n) return null;
      // Where it is drawn: an aggregated unit's group symbol at the overview zoom.
      const x = units.shownX[selection.index]! * cam.k + cam.tx;
      const y = units.shownY[selection.index]! * cam.k + cam.ty;
      const inside = x >= 0 && y >= 0 && x <= app.screen.width && y <= app.screen.height;
      return inside ? { x, y } : null;
    },
    pointAt,
    screenPoint(lon, lat) {
      return { x: projX(proj, lon) * cam.k + cam.tx, y: projY(proj, lat) * cam.k + cam.ty };
    },
    setMeasure(drawing) {
      measure.set(drawing);
    },
    setDraft(drawing) {
      draft.set(drawing);
    },
    setGrabber(next) {
      grabber = next;
    },
    setPendingOrders(legs) {
      orders.setPending(legs);
    },
    pickPoint(next) {
      picker = next;
      canvas.style.cursor = next ? 'crosshair' : '';
    },
    extractCanvas,
    async extractImage() {
      return captionedImage(extractCanvas(), description, ctx.view, shownTick);
    },
    destroy() {
      picker = null;
      grabber = null;
      draft.destroy();
      canvas.removeEventListener('pointerdown', onDown);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerup', onUp);
      canvas.removeEventListener('wheel', onWheel);
      canvas.removeEventListener('pointerleave', onLeave);
      canvas.removeEventListener('pointerenter', onEnter);
      cancelAnimationFrame(raf);
      observer?.disconnect();
      for (const layer of layers.values()) layer.destroy?.();
      staticScene.destroy({ children: true });
      staticTexture.destroy(true);
      app.destroy(true, { children: true, texture: true });
      atlas.destroy();
    },
  };
};

/**
 * A map image for reports: the extracted view with a strip under it naming the view (ground
 * truth or whose picture), the D+ time and DTG of the snapshot shown, and the actors' colours.
 */
function captionedImage(
  shot: HTMLCanvasElement,
  d: MapViewOptions['description'],
  view: number,
  tick: number,
): string {
  const px = Math.max(1, shot.width / 900); // text scales with the image
  const font = (size: number, bold = false) =>
    `${bold ? '600 ' : ''}${Math.round(size * px)}px system-ui, sans-serif`;
  const pad = Math.round(10 * px);
  const line = Math.round(22 * px);
  const out = document.createElement('canvas');
  const g0 = out.getContext('2d')!;
  // Lay the key out first to know how many lines it takes.
  g0.font = font(14);
  const chips = d.actors.map((a) => ({ a, w: Math.round(18 * px) + g0.measureText(a.name).width }));
  const lines: Array<typeof chips> = [[]];
  let x = pad;
  for (const c of chips) {
    if (x + c.w > shot.width - pad && lines.at(-1)!.length) {
      lines.push([]);
      x = pad;
    }
    lines.at(-1)!.push(c);
    x += c.w + Math.round(16 * px);
  }
  out.width = shot.width;
  out.height = shot.height + pad * 2 + line * (1 + lines.length);
  const g = out.getContext('2d')!;
  g.drawImage(shot, 0, 0);
  g.fillStyle = '#0f1923';
  g.fillRect(0, shot.height, out.width, out.height - shot.height);
  const min = tick * d.scenario.tickMinutes;
  const p2 = (n: number) => String(n).padStart(2, '0');
  const dplus = `D+${Math.floor(min / 1440)} ${p2(Math.floor((min % 1440) / 60))}:${p2(min % 60)}`;
  const t = new Date(Date.parse(d.scenario.start) + min * 60_000);
  const months = 'JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC'.split(' ');
  const dtg = Number.isNaN(t.getTime())
    ? ''
    : ` · ${p2(t.getUTCDate())}${p2(t.getUTCHours())}${p2(t.getUTCMinutes())}Z ${months[t.getUTCMonth()]} ${String(t.getUTCFullYear()).slice(2)}`;
  const who = view < 0 ? 'Ground truth' : `${d.actors[view]?.name ?? 'Actor'}'s picture`;
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  g.font = font(16, true);
  let y = shot.height + pad + line / 2;
  g.fillText(`${who} · ${dplus}${dtg} · ${d.scenario.name}`, pad, y, shot.width - 2 * pad);
  g.font = font(14);
  for (const row of lines) {
    y += line;
    x = pad;
    for (const c of row) {
      g.fillStyle = c.a.color;
      g.fillRect(x, y - 6 * px, 12 * px, 12 * px);
      g.fillStyle = '#e6edf3';
      g.fillText(c.a.name, x + 18 * px, y);
      x += c.w + Math.round(16 * px);
    }
  }
  return out.toDataURL('image/png');
}
