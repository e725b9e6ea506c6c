// An open/closed switch remembered in localStorage (the key and the view banner's details stay
// as the trainer left them on the next visit). Storage may be unavailable (private mode, a
// sandboxed frame): then the switch simply starts open.
import { useCallback, useState } from 'react';

function read(key: string): boolean | null {
  try {
    const v = localStorage.getItem(key);
    return v === 'open' ? true : v === 'closed' ? false : null;
  } catch {
    return null;
  }
}

/** [open, setOpen] for a panel, remembered under `key` ('open' / 'closed'). */
export function useStoredToggle(key: string, initial = true): [boolean, (open: boolean) => void] {
  const [open, setState] = useState(() => read(key) ?? initial);
  const set = useCallback(
    (v: boolean) => {
      setState(v);
      try {
        localStorage.setItem(key, v ? 'open' : 'closed');
      } catch {
        // Not remembered; the switch still works for this visit.
      }
    },
    [key],
  );
  return [open, set];
}
