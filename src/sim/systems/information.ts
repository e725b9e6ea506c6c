// System 5: information flow. Messages that arrive this tick update the recipient's picture;
// then every actor shares what it newly learned over its active agreements: in scope, under
// the classification ceiling, not withheld for low trust, and lost with 1 − reliability.
// Nations share their own observations; organisations (fusion centres, joint HQs) relay, and
// a joint centre's channels also carry what a member learnt from partners outside the centre.
// Messages in flight are State (the map draws them). Stream: info.

import { CELL } from '../codes';
import { observe } from '../picture';
import type { Msg, World } from '../world';
import { latencyTicks } from './mechanisms';

/** A track is shared again when the observation is this much newer than the last one shared. */
const RESEND_MIN = 60;

function send(w: World, from: number, to: number, agreement: number, cell: number): void {
  const { def, s } = w;
  const rng = w.rng.info;
  const ag = def.agreements[agreement]!;
  const i = from * def.cellCap + cell;
  const source = s.trSource[i]!;
  if (source === to) return; // never echo a track to the actor it came from
  const g = def.groups[s.cGroup[cell]!]!;
  if (!(ag.scope & (1 << g.kindIndex))) return;
  if (s.trClass[i]! > ag.ceiling) {
    w.log.push(s.tick, 'msg-withheld', { from, to, agreement, cell, reason: 'classification' });
    return;
  }
  const nA = def.nActors;
  if (
    s.trust[from * nA + to]! < def.withholdBelow[from]! &&
    rng() < def.sovereignty[from]! * ag.withholding
  ) {
    w.log.push(s.tick, 'msg-withheld', { from, to, agreement, cell, reason: 'trust' });
    if (rng() < def.scenario.politics.pWithheldFoundOut) {
      s.foundOut.push({
        due: s.tick + 1 + Math.floor(rng() * ((48 * 60) / def.tickMinutes)),
        from,
        to,
      });
    }
    return;
  }
  const lost = rng() >= ag.reliability;
  const msg: Msg = {
    id: s.nextMsg++,
    from,
    to,
    agreement,
    cell,
    x: s.trX[i]!,
    y: s.trY[i]!,
    seen: s.trSeen[i]!,
    source,
    sent: s.tick,
    arrive: s.tick + latencyTicks(w, agreement),
  };
  if (lost) msg.source = -2; // marks a message that will not arrive
  s.msgs.push(msg);
  w.log.push(s.tick, 'msg-send', { msg: msg.id, from, to, agreement, cell, arrive: msg.arrive });
}

export function runInformation(w: World): void {
  const { def, s } = w;
  // Arrivals.
  if (s.msgs.length) {
    const inFlight: Msg[] = [];
    for (const m of s.msgs) {
      if (m.arrive > s.tick) {
        inFlight.push(m);
        continue;
      }
      if (m.source === -2) {
        w.log.push(s.tick, 'msg-lost', {
          msg: m.id,
          from: m.from,
          to: m.to,
          agreement: m.agreement,
          cell: m.cell,
        });
        continue;
      }
      w.log.push(s.tick, 'msg-arrive', { msg: m.id, from: m.from, to: m.to, cell: m.cell });
      if (s.cState[m.cell]! >= CELL.dead) continue;
      const cls = s.trClass[m.from * def.cellCap + m.cell]!;
      observe(w, m.to, m.cell, m.x, m.y, m.seen, m.source, cls, 'message');
    }
    s.msgs = inFlight;
  }
  // Sharing.
  const resend = Math.max(1, Math.round(RESEND_MIN / def.tickMinutes));
  const cap = def.cellCap;
  for (let a = 0; a < def.nActors; a++) {
    if (!def.participant[a]) continue;
    const relay = def.isOrg[a] === 1;
    for (let c = 0; c < s.nCells; c++) {
      const i = a * cap + c;
      const seen = s.trSeen[i]!;
      if (seen < 0 || s.cState[c]! >= CELL.dead) continue;
      const source = s.trSource[i]!;
      const own = source === a;
      // A joint centre also redistributes what a member learnt from outside the centre.
      if (!own && !relay && !def.centreRelay[a * def.nActors + source]) continue;
      // Share news only: an observation at least `resend` newer than the last one shared.
      if (seen < s.trSent[i]! + resend) continue;
      s.trSent[i] = seen;
      for (let k = 0; k < def.agreements.length; k++) {
        if (!s.agActive[k]) continue;
        const ag = def.agreements[k]!;
        if (!own && !relay && ag.centre < 0) continue;
        if (ag.from === a) send(w, a, ag.to, k, c);
        else if (ag.bidirectional && ag.to === a) send(w, a, ag.from, k, c);
      }
    }
  }
}
