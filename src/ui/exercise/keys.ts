// When the app's keyboard shortcuts must stay quiet: a dialog or the hand-over card is open, or
// a control has focus (Space presses the button, arrows move the slider). The clock's keys
// (Space, arrows, N) are also quiet while a played role holds the screen (the clock is the white
// cell's); the map's keys (orders, measuring, help) serve every role.

import { getExercise } from '../../store/exercise';
import { WHITE } from '../../store/exercise-commands';

const CONTROL = 'button, a[href], [role="switch"], [role="tab"], [role="slider"], summary';

/** The clock's keys. */
export function shortcutsBlocked(e: KeyboardEvent): boolean {
  const ex = getExercise();
  if (ex.active && ex.role !== WHITE) return true;
  return mapKeysBlocked(e);
}

/** The map's keys: orders, measuring, help. */
export function mapKeysBlocked(e: KeyboardEvent): boolean {
  if (getExercise().handover) return true;
  if (document.querySelector('dialog[open], [aria-modal="true"]')) return true;
  const t = e.target;
  return t instanceof Element && t.closest(CONTROL) !== null;
}
