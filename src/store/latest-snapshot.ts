// The latest snapshot from the worker, held OUTSIDE the immer store: its typed arrays would
// be walked, frozen and copied by immer for nothing. Panels read it when the store's
// `snapshotSeq` changes; the store itself holds only the small values `summarize` derives.

import type { Snapshot } from '../sim/snapshot';
import type { NamedEvent } from './feed';

let latest: Snapshot | null = null;

export function setLatestSnapshot(snap: Snapshot | null): void {
  latest = snap;
}

export function getLatestSnapshot(): Snapshot | null {
  return latest;
}

/** What the store keeps of a snapshot. */
export interface SnapshotSummary {
  tick: number;
  hash: string;
  view: number;
  /** trust[a][b]; null where the view may not know (other actors' rows in an actor's view). */
  trust: Array<Array<number | null>>;
  agreementsActive: boolean[];
  rightsActive: boolean[];
  mechanismsActive: boolean[];
  /** Named events the view may know that are new since the previous snapshot. */
  events: NamedEvent[];
}

export function summarize(snap: Snapshot): SnapshotSummary {
  const n = Math.round(Math.sqrt(snap.trust.length));
  const trust: Array<Array<number | null>> = [];
  for (let a = 0; a < n; a++) {
    const row: Array<number | null> = [];
    for (let b = 0; b < n; b++) {
      const v = snap.trust[a * n + b]!;
      row.push(Number.isNaN(v) ? null : Math.round(v * 1000) / 1000);
    }
    trust.push(row);
  }
  return {
    tick: snap.tick,
    hash: snap.hash,
    view: snap.view,
    trust,
    agreementsActive: Array.from(snap.agreementsActive, (v) => v !== 0),
    rightsActive: Array.from(snap.rightsActive, (v) => v !== 0),
    mechanismsActive: Array.from(snap.mechanismsActive, (v) => v !== 0),
    events: snap.events,
  };
}
