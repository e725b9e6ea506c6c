// The thin React binding: components read the session store through a selector and
// re-render only when what they select changes (compared with Object.is; select primitives
// or stable references, or wrap the selector in zustand's useShallow).
import { useStore } from 'zustand';
import { type SessionState, sessionStore } from './session';

export function useSession<T>(selector: (s: SessionState) => T): T {
  return useStore(sessionStore, selector);
}
