// React binding of the map tools' store (src/store/map-tools.ts): select primitives or stable
// references, as with useSession.
import { useStore } from 'zustand';
import { type MapToolsState, mapToolsStore } from '../../store/map-tools';

export function useMapTools<T>(selector: (s: MapToolsState) => T): T {
  return useStore(mapToolsStore, selector);
}
