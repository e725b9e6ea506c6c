// The exercise as the app shows it (its own small store beside the session store): which role
// holds the screen, whether the hand-over card hides it, and the exercise view the engine gave
// that role (turn, cards, proposals; for the white cell the MSEL and acknowledgements).
// Framework-free (zustand vanilla); React reads it through useExercise (react.ts).
import { createStore } from 'zustand/vanilla';
import type { ExerciseView } from '../../workers/exercise-view';

export interface ExerciseState {
  /** Whether an exercise (roles, turns, MSEL) is running; false in a planner's run. */
  active: boolean;
  /** The role whose view the screen shows: 'white' or an actor id. */
  role: string;
  /** Hot seat: the hand-over card hides the screen until the next role reveals it. */
  handover: { to: string | null } | null;
  view: ExerciseView | null;
  /** The session's id in this browser's storage (URL `session=`). */
  sessionId: string;
  /** Whether the URL names the session (an exercise or an opened session file) or the run. */
  saved: boolean;
}

export const exerciseStore = createStore<ExerciseState>()(() => ({
  active: false,
  role: 'white',
  handover: null,
  view: null,
  sessionId: '',
  saved: false,
}));

export const getExercise = (): ExerciseState => exerciseStore.getState();

export function setExercise(patch: Partial<ExerciseState>): void {
  exerciseStore.setState(patch);
}
