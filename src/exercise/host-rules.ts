// Which orders a role may give at all, before the engine's own checks (order-check.ts): the
// white cell fires injects, switches automatic tasking and sets trust; a player suspends its
// own agreements and rights directly, but signing or restoring one takes the other party's
// consent, so it goes through a proposal (proposals.ts).
import type { Order } from '../sim/world';

/** 'ok', or why not in words. */
export type OrderDecision = 'ok' | string;

const WHITE_ONLY = new Set<Order['kind']>(['inject', 'auto-tasking', 'set-trust']);

export function roleMayGive(white: boolean, o: Order): OrderDecision {
  if (white) return 'ok';
  if (WHITE_ONLY.has(o.kind)) return `only the white cell gives "${o.kind}" orders`;
  if ((o.kind === 'set-agreement' || o.kind === 'set-right') && o.active)
    return `signing or restoring takes the other party's consent: propose it instead`;
  return 'ok';
}
