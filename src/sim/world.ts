// The world: `Def` is what a scenario fixes at load (dense indices, km geometry, masks);
// `State` is everything that changes, held in typed or plain arrays so a checkpoint is one
// structuredClone. Systems read Def and mutate State.
//
// Conventions a reader needs before any system makes sense:
// - Dense indices. Every scenario id becomes its position in a list fixed at load: actors
//   (Def.actorIds; organisations are actors with isOrg), units, bases, places, threat groups,
//   agreements, rights, task forces, mechanisms. -1 means "none" wherever an index is stored.
// - One array per field, named by entity: u* units, b* bases, p* places, c* threat cells,
//   v* traffic vessels, k* convoys, tr* pictures. Def holds what never changes (uSpeed,
//   bCapFuel…), State what does (ux, uFuel, bFuel…), so the same index reads both.
// - Slots. Threat cells have `cellCap` slots: the scenario's cells, then cells that spawn
//   injects will bring (CELL.unborn until then), then `liveCells` spares for live injects.
//   Vessels and convoys likewise have vesselCap / convoyCap slots with an alive flag.
// - Pairs and grids are flat: [actor * cellCap + cell] for pictures (tr*) and command
//   assignments (assigned, retryAt; command nodes are the actors, then the task forces),
//   [a * nActors + b] for trust and centreRelay, [base * nActors + actor] for base use.
// - Agreements: the scenario's treaties first (nTreaties), then joint centres' channels.
// - Space is km on the scenario's projection (geo/projection.ts); the masks' cell codes say
//   who owns a cell (codeToActor; 0 is high seas). Time is ticks of tickMinutes (dtH hours).
// - Codes (codes.ts): TASK for a unit's task, CELL for a threat cell's behaviour, ORDERED for
//   what the player last ordered, DOMAIN, TARGET, MECH; their names arrays give the log's words.
import type { Inject, Scenario, ThreatKind } from '../scenario/schema';
import type { EventLog } from './events';
import type { GeoMasks } from './geo/masks';
import type { PathFinder } from './geo/pathfind';
import type { SpatialGrid } from './geo/spatial-grid';
import type { Streams } from './rng';

export interface Polyline {
  id: string;
  kind: string;
  xy: Float64Array;
  cum: Float64Array;
  length: number;
}

export interface ZoneDef {
  id: string;
  kind: string;
  owner: number;
  cells: Int32Array;
  cx: number;
  cy: number;
}

export interface GroupDef {
  id: string;
  kind: ThreatKind;
  kindIndex: number;
  domain: number;
  sidc: string;
  strength: number;
  maxStrength: number;
  firepower: number;
  speed: number;
  havens: number[];
  targetPlaceKinds: Set<string>;
  targetsConvoys: boolean;
  targetsShips: boolean;
  /** Preference weight by target kind (place kinds, 'convoy', 'ship'), from the order listed. */
  preference: Record<string, number>;
  attackPerTick: number;
  rangeKm: number;
  seam: number;
  recruitPerTick: number;
  /** Post-raid lie-low range, ticks [min, max]. */
  lieLowTicks: [number, number];
  detectability: number;
}

export interface AgreementDef {
  id: string;
  from: number;
  to: number;
  bidirectional: boolean;
  scope: number;
  latencyTicks: number;
  reliability: number;
  ceiling: number;
  /** A joint centre's channel: the centre's index (its mechanism index too); -1 for a treaty. */
  centre: number;
  /** Liaison offices (indices into Def.liaisons) between this agreement's two actors. */
  liaisons: number[];
  /** Multiplies the chance of withholding for low trust (joint centres' co-located staff). */
  withholding: number;
}

export interface MechanismDef {
  id: string;
  kind: number;
  /** Index within its kind's list (Def.centres, Def.liaisons…). */
  index: number;
}

export interface CentreDef {
  id: string;
  mech: number;
  host: number;
  members: number[];
  x: number;
  y: number;
  /** Agreement indices of its member-to-member channels. */
  channels: number[];
}

export interface LiaisonDef {
  id: string;
  mech: number;
  a: number;
  b: number;
  factor: number;
  trustPerDay: number;
}

export interface FrameworkDef {
  id: string;
  mech: number;
  members: number[];
}

export interface TrainingDef {
  id: string;
  mech: number;
  provider: number;
  recipient: number;
  gainPerDay: number;
  cap: number;
  costPerDay: number;
}

export interface DialogueDef {
  id: string;
  mech: number;
  participants: number[];
  firstTick: number;
  everyTicks: number;
  gain: number;
  cost: number;
}

export interface RightDef {
  id: string;
  kind: 'transit' | 'hot-pursuit' | 'base-access';
  grantor: number;
  grantee: number;
  domains: number;
  depthKm: number;
}

export interface TaskForceDef {
  id: string;
  commander: number;
  decisionTicks: number;
  area: number;
}

export interface TrafficDef {
  id: string;
  kind: string;
  route: number;
  perTick: number;
  speed: number;
  reportDelayTicks: number;
  bothWays: boolean;
  sidc: string;
}

export interface SupplyRunDef {
  id: string;
  owner: number;
  from: number;
  to: number;
  path: number[];
  everyTicks: number;
  fuel: number;
  supplies: number;
  speed: number;
  strength: number;
  sidc: string;
}

export interface Def {
  scenario: Scenario;
  dtH: number;
  tickMinutes: number;
  totalTicks: number;
  masks: GeoMasks;
  /** Air passability code: land owner on land, territorial-sea owner at sea, 0 high seas. */
  airCode: Uint8Array;
  codeToActor: Int16Array;
  // actors
  nActors: number;
  actorIds: string[];
  isOrg: Uint8Array;
  members: number[][];
  participant: Uint8Array;
  hqX: Float64Array;
  hqY: Float64Array;
  decisionTicks: Int32Array;
  sovereignty: Float64Array;
  withholdBelow: Float64Array;
  priority: Float64Array;
  // unit types and units
  typeIds: string[];
  nUnits: number;
  unitIds: string[];
  uType: Int16Array;
  uOwner: Int16Array;
  uDomain: Uint8Array;
  uSpeed: Float64Array;
  uPatrolSpeed: Float64Array;
  uFuelCap: Float64Array;
  uIdleFuel: Float64Array;
  uSupCap: Float64Array;
  uRange: Float64Array;
  uPDetect: Float64Array;
  uSweepHalf: Float64Array;
  uClass: Uint8Array;
  uFirepower: Float64Array;
  uStrength0: Float64Array;
  uCost: Float64Array;
  uCaveats: Uint8Array;
  uHome: Int16Array;
  uSidc: string[];
  /** The scenario inject (force flow) that brings the unit in; -1 present from the start. */
  uArrive: Int16Array;
  // bases
  nBases: number;
  baseIds: string[];
  bX: Float64Array;
  bY: Float64Array;
  bBerthX: Float64Array;
  bBerthY: Float64Array;
  bOwner: Int16Array;
  bCapFuel: Float64Array;
  bCapSup: Float64Array;
  bInFuel: Float64Array;
  bInSup: Float64Array;
  bUsers: Uint8Array;
  // geometry
  routes: Polyline[];
  zones: ZoneDef[];
  // places
  nPlaces: number;
  placeIds: string[];
  pX: Float64Array;
  pY: Float64Array;
  pKind: string[];
  pPop: Float64Array;
  pDelay: Int32Array;
  pReportP: Float64Array;
  pCountry: Int16Array;
  // threats
  groups: GroupDef[];
  /** Threat cell slots: the scenario's cells and spawn injects, then `liveCells` spare ones. */
  cellCap: number;
  /** Spare cell slots for spawn injects given live during play (never used by the scenario). */
  liveCells: number;
  // information, rights, command
  agreements: AgreementDef[];
  rights: RightDef[];
  taskForces: TaskForceDef[];
  /** Number of agreements written in the scenario; joint centres' channels follow them. */
  nTreaties: number;
  mechanisms: MechanismDef[];
  centres: CentreDef[];
  /**
   * [member * nActors + source]: the member sits in a joint centre that the source does not, so
   * the centre redistributes the member's tracks from that source.
   */
  centreRelay: Uint8Array;
  liaisons: LiaisonDef[];
  frameworks: FrameworkDef[];
  trainings: TrainingDef[];
  dialogues: DialogueDef[];
  /** Adjacent land codes (pairs a*256+b, a<b), for seam coverage. */
  borders: number[];
  traffic: TrafficDef[];
  vesselCap: number;
  supplyRuns: SupplyRunDef[];
  convoyCap: number;
  injectTicks: Int32Array;
  /** Scenario start in minutes since 1970 (for local solar time). */
  startMin: number;
}

export interface Msg {
  id: number;
  from: number;
  to: number;
  agreement: number;
  cell: number;
  x: number;
  y: number;
  seen: number;
  source: number;
  sent: number;
  arrive: number;
}

export interface State {
  tick: number;
  // units
  ux: Float64Array;
  uy: Float64Array;
  uPrevX: Float64Array;
  uPrevY: Float64Array;
  uFuel: Float64Array;
  uSup: Float64Array;
  uStr: Float64Array;
  uReady: Float64Array;
  uTask: Uint8Array;
  uTaskCell: Int32Array;
  uTaskNode: Int32Array;
  uTx: Float64Array;
  uTy: Float64Array;
  uPath: Array<number[] | null>;
  uPathIdx: Int32Array;
  uCommand: Int16Array;
  uStanding: Uint8Array;
  uStandingRef: Int16Array;
  uPursuit: Uint8Array;
  /** Actor whose territory the unit must leave after a right was withdrawn (-1 none). */
  uExit: Int16Array;
  uEngaged: Int32Array;
  uWait: Int32Array;
  uTerritory: Int16Array;
  uEscort: Int32Array;
  /** The base the unit returns to for resupply (home, or a nearer one it may use). */
  uBase: Int16Array;
  uMoved: Float64Array;
  /** Strength when the current engagement began (0 when not engaged). */
  uStrStart: Float64Array;
  /** ORDERED code: a unit under the player's orders is never tasked by a command node. */
  uOrdered: Uint8Array;
  /** Where the last move order sent the unit: it holds there. */
  uOrderX: Float64Array;
  uOrderY: Float64Array;
  // threat cells
  nCells: number;
  cGroup: Int16Array;
  cx: Float64Array;
  cy: Float64Array;
  cStr: Float64Array;
  cStrStart: Float64Array;
  cState: Uint8Array;
  cHaven: Int16Array;
  cHx: Float64Array;
  cHy: Float64Array;
  cTargetKind: Int8Array;
  cTarget: Int32Array;
  cTx: Float64Array;
  cTy: Float64Array;
  cRaid: Int32Array;
  cTimer: Int32Array;
  /** Convoy raids: the path index of the ambush point on the convoy's route (-1 none). */
  cAmbush: Int32Array;
  cRecruit: Float64Array;
  cPath: Array<number[] | null>;
  cPathIdx: Int32Array;
  raids: number;
  /** Awareness episode per cell and when it began. */
  cEp: Int32Array;
  cEpStart: Int32Array;
  episodes: number;
  // pictures: [actor * cellCap + cell]
  trX: Float64Array;
  trY: Float64Array;
  trSeen: Int32Array;
  trSource: Int16Array;
  trSent: Int32Array;
  /** Tick the actor became aware of the cell in the current episode. */
  trAware: Int32Array;
  trClass: Uint8Array;
  /** Pursuit crossings and shared successes waiting for the politics system. */
  politics: Array<{ kind: 'crossing' | 'success'; a: number; b: number; unit: number }>;
  /** Command assignments: [node * cellCap + cell] -> unit or -1. Nodes: actors, then task forces. */
  assigned: Int32Array;
  /** [node * cellCap + cell]: earliest tick to look for a unit again after finding none. */
  retryAt: Int32Array;
  // information
  msgs: Msg[];
  nextMsg: number;
  reports: Array<{ due: number; actor: number; cell: number; x: number; y: number }>;
  foundOut: Array<{ due: number; from: number; to: number }>;
  // bases, politics
  bFuel: Float64Array;
  bSup: Float64Array;
  agActive: Uint8Array;
  rightActive: Uint8Array;
  /** Per Def.mechanisms: running (1) or not. */
  mechActive: Uint8Array;
  /** [organisation * nActors + actor]: a current member (withdrawals clear it). */
  member: Uint8Array;
  /** Task forces' decision latency, ticks (consensus friction follows the current members). */
  tfDecisionTicks: Int32Array;
  /** The readiness each nation's units recover towards (capacity building raises it). */
  readinessNorm: Float64Array;
  /** Zone owners (a withdrawal may hand a sector to another member, or leave it with none). */
  zoneOwner: Int16Array;
  trust: Float64Array;
  budget: Float64Array;
  closedUntil: Int32Array;
  /** Per actor: 1 when its national staff tasks its units to tracks (the default), 0 when not. */
  autoTasking: Uint8Array;
  /**
   * Injects given live during play, in the order they fired. An inject event's index at or past
   * the scenario's inject count refers here (`injectAt`).
   */
  liveInjects: Inject[];
  // traffic vessels
  vAlive: Uint8Array;
  vTraffic: Int16Array;
  vDir: Int8Array;
  vDist: Float64Array;
  vx: Float64Array;
  vy: Float64Array;
  trafficAcc: Float64Array;
  // convoys
  kAlive: Uint8Array;
  kRun: Int16Array;
  kx: Float64Array;
  ky: Float64Array;
  kIdx: Int32Array;
  kFuel: Float64Array;
  kSup: Float64Array;
  runNext: Int32Array;
  costAcc: Float64Array;
}

/** Movement permissions derived from rights (rebuilt whenever a right changes). */
export interface Permits {
  /** [actor][domain] -> allowed[code] for ordinary movement. */
  move: Uint8Array[][];
  /** Same, while in hot pursuit. */
  pursuit: Uint8Array[][];
  /** [actor][code] -> hot-pursuit depth in km (0 none). */
  pursuitDepth: Float32Array[];
  /** [code pair a*256+b, a<b]: pursuit is possible both ways across that border (seam cover). */
  seamCovered: Uint8Array;
  /** [base * nActors + actor] may resupply there. */
  baseUse: Uint8Array;
  /** Per task force: the codes of its mandate (its organisation's current members' territory). */
  taskForce: Uint8Array[];
}

export interface World {
  def: Def;
  s: State;
  rng: Streams;
  log: EventLog;
  permits: Permits;
  pathfinder: PathFinder;
  unitGrid: SpatialGrid;
  /**
   * Engagement built the unit grid after units moved, and nothing has moved since (false
   * until then and after a restore): the next tick rebuilds it only if the living units
   * changed (session.ts).
   */
  unitGridFresh: boolean;
  cellGrid: SpatialGrid;
  /** Scratch: units per command node (rebuilt each tick by the command system). */
  nodeUnits: number[][];
  /** Zones closed by weather, as bit masks per domain (rebuilt each tick). */
  closedBits: Uint32Array;
  /** Scratch include-masks for the spatial grids. */
  unitInclude: Uint8Array;
  cellInclude: Uint8Array;
  /** Orders not yet applied, sorted by tick. */
  pendingOrders: Order[];
}

export type Order =
  | { tick: number; kind: 'set-agreement'; agreement: string; active: boolean }
  | { tick: number; kind: 'set-right'; right: string; active: boolean }
  | { tick: number; kind: 'set-mechanism'; mechanism: string; active: boolean }
  | { tick: number; kind: 'move'; unit: string; position: [number, number] }
  | { tick: number; kind: 'patrol-area'; unit: string; zone: string }
  | { tick: number; kind: 'return'; unit: string }
  | { tick: number; kind: 'assign'; unit: string; command: string }
  | { tick: number; kind: 'set-trust'; from: string; to: string; value: number }
  /** A live MSEL inject: fires at the order's tick (its `at` is kept as written). */
  | { tick: number; kind: 'inject'; inject: Inject }
  /** Whether the actor's national staff tasks its units to tracks (task forces unaffected). */
  | { tick: number; kind: 'auto-tasking'; actor: string; on: boolean }
  /** A unit under the player's orders goes back to its staff's tasking and standing task. */
  | { tick: number; kind: 'release'; unit: string };

/** The inject an event's index names: the scenario's, then the live ones in firing order. */
export function injectAt(def: Def, s: State, i: number): Inject | undefined {
  const n = def.scenario.injects.length;
  return i < n ? def.scenario.injects[i] : s.liveInjects[i - n];
}

export function cellIndex(def: Def, actor: number, cell: number): number {
  return actor * def.cellCap + cell;
}
