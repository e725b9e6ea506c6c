// What a classroom device shows until its role's view is on screen: joining the room, trying
// again, or — a revoked or unknown link — why it cannot, and what to do about it.
import { useClassroom } from '../../store/react';
import { ConnectionBadge } from './ConnectionBadge';

export function JoinCard() {
  const state = useClassroom((c) => c.connection);
  const detail = useClassroom((c) => c.detail);
  const closed = state === 'closed';
  return (
    <main className="join-card">
      <div className="join-box">
        <div className="brand">CONCORD</div>
        <h1>{closed ? 'This link does not open the room' : 'Joining the classroom room…'}</h1>
        <ConnectionBadge />
        <p>
          {closed
            ? `${detail || 'The room refused this link.'} Ask the white cell for a new link or QR code.`
            : 'Your role’s view opens as soon as the server answers.'}
        </p>
      </div>
    </main>
  );
}
