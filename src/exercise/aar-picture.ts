// Each actor's picture against the ground truth, sampled during the report's pass
// (aar-probe.ts) at the report's sample ticks. For every participant actor a, with K_a the live
// threat cells it holds a fresh track of (the engine's `knows`: seen within FRESH_HOURS):
// - completeness: |K_a| / live cells (1 when there are none) — the engine's own hourly `cop`
//   sample per actor, so the series equals breakdown.ts's completenessSeries on the hour;
// - divergence: the mean, over the other participants b with K_a ∪ K_b non-empty, of the
//   Jaccard distance |K_a △ K_b| / |K_a ∪ K_b| (how far a's picture is from each partner's;
//   the engine's `pictureDivergence` metric is the mean of the same distance over all pairs);
//   null when no partner comparison is possible;
// - errorKm: the mean distance between where a's tracks put the cells of K_a and where they
//   really were (null when K_a is empty) — what they knew against what was true;
// - ageH: the mean age of those tracks, hours since last seen (null when K_a is empty);
// - phantoms: fresh tracks of cells that no longer exist (destroyed): threats a still believes in.

import { CELL } from '../sim/codes';
import { freshTicks } from '../sim/picture';
import type { World } from '../sim/world';
import type { Probe } from './aar-probe';

export interface ActorPicture {
  completeness: number[];
  divergence: Array<number | null>;
  errorKm: Array<number | null>;
  ageH: Array<number | null>;
  phantoms: number[];
}

export interface PictureSeries {
  /** Sample ticks and hours after the start. */
  ticks: number[];
  hours: number[];
  /** Participant actor ids, in the engine's order. */
  actors: string[];
  byActor: Record<string, ActorPicture>;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const r4 = (v: number) => Math.round(v * 10000) / 10000;

export function pictureProbe(
  w0: World,
  samples: readonly number[],
): Probe & {
  result(): PictureSeries;
} {
  const def = w0.def;
  const participants: number[] = [];
  for (let a = 0; a < def.nActors; a++) if (def.participant[a]) participants.push(a);
  const out: PictureSeries = {
    ticks: [],
    hours: [],
    actors: participants.map((a) => def.actorIds[a]!),
    byActor: {},
  };
  for (const a of participants)
    out.byActor[def.actorIds[a]!] = {
      completeness: [],
      divergence: [],
      errorKm: [],
      ageH: [],
      phantoms: [],
    };
  const due = new Set(samples);
  const h = def.tickMinutes / 60;

  const sample = (w: World) => {
    const { s } = w;
    const fresh = freshTicks(w);
    // The tick just run: the engine's own sample (systems/sample.ts) looks at it before the
    // clock moves on, so freshness is judged from it as `knows` does there.
    const now = s.tick - 1;
    const cap = def.cellCap;
    const n = s.nCells;
    let alive = 0;
    for (let c = 0; c < n; c++) if (s.cState[c]! < CELL.dead) alive++;
    const rows: Uint8Array[] = [];
    const sizes: number[] = [];
    for (const a of participants) {
      const row = new Uint8Array(n);
      let known = 0;
      let err = 0;
      let age = 0;
      let phantoms = 0;
      for (let c = 0; c < n; c++) {
        const i = a * cap + c;
        const seen = s.trSeen[i]!;
        if (seen < 0 || now - seen > fresh) continue;
        if (s.cState[c]! >= CELL.dead) {
          if (s.cState[c] === CELL.dead) phantoms++;
          continue;
        }
        row[c] = 1;
        known++;
        err += Math.hypot(s.trX[i]! - s.cx[c]!, s.trY[i]! - s.cy[c]!);
        age += (now - seen) * h;
      }
      rows.push(row);
      sizes.push(known);
      const p = out.byActor[def.actorIds[a]!]!;
      p.completeness.push(alive ? r4(known / alive) : 1);
      p.errorKm.push(known ? r3(err / known) : null);
      p.ageH.push(known ? r3(age / known) : null);
      p.phantoms.push(phantoms);
    }
    participants.forEach((a, i) => {
      let sum = 0;
      let pairs = 0;
      for (let j = 0; j < rows.length; j++) {
        if (j === i) continue;
        let either = 0;
        let one = 0;
        const x = rows[i]!;
        const y = rows[j]!;
        for (let c = 0; c < n; c++) {
          if (x[c] || y[c]) either++;
          if (x[c] !== y[c]) one++;
        }
        if (!either) continue;
        sum += one / either;
        pairs++;
      }
      out.byActor[def.actorIds[a]!]!.divergence.push(pairs ? r4(sum / pairs) : null);
    });
    out.ticks.push(s.tick);
    out.hours.push(r3(s.tick * h));
  };

  return {
    tick(w) {
      if (due.has(w.s.tick)) sample(w);
    },
    result: () => out,
  };
}
