// The exercise commands bound to the browser's one app session (bridge.ts).
import { app } from '../../store/bridge';
import { createExerciseCommands } from '../../store/exercise-commands';

export const ex = createExerciseCommands(app);
