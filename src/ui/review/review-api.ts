// The review's engine API: the session API (workers/session-api.ts) plus what the review needs
// of a saved session opened in a worker of its own, so the live exercise is never touched:
// - replay: `reviewSeek` moves the engine itself (checkpoints, recorded orders) and never the
//   exercise host's clock, which would fire MSEL entries and, through a new order, cut off the
//   recorded future;
// - the after-action report data and the event GeoJSON, from one more pass over the session;
// - "what if": a branch from any tick with other orders, run to a tick beside the recorded
//   session continued to the same tick, and both branches' core metrics.
// Plain async class (no DOM): the review worker wraps it with comlink; Node can call it as is.

import { type OrderResult, SessionApi, type TickResult } from '../../../workers/session-api';
import { type AfterActionReport, afterActionReport } from '../../exercise/aar';
import { type BranchOrder, branchTicks, type Comparison } from '../../exercise/aar-branch';
import { type EventFeatures, geoJsonProbe } from '../../exercise/geojson';
import type { SessionFile } from '../../exercise/session-file';
import type { Order } from '../../sim/world';

export interface ReviewData {
  aar: AfterActionReport;
  geojson: EventFeatures;
}

export class ReviewApi extends SessionApi {
  private branch: {
    file: SessionFile;
    from: number;
    orders: BranchOrder[];
    /** The engine stands at `from` with `orders` given (false after a comparison ran it on). */
    ready: boolean;
  } | null = null;

  /** Replays to any tick of the recorded session (the engine's seek, not the host's clock). */
  async reviewSeek(tick: number): Promise<TickResult> {
    const s = this.session;
    s.seek(Math.max(0, Math.min(Math.round(tick), s.totalTicks)));
    return { tick: s.tick, hash: s.hash() };
  }

  /** The after-action report data and the event GeoJSON, in one pass; leaves the engine at the session's end. */
  async reviewData(): Promise<ReviewData> {
    const file = await this.saveFile();
    const geo = geoJsonProbe(this.session.world);
    const aar = afterActionReport(file, this.session, { probes: [geo] });
    return { aar, geojson: geo.result() };
  }

  /**
   * Runs on to `tick` through the exercise's own clock (MSEL entries fire at their times and
   * triggers, turns execute): a branch, or the recorded session past its end.
   */
  async runOn(tick: number): Promise<TickResult> {
    const s = this.session;
    const target = Math.min(Math.round(tick), s.totalTicks);
    for (let guard = 0; s.tick < target && guard < 100_000; guard++) {
      const turn = (await this.exercise('white')).turn;
      if (turn.phase === 'ended') break;
      if (turn.mode === 'turns' && turn.phase === 'planning' && !(await this.execute(true)).ok)
        break;
      const before = s.tick;
      await this.runTo(target);
      if (s.tick === before) break;
    }
    return { tick: s.tick, hash: s.hash() };
  }

  /** A new branch: the saved session opened here and sought back to `tick`. */
  async branchFrom(file: SessionFile, tick: number): Promise<OrderResult> {
    const r = await this.openSession(file);
    if (!r.ok) return { ok: false, error: r.problems.join('\n') };
    const from = Math.max(0, Math.min(Math.round(tick), file.tick));
    await this.reviewSeek(from);
    this.branch = { file, from, orders: [], ready: true };
    return { ok: true };
  }

  /** Gives an order in the branch at its tick, checked for the role as in play. */
  async branchOrder(order: Order, role: string): Promise<OrderResult> {
    const b = this.branch;
    if (!b) return { ok: false, error: 'no branch: choose a tick and "What if from here" first' };
    await this.prepare();
    const r = await this.order({ ...order, tick: b.from } as Order, role);
    if (r.ok) b.orders.push({ role, order: { ...order, tick: b.from } as Order });
    return r;
  }

  /** The orders given in the branch so far. */
  async branchOrders(): Promise<BranchOrder[]> {
    return this.branch?.orders.map((o) => ({ ...o })) ?? [];
  }

  /**
   * Runs the branch and the recorded session to the same tick and compares their core
   * metrics. The recorded session comes from the same file opened afresh (past its end it
   * continues as the exercise would: MSEL entries at their times, no new orders).
   */
  async compare(tick: number): Promise<Comparison> {
    const b = this.branch;
    if (!b) throw new Error('no branch: call branchFrom first');
    const to = Math.max(b.from + 1, Math.min(Math.round(tick), this.session.totalTicks));
    const ticks = branchTicks(b.from, to, this.session.def.tickMinutes);
    const refused = await this.prepare();
    await this.runOn(to);
    const branch = await this.metrics();
    const branchSeries = await this.metricsAt(ticks.filter((t) => t <= this.session.tick));
    // The recorded session, to the same tick.
    const r = await this.openSession(b.file);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    if (to <= b.file.tick) await this.reviewSeek(to);
    else await this.runOn(to);
    const recorded = await this.metrics();
    const recordedSeries = await this.metricsAt(ticks.filter((t) => t <= this.session.tick));
    b.ready = false;
    const n = Math.min(branchSeries.length, recordedSeries.length);
    return {
      tick: this.session.tick,
      from: b.from,
      recorded,
      branch,
      series: {
        ticks: ticks.slice(0, n),
        recorded: recordedSeries.slice(0, n),
        branch: branchSeries.slice(0, n),
      },
      refused,
    };
  }

  /** Puts the branch engine back at the branch point with its orders (after a comparison). */
  private async prepare(): Promise<Array<{ index: number; error: string }>> {
    const b = this.branch;
    if (!b || b.ready) return [];
    const r = await this.openSession(b.file);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    await this.reviewSeek(b.from);
    const refused: Array<{ index: number; error: string }> = [];
    for (const [index, o] of b.orders.entries()) {
      const x = await this.order(o.order, o.role);
      if (!x.ok) refused.push({ index, error: x.error });
    }
    b.ready = true;
    return refused;
  }
}
