// React binding of the order UI's store (src/store/orders.ts): select primitives or stable
// references, as with useSession.
import { useStore } from 'zustand';
import { type OrdersState, ordersStore } from '../../store/orders';

export function useOrders<T>(selector: (s: OrdersState) => T): T {
  return useStore(ordersStore, selector);
}
