// The scenario's unit entries in the engine's order: its `units`, then the units of each
// force-flow inject in inject order (they exist from load, inactive until their inject fires).
// build-units.ts expands each entry's `count` in this order; everything that maps a unit index back
// to its entry (names, initial command) walks the same list.
import type { Scenario, Unit } from '../scenario/schema';

export interface UnitEntry {
  unit: Unit;
  /** The scenario inject whose firing brings it in; -1 for units present from the start. */
  inject: number;
}

export function unitEntries(sc: Scenario): UnitEntry[] {
  const out: UnitEntry[] = sc.units.map((unit) => ({ unit, inject: -1 }));
  sc.injects.forEach((inj, i) => {
    if (inj.kind === 'force-flow') for (const unit of inj.units) out.push({ unit, inject: i });
  });
  return out;
}
