// System 9: politics. Trust moves with what happened: shared successes (an interdiction on a
// track that came from a partner) raise it both ways; withheld information found out lowers
// the victim's trust in the withholder; a pursuit into a partner's territory may become a
// sovereignty incident (chance = the host's sovereignty sensitivity × ½) that lowers the
// host's trust in the pursuer. Readiness recovers at base, wears on short supplies; then the
// coordination mechanisms act (mechanisms.ts). Stream: politics.

import { TASK } from '../codes';
import type { World } from '../world';
import { runMechanisms } from './mechanisms';
import { adjustTrust as adjust } from './trust';

/** Readiness regained per hour idle at base, and lost per hour on short supplies. */
const READINESS_PER_H = 0.008;
/** Readiness never wears below this. */
const READINESS_FLOOR = 0.2;

export function runPolitics(w: World): void {
  const { def, s } = w;
  const rng = w.rng.politics;
  const p = def.scenario.politics;
  if (s.foundOut.length) {
    const keep: typeof s.foundOut = [];
    for (const f of s.foundOut) {
      if (f.due > s.tick) {
        keep.push(f);
        continue;
      }
      w.log.push(s.tick, 'withheld-found', { from: f.from, to: f.to });
      adjust(w, f.to, f.from, -p.trustLossWithheld, 'withheld');
    }
    s.foundOut = keep;
  }
  for (const e of s.politics) {
    if (e.kind === 'crossing') {
      if (rng() < def.sovereignty[e.a]! * 0.5) {
        w.log.push(s.tick, 'sovereignty-incident', { unit: e.unit, grantor: e.a, grantee: e.b });
        adjust(w, e.a, e.b, -p.trustLossSovereigntyIncident, 'sovereignty');
      }
    } else {
      // A success by e.a on a track supplied by partner e.b.
      if (e.b >= 0 && e.b !== e.a) {
        adjust(w, e.a, e.b, p.trustGainSharedSuccess, 'shared-success');
        adjust(w, e.b, e.a, p.trustGainSharedSuccess, 'shared-success');
      }
    }
  }
  s.politics.length = 0;
  // Readiness recovers at base towards the nation's norm and wears down on short supplies.
  const step = READINESS_PER_H * def.dtH;
  for (let u = 0; u < def.nUnits; u++) {
    if (s.uTask[u] === TASK.idle) {
      const norm = s.readinessNorm[def.uOwner[u]!]!;
      if (s.uReady[u]! < norm) s.uReady[u] = Math.min(norm, s.uReady[u]! + step);
    } else if (s.uSup[u]! < 1) {
      s.uReady[u] = Math.max(READINESS_FLOOR, s.uReady[u]! - step);
    }
  }
  runMechanisms(w);
}
