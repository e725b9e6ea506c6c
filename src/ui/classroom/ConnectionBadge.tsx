// A classroom device's connection to the room, always in sight: connected (room and role),
// reconnecting (and when it tries again), or closed and why (a revoked link says so).
import { useClassroom } from '../../store/react';

const WORDS = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  closed: 'Disconnected',
} as const;

export function ConnectionBadge() {
  const state = useClassroom((c) => c.connection);
  const detail = useClassroom((c) => c.detail);
  const room = useClassroom((c) => c.room);
  return (
    <output
      className={`room-conn ${state}`}
      id="room-connection"
      data-state={state}
      aria-live="polite"
      title={detail}
    >
      <span className="room-dot" aria-hidden="true" />
      <span>
        {WORDS[state]}
        {room && state === 'open' ? ` · room ${room}` : ''}
      </span>
      {state !== 'open' && detail && <span className="room-conn-detail">{detail}</span>}
    </output>
  );
}
