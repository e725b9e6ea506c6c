// "Review": opens review mode on the exercise as it stands (the white cell's; a player's screen
// never shows it, since the review shows every actor's picture and the ground truth).
import { useExercise, useSession } from '../../store/react';
import { review } from './review-bridge';
import './review.css';

export function ReviewButton() {
  const role = useExercise((s) => s.role);
  const ready = useSession((s) => s.status.phase === 'ready');
  if (role !== 'white' || !ready) return null;
  return (
    <button
      type="button"
      className="rv-launch"
      onClick={() => void review.open()}
      title="Replay this session, compare what each actor knew with the truth, branch “what if”, and write the after-action report"
    >
      Review
    </button>
  );
}
