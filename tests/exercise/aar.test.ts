// After-action report data of a played session (tests/exercise/aar-session.ts): the replay pass
// reproduces the recorded hash and leaves the session where it was; the timeline holds the
// injects fired exactly as the record lists them; every recorded order appears once with an
// outcome in words; the metric series end on the session's own metrics; each actor's picture
// completeness equals the engine's hourly sample; the per-actor totals add up.
import { beforeAll, describe, expect, it } from 'vitest';
import { type AfterActionReport, afterActionReport } from '../../src/exercise/aar';
import { sampleTicks } from '../../src/exercise/aar-probe';
import { computeBreakdown } from '../../src/sim/breakdown';
import { computeMetrics } from '../../src/sim/metrics';
import { type Played, playedSession } from './aar-session';

let played: Played;
let aar: AfterActionReport;

beforeAll(async () => {
  played = await playedSession();
  aar = afterActionReport(played.file, played.session);
}, 120_000);

describe('the after-action report of a played session', () => {
  it('replays to the recorded hash and leaves the session at the end', () => {
    expect(aar.format).toBe('concord-aar');
    expect(aar.hash.verified).toBe(true);
    expect(aar.hash.replayed).toBe(played.file.hashes.at(-1)!.hash);
    expect(played.session.tick).toBe(played.file.tick);
    expect(played.session.hash()).toBe(played.host.session.hash());
    expect(aar.end).toMatchObject({
      tick: 288,
      dplus: 'D+3 00:00',
      dtg: '080000Z JAN 26',
      hours: 72,
    });
  });

  it('lists the injects fired exactly as the record does, with their MSEL subjects', () => {
    const fired = played.file.fired.map((f) => ({ serial: f.serial, tick: f.tick, by: f.by }));
    expect(fired.length).toBeGreaterThanOrEqual(3);
    expect(aar.injects.map((i) => ({ serial: i.serial, tick: i.tick, by: i.by }))).toEqual(fired);
    const onTimeline = aar.timeline
      .filter((e) => e.kind === 'inject')
      .map((e) => ({ serial: e.serial, tick: e.tick }));
    expect(onTimeline).toEqual(fired.map(({ serial, tick }) => ({ serial, tick })));
    const byHand = aar.injects.find((i) => i.serial === '3')!;
    expect(byHand.subject).toMatch(/Weather/);
    expect(byHand.acked).toEqual(['mali']);
    for (const e of aar.timeline) {
      expect(e.dplus).toMatch(/^D\+\d+ \d\d:\d\d$/);
      expect(e.dtg).toMatch(/^\d{6}Z [A-Z]{3} \d{2}$/);
    }
  });

  it('has the key events of the log: attacks, interdictions, switches by order', () => {
    const log = played.session.world.log.events;
    const attacks = log.filter((e) => e.k === 'attack').length;
    expect(attacks).toBeGreaterThan(0);
    expect(aar.timeline.filter((e) => e.kind === 'attack')).toHaveLength(attacks);
    expect(aar.timeline.filter((e) => e.kind === 'interdiction')).toHaveLength(
      aar.metrics.final.interdictions,
    );
    expect(aar.timeline.filter((e) => e.kind === 'prevented')).toHaveLength(
      aar.metrics.final.incidentsPrevented,
    );
    const suspended = aar.timeline.find((e) => e.kind === 'agreement')!;
    expect(suspended).toMatchObject({ tick: 8, actors: ['mali', 'niger'] });
    expect(suspended.text).toMatch(/suspended — order by Mali/);
    expect(aar.timeline.some((e) => e.kind === 'right' && /White cell/.test(e.text))).toBe(true);
    const ticks = aar.timeline.map((e) => e.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('gives every recorded order once, by its role, in words with an outcome', () => {
    const all = aar.orders.flatMap((r) => r.orders.map((o) => ({ ...o, group: r.role })));
    expect(all.map((o) => o.index).sort((a, b) => a - b)).toEqual(
      played.file.orders.map((_, i) => i),
    );
    for (const o of all) {
      expect(o.group).toBe(played.file.orders[o.index]!.role);
      expect(o.kind).toBe(played.file.orders[o.index]!.order.kind);
      expect(o.text.length).toBeGreaterThan(5);
      expect(o.outcome.length).toBeGreaterThan(5);
      expect(['done', 'partial', 'failed', 'pending', 'info']).toContain(o.status);
    }
    const find = (kind: string) => all.find((o) => o.kind === kind)!;
    // The move reached its point before the release (D+1 13:00) superseded it.
    expect(find('move').outcome).toMatch(/^arrived D\+0 \d\d:\d\d/);
    expect(find('move').status).toBe('done');
    expect(find('patrol-area').outcome).toMatch(/h on patrol \(\d+ % of it inside the zone\)/);
    expect(find('set-agreement').outcome).toMatch(
      /^suspended for the 70 h to the end: 0 tracks sent/,
    );
    expect(find('return').outcome).toMatch(/^at .+ D\+0/);
    expect(find('release').outcome).toMatch(/back with its staff/);
    const inject = all.find((o) => o.kind === 'inject' && /msel-3/.test(o.text))!;
    expect(inject.outcome).toMatch(/^fired — weather; MSEL 3 .* acknowledged by Mali of 3/);
  });

  it('has the core metrics over time, hourly, ending on the session’s metrics', () => {
    const m = aar.metrics;
    expect(m.ticks).toEqual(sampleTicks(288, 15, 400));
    expect(m.hours).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
    expect(m.final).toEqual(played.session.metrics());
    for (const k of ['incidents', 'copCompleteness', 'pictureDivergence'] as const)
      expect(m.values[k].at(-1)).toBe(m.final[k]);
    const at24 = computeMetrics(
      played.session.def,
      played.session.world.log.events.filter((e) => e.t < 96),
      96,
    );
    expect(m.values.incidents[23]).toBe(at24.incidents);
    expect(m.values.meanInfoLatencyH[23]).toBe(at24.meanInfoLatencyH);
  });

  it('keeps per-actor totals that add up and the engine’s breakdown', () => {
    const p = aar.perActor;
    const byCountry = played.session.world.log.events.filter(
      (e) => e.k === 'attack' && e.country >= 0,
    ).length;
    const sum = Object.values(p.incidents).reduce((s, xs) => s + xs.at(-1)!, 0);
    expect(sum).toBe(byCountry);
    expect(p.breakdown).toEqual(
      computeBreakdown(played.session.def, played.session.world.log.events, 288),
    );
  });

  it('measures each actor’s picture against the truth; completeness is the engine’s own sample', () => {
    const pic = aar.picture;
    const series = aar.perActor.breakdown.completenessSeries;
    expect(pic.hours).toEqual(series.hours);
    expect(pic.actors).toEqual(Object.keys(series.byActor));
    for (const id of pic.actors) {
      const a = pic.byActor[id]!;
      expect(a.completeness).toEqual(series.byActor[id]);
      for (const v of a.divergence) if (v !== null) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of a.divergence) if (v !== null) expect(v).toBeLessThanOrEqual(1);
      a.completeness.forEach((c, i) => {
        // A track error exists exactly when the actor knows of a live cell.
        expect(a.errorKm[i] === null).toBe(c === 0);
      });
    }
    expect(pic.summary.mali!.completeness).toBeGreaterThan(0);
    expect(pic.summary.mali!.errorKm).toBeGreaterThanOrEqual(0);
  });

  it('lists the bookmarks with who made them and the methods used', () => {
    expect(aar.bookmarks.map((b) => [b.tick, b.roleName, b.note])).toEqual([
      [48, 'White cell', 'Mali has suspended sharing with Niger'],
      [288, 'Mali', 'End of day 3'],
    ]);
    expect(aar.methods.map((m) => m.measure)).toContain('Picture divergence');
    // Plain data: survives JSON.
    expect(JSON.parse(JSON.stringify(aar))).toEqual(aar);
  });
});
