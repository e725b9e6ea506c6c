// The white cell's room panel, for the projector: the room code, and per role its join link as
// a QR code and as text, how many devices hold it now, a new link (the old one stops working
// at once) and, for players, revoke. Refreshed every few seconds while open.
import { useEffect, useState } from 'react';
import type { RoomInfo, RoomRole } from '../../remote/protocol';
import { remote } from '../../store/bridge';
import { setClassroom } from '../../store/classroom';
import { useClassroom } from '../../store/react';
import { Dialog } from '../exercise/Dialog';

const REFRESH_MS = 3000;

async function roomCall(method: 'info' | 'reissue' | 'revoke', role?: string): Promise<void> {
  if (!remote) return;
  try {
    setClassroom({ info: await remote.room(method, role) });
  } catch (e) {
    setClassroom({ detail: (e as Error).message });
  }
}

export function RoomButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="tb-btn"
        id="room-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title="Join links and QR codes for each role, who is connected, new links, revoke"
      >
        Room…
      </button>
      {open && <RoomDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function RoomDialog(props: { onClose(): void }) {
  const info = useClassroom((c) => c.info);
  useEffect(() => {
    void roomCall('info');
    const t = window.setInterval(() => void roomCall('info'), REFRESH_MS);
    return () => window.clearInterval(t);
  }, []);
  return (
    <Dialog
      title={info ? `Room ${info.code}` : 'Room'}
      onClose={props.onClose}
      className="room-dialog"
    >
      {info ? <RoomBody info={info} /> : <p>Asking the server…</p>}
    </Dialog>
  );
}

function RoomBody(props: { info: RoomInfo }) {
  const { info } = props;
  const players = info.roles.filter((r) => r.id !== 'white');
  const white = info.roles.find((r) => r.id === 'white');
  return (
    <div className="room-body">
      <p className="room-lead">
        Each cell scans its code or opens its link on its own device. Anyone holding a link plays
        that role: give each link to its cell only.
      </p>
      {/^https?:\/\/(localhost|127\.)/.test(info.origin) && (
        <p className="room-warn" role="note">
          This server listens on this machine only: the students' devices cannot reach {info.origin}
          . Start it with <code>--host 0.0.0.0</code> to serve the classroom's network.
        </p>
      )}
      <ul className="room-roles">
        {players.map((r) => (
          <RoleCard key={r.id} role={r} />
        ))}
      </ul>
      {white && (
        <details className="room-white">
          <summary>The white cell's link (a second screen for the white cell)</summary>
          <RoleLink role={white} />
        </details>
      )}
    </div>
  );
}

function RoleCard(props: { role: RoomRole }) {
  const r = props.role;
  return (
    <li className="room-role" data-role={r.id}>
      <h3>
        {r.name}
        <span className={`room-count${r.connected ? ' on' : ''}`}>
          {r.connected ? `${r.connected} connected` : 'nobody yet'}
        </span>
      </h3>
      {r.qr ? (
        <img
          className="room-qr"
          alt={`QR code: the join link for ${r.name}`}
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.qr)}`}
        />
      ) : (
        <p className="room-revoked">Revoked: give a new link to let this cell in again.</p>
      )}
      <RoleLink role={r} />
      <div className="room-role-actions">
        <button type="button" className="tb-btn" onClick={() => void roomCall('reissue', r.id)}>
          New link
        </button>
        {r.qr && (
          <button
            type="button"
            className="tb-btn danger"
            onClick={() => void roomCall('revoke', r.id)}
          >
            Revoke
          </button>
        )}
      </div>
    </li>
  );
}

function RoleLink(props: { role: RoomRole }) {
  const { link, name } = props.role;
  if (!link) return null;
  return (
    <div className="room-link">
      <input
        readOnly
        value={link}
        aria-label={`Join link for ${name}`}
        onFocus={(e) => e.target.select()}
      />
      <button
        type="button"
        className="tb-btn"
        onClick={() => void navigator.clipboard?.writeText(link)}
        title="Copy the link"
      >
        Copy
      </button>
    </div>
  );
}
