// Rebuilding movement permits after a right changes: units caught abroad head home.
import { buildPermits, unitsToWithdraw } from '../sovereignty';
import type { World } from '../world';
import { sendHome } from './units';

export function rebuildPermits(w: World): void {
  w.permits = buildPermits(w.def, w.s);
  for (const u of unitsToWithdraw(w)) sendHome(w, u);
}
