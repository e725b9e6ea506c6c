// "Author": opens author mode (build or edit a scenario on the map) from a planner's run. Not
// during an exercise (the exercise's roles and record stay as they are) nor on a classroom
// device. The start dialog is loaded with author mode, on first use.
import { lazy, Suspense, useState } from 'react';
import { useClassroom, useExercise, useSession } from '../../store/react';
// Author mode's styles load with its button: the start dialog opens before author mode does.
import './author.css';

const StartDialog = lazy(() => import('./StartDialog').then((m) => ({ default: m.StartDialog })));

export function AuthorButton() {
  const [starting, setStarting] = useState(false);
  const exercise = useExercise((s) => s.active);
  const remote = useClassroom((c) => c.remote);
  const ready = useSession((s) => s.status.phase !== 'loading');
  if (exercise || remote || !ready) return null;
  return (
    <>
      <button
        type="button"
        className="au-launch"
        onClick={() => setStarting(true)}
        title="Author mode: build your own exercise on the map, or edit a scenario"
      >
        Author
      </button>
      {starting && (
        <Suspense fallback={null}>
          <StartDialog onClose={() => setStarting(false)} />
        </Suspense>
      )}
    </>
  );
}
