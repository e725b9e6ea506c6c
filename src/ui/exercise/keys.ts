// When the app's keyboard shortcuts (Space, arrows, N: the clock) must stay quiet: a dialog or
// the hand-over card is open, a control has focus (Space presses the button, arrows move the
// slider), or a played role holds the screen (the clock is the white cell's).

import { getExercise } from '../../store/exercise';
import { WHITE } from '../../store/exercise-commands';

const CONTROL = 'button, a[href], [role="switch"], [role="tab"], [role="slider"], summary';

export function shortcutsBlocked(e: KeyboardEvent): boolean {
  const ex = getExercise();
  if (ex.handover) return true;
  if (ex.active && ex.role !== WHITE) return true;
  if (document.querySelector('dialog[open], [aria-modal="true"]')) return true;
  const t = e.target;
  return t instanceof Element && t.closest(CONTROL) !== null;
}
