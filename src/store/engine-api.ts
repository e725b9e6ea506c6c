// The engine session as the app sees it, whatever runs it: the browser's sim worker over
// comlink, a SessionApi in the same process (Node tests), or (the classroom) a server over
// WebSocket. Every method is async and takes and returns plain data, so any transport fits.
import type { ExerciseView } from '../../workers/exercise-view';
import type {
  AdvanceResult,
  LoadOptions,
  LoadResult,
  OrderResult,
  RunUntilResult,
  SessionInfo,
  TickResult,
} from '../../workers/session-api';
import type { CreateOptions } from '../exercise/host';
import type { MselEntry } from '../exercise/msel';
import type { SessionFile } from '../exercise/session-file';
import type { WorldDescription } from '../sim/describe';
import type { Metrics } from '../sim/metrics';
import type { Snapshot } from '../sim/snapshot';
import type { Order } from '../sim/world';

export interface EngineApi {
  load(scenarioJson: unknown, opts: LoadOptions): Promise<LoadResult>;
  startExercise(o: CreateOptions): Promise<LoadResult>;
  openSession(doc: unknown, id?: string): Promise<LoadResult>;
  saveFile(): Promise<SessionFile>;
  step(n?: number): Promise<TickResult>;
  advance(ticks: number): Promise<AdvanceResult>;
  runUntil(kinds: string[], maxTicks: number, view?: number): Promise<RunUntilResult>;
  runTo(tick: number): Promise<TickResult>;
  seek(tick: number): Promise<TickResult>;
  order(order: Order, role?: string): Promise<OrderResult>;
  /** Why the engine would refuse this order from the role now, or null (a dry run). */
  checkOrder(order: Order, role?: string): Promise<string | null>;
  exercise(role?: string): Promise<ExerciseView>;
  setReady(role: string, ready: boolean): Promise<OrderResult>;
  execute(force?: boolean): Promise<OrderResult>;
  propose(
    role: string,
    target: { kind: 'agreement' | 'right'; id: string },
    active: boolean,
  ): Promise<OrderResult>;
  answer(role: string, id: string, accept: boolean): Promise<OrderResult>;
  ack(role: string, serial: string): Promise<OrderResult>;
  bookmark(role: string, note: string): Promise<OrderResult>;
  fireNow(serial: string): Promise<OrderResult>;
  setMsel(entries: MselEntry[]): Promise<OrderResult>;
  unlock(role: string, passcode: string): Promise<boolean>;
  snapshot(view: number, sinceEvent: number): Promise<Snapshot>;
  roleDescribe(actor: number): Promise<WorldDescription>;
  roleSnapshot(actor: number, sinceEvent: number): Promise<Snapshot>;
  roleEvents(actor: number, from: number, to?: number): Promise<Array<Record<string, unknown>>>;
  metrics(): Promise<Metrics>;
  metricsAt(ticks: number[]): Promise<Metrics[]>;
  events(from: number, to?: number, view?: number): Promise<Array<Record<string, unknown>>>;
  hash(): Promise<string>;
  info(): Promise<SessionInfo>;
}
