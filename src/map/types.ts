// The contract between the map (src/map) and the app shell (src/ui, src/store): the shell
// creates one MapView per loaded scenario, pushes snapshots from the worker into it, and
// hears back selections and hovers. The map draws; it never computes simulation facts.
import type { LonLat, WorldDescription } from '../sim/describe';
import type { Snapshot } from '../sim/snapshot';

/** Toggleable layers, bottom to top. */
export const LAYER_IDS = [
  'land',
  'borders',
  'countryNames',
  'zones',
  'routes',
  'places',
  'bases',
  'logistics',
  'infoflow',
  'tracks',
  'orders',
  'units',
  'incidents',
  'labels',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];
export type LayerVisibility = Record<LayerId, boolean>;

export const LAYER_LABELS: Record<LayerId, string> = {
  land: 'Land',
  borders: 'Borders',
  countryNames: 'Country names',
  zones: 'Zones (sectors, havens, waters)',
  routes: 'Roads and lanes',
  places: 'Towns and ports',
  bases: 'Bases and depots',
  logistics: 'Logistics (convoys, stocks)',
  infoflow: 'Information flow',
  tracks: 'Threat picture',
  orders: 'Orders (planned legs)',
  units: 'Units',
  incidents: 'Incidents',
  labels: 'Labels',
};

/** What the user picked on the map (or in a panel). Indices are the description's. */
export type Selection =
  | { kind: 'unit'; index: number }
  | { kind: 'base'; index: number }
  | { kind: 'place'; index: number }
  | { kind: 'track'; actor: number; cell: number }
  | { kind: 'cell'; cell: number }
  | { kind: 'actor'; index: number }
  | { kind: 'agreement'; index: number }
  | null;

/** A short hover card: a title and a few lines (the unit's task, a base's stocks…). */
export interface HoverInfo {
  title: string;
  lines: string[];
  /** Screen position in CSS pixels relative to the map container. */
  x: number;
  y: number;
}

/** A point on the map: where it is (degrees), where on screen, and what is drawn there. */
export interface MapPoint {
  lon: number;
  lat: number;
  /** CSS pixels relative to the map container. */
  x: number;
  y: number;
  /** The nearest pickable item within reach (as a click would select it), or null. */
  hit: Selection;
}

/**
 * Point picking ("M, then click to move"): while armed, a click on the map answers `pick`
 * instead of selecting, and pointer moves over the map answer `move`; dragging still pans.
 */
export interface PointPicker {
  pick(point: MapPoint): void;
  move?(point: MapPoint): void;
}

/** Where the pointer is over the map: degrees, and CSS px relative to the container. */
export interface PointerAt {
  lon: number;
  lat: number;
  x: number;
  y: number;
}

/** What the view shows now, for the scale bar and marks that follow a map point. */
export interface ViewScale {
  /** Ground km per CSS px east–west at the view's centre (Mercator stretches it with latitude). */
  kmPerPx: number;
  /** The point at the view's centre, degrees. */
  lon: number;
  lat: number;
}

/** The measuring tool's path as the map draws it (src/map/layers/measure.ts). */
export interface MeasureDrawing {
  /** The points clicked, in order. */
  points: readonly LonLat[];
  /** The path goes back to its first point (an area). */
  closed: boolean;
  /** While the path is being built: the pointer, joined to the last point by a dashed leg. */
  cursor: LonLat | null;
}

/**
 * An order given on this screen but not carried out yet (it takes effect when the next tick
 * runs; in turns, when the execution phase starts): drawn faint until the snapshot has it.
 */
export interface PendingLeg {
  unit: number;
  /** ORDERED code of what it will do: 1 move, 2 patrol, 3 return. */
  kind: number;
  /** Where it goes (NaN for a patrol: the zone shows it). */
  lon: number;
  lat: number;
  /** A patrol's zone (description index), −1 otherwise. */
  zone: number;
}

/** Author mode's zone or route as drawn (src/map/layers/draft.ts); colours are '#rrggbb'. */
export interface DraftZone {
  id: string;
  kind: string;
  /** The owner's colour, or null (grey). */
  color: string | null;
  rings: readonly (readonly LonLat[])[];
}
export interface DraftRoute {
  id: string;
  kind: string;
  coords: readonly LonLat[];
}
/** A unit (its APP-6 symbol), a base, a place or a headquarters placed in author mode. */
export interface DraftMark {
  id: string;
  kind: 'unit' | 'base' | 'place' | 'hq';
  name: string;
  at: LonLat;
  color: string;
  sidc?: string;
  /** Units: how many the entry expands into (a badge when more than one). */
  count?: number;
}
/**
 * What author mode draws over the basemap. The layer redraws a list only when its array is a
 * new one, so a drag that changes only `active` redraws only the element being edited.
 */
export interface DraftDrawing {
  zones: readonly DraftZone[];
  routes: readonly DraftRoute[];
  marks: readonly DraftMark[];
  /** The element being edited, drawn over the rest with a handle at each vertex. */
  active: {
    zone?: DraftZone;
    route?: DraftRoute;
    mark?: DraftMark;
    handles: readonly LonLat[];
  } | null;
  /** A shape being drawn: its points, closed or not, and a leg to the pointer. */
  sketch: { points: readonly LonLat[]; closed: boolean; cursor: LonLat | null } | null;
  /** Where the schema's problems have a place: ringed. */
  problems: readonly LonLat[];
}

/**
 * Dragging things on the map (author mode): on a press, `grab` may take it (a vertex or a mark
 * under the pointer), and then the moves and the release go to it instead of panning.
 */
export interface Grabber {
  grab(at: PointerAt): boolean;
  drag(at: PointerAt): void;
  drop(at: PointerAt): void;
  /** The cursor over a point, e.g. 'move' over a handle (null: the map's own). */
  cursorAt?(at: PointerAt): string | null;
}

export interface MapViewOptions {
  /** The element the canvas fills (the map resizes with it). */
  container: HTMLElement;
  description: WorldDescription;
  /** Natural Earth topology for the basemap (the scenario's atlas: 50m or 10m). */
  topology: unknown;
  /** -1 = ground truth (white cell), else the actor whose picture is shown. */
  view: number;
  layers: LayerVisibility;
  onSelect(selection: Selection): void;
  onHover?(info: HoverInfo | null): void;
  /** The pointer moved over the map (at most once a frame), or left it (null). */
  onPointer?(at: PointerAt | null): void;
  /** The camera or the view's size changed (at most once a frame, and once at the start). */
  onCamera?(scale: ViewScale): void;
}

export interface MapStats {
  /** Time the last pushSnapshot spent reconciling layers onto Pixi objects, ms. */
  lastBuildMs: number;
  /** Frames drawn since creation. */
  frames: number;
  renderer: string;
  /** Hostile symbols the threat layer draws now: true cells (white cell) or the viewer's tracks. */
  threatsDrawn: number;
  /** Planned legs the orders layer draws now (units under orders in this view; 0 when hidden). */
  orderLegs: number;
  /** Legs of orders given but not yet carried out (see setPendingOrders; 0 when hidden). */
  pendingLegs: number;
  /**
   * Unit symbols drawn now (0 when hidden): one per unit on its own (destroyed ones faded),
   * one per aggregated group at the overview zoom; units not yet arrived are not drawn.
   */
  unitSymbolsDrawn: number;
  /** Of those, symbols standing for two units or more (with a count chip). */
  unitClusters: number;
}

export interface MapView {
  /**
   * Hands the map a new snapshot. Layers are rebuilt from it by reconciling on ids onto
   * long-lived Pixi objects; moving things are interpolated from the previous snapshot's
   * positions over `durationMs` so motion stays smooth at display rate.
   */
  pushSnapshot(snapshot: Snapshot, durationMs: number): void;
  setView(view: number): void;
  setLayers(layers: LayerVisibility): void;
  setSelection(selection: Selection): void;
  /** Frames the scenario's bbox in the part of the view no overlay covers (see setOverlays). */
  fit(): void;
  /**
   * Screen boxes [x0, y0, x1, y1] (CSS px relative to the container) that the shell's overlays
   * cover: the view banner, the key, the map buttons. Fit frames the scenario around them, and
   * re-frames when they change until the user pans or zooms.
   */
  setOverlays(boxes: ReadonlyArray<readonly [number, number, number, number]>): void;
  /** Zooms about the centre by a factor (buttons); the wheel zooms about the cursor. */
  zoomBy(factor: number): void;
  /** Pans, zoom unchanged, so that lon/lat is at the view's centre (the ORBAT's chosen unit). */
  panTo(lon: number, lat: number): void;
  stats(): MapStats;
  /** Where a selectable thing is drawn now, in CSS pixels relative to the map container (null if off screen). */
  screenPosition(selection: Selection): { x: number; y: number } | null;
  /**
   * The map point under a screen position (CSS px relative to the container): lon/lat and the
   * item a click there would select. Null outside the canvas. For the context menu.
   */
  pointAt(x: number, y: number): MapPoint | null;
  /** Arms point picking (see PointPicker); null disarms. The cursor is a crosshair while armed. */
  pickPoint(picker: PointPicker | null): void;
  /** Where lon/lat is drawn now, CSS px relative to the container (it may be off screen). */
  screenPoint(lon: number, lat: number): { x: number; y: number };
  /** The measuring tool's path to draw over everything (null: none). */
  setMeasure(drawing: MeasureDrawing | null): void;
  /** Author mode's drawing over the basemap (null: none). */
  setDraft(drawing: DraftDrawing | null): void;
  /** Author mode's dragging (null: a press pans, as everywhere else). */
  setGrabber(grabber: Grabber | null): void;
  /** Orders given on this screen that no snapshot carries yet (replaces the previous list). */
  setPendingOrders(legs: readonly PendingLeg[]): void;
  /**
   * The view exactly as drawn now, as a canvas of the map canvas's own pixel size (its density,
   * devicePixelRatio respected): Pixi's extract of the stage, which renders it afresh (no
   * preserveDrawingBuffer needed). For "Save map as PNG" (src/ui/map-tools/map-png.ts).
   */
  extractCanvas(): HTMLCanvasElement;
  /**
   * The current view as a PNG data URL (Pixi's extract of the stage), with a strip below it:
   * which view (ground truth or whose picture), the D+ time and DTG of the snapshot shown, and
   * the actors' colours. For the after-action report's map images.
   */
  extractImage(): Promise<string>;
  destroy(): void;
}

export type CreateMapView = (options: MapViewOptions) => Promise<MapView>;
