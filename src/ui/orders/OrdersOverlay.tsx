// Orders on the map, mounted in the map area: the units dock, the order menu, the callout at
// the unit, the point-picking hint. Keeps the map's pending legs in step with the orders given
// on this screen, and forgets all of it when another scenario or role takes the screen.
//
// Keys (routed from App.tsx through `ordersKey`, only when nothing else takes them):
//   M      move the selected unit: the next click on the map is where it goes (M again or Esc cancels)
//   O      the selected unit's order menu (arrows, Home/End, Enter; Esc or Tab closes)
//   U      the units list, focused on its search (Enter selects the first match)
//   Esc    cancels picking, closes the menu, dismisses the refusal at the unit
// Right-click on the map: the selected unit's menu at that point (Move here, Patrol …, Return to
// base, Assign to …, Release to staff).
import { useEffect } from 'react';
import type { PendingLeg } from '../../map/types';
import { currentMap } from '../../store/bridge';
import { ordersStore, pendingLeg, prunePending, resetOrdersUi } from '../../store/orders';
import { useSession } from '../../store/react';
import { getSession, sessionStore } from '../../store/session';
import { cancelPicking } from './actions';
import { OrderCallout, PickHint } from './OrderCallout';
import { OrderMenu } from './OrderMenu';
import { UnitsDock } from './UnitsDock';

export { onMapContextMenu, ordersKey } from './actions';

/** The map's pending legs from the orders given on this screen. */
function pushPending(): void {
  const d = getSession().description;
  const map = currentMap();
  if (!map || !d) return;
  const legs = ordersStore
    .getState()
    .pending.map((p) => pendingLeg(p, d))
    .filter((l): l is PendingLeg => l !== null);
  map.setPendingOrders(legs);
}

export function OrdersOverlay() {
  const d = useSession((s) => s.description);
  useEffect(() => {
    // A new description: another scenario, or another role on screen (hot seat).
    if (d) resetOrdersUi();
  }, [d]);
  useEffect(() => {
    const offTick = sessionStore.subscribe((s, prev) => {
      if (s.tick !== prev.tick) prunePending(s.tick);
      // A snapshot (or a new map) came in: the map gets the pending legs again.
      if (s.snapshotSeq !== prev.snapshotSeq) pushPending();
    });
    const offPending = ordersStore.subscribe((s, prev) => {
      if (s.pending !== prev.pending) pushPending();
    });
    // Escape cancels point picking wherever focus is (the Move button keeps it after a click).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || ordersStore.getState().picking < 0) return;
      e.preventDefault();
      cancelPicking();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offTick();
      offPending();
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  return (
    <>
      <UnitsDock />
      <PickHint />
      <OrderMenu />
      <OrderCallout />
    </>
  );
}
