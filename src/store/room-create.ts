// The trainer opens a classroom room on the `concord serve` behind this page: the exercise
// setup goes to the server, which answers with the room's code and the white cell's token;
// the page then reopens as the white cell of that room (its link, in the fragment). A browser
// on another machine than the server's needs the trainer link's key (#trainer=…).
import type { CreateOptions } from '../exercise/host';
import { type RoomSetup, type ServerMessage, socketUrl } from '../remote/protocol';

const trainerKey = new URLSearchParams(location.hash.replace(/^#/, '')).get('trainer') ?? undefined;

/** The setup as the server takes it: a bundled scenario by name only, no passcodes (tokens instead). */
export function roomSetup(o: CreateOptions): RoomSetup {
  return {
    title: o.title,
    scenario: { name: o.scenario.name, doc: o.scenario.name ? null : o.scenario.doc },
    seed: o.seed,
    ...(o.set ? { set: o.set } : {}),
    setup: o.setup,
    // Tokens replace hot-seat passcodes in a room.
    roles: o.roles.map(({ passcode: _, ...r }) => r),
  };
}

/** Creates the room (or opens a session file as one); resolves with the white cell's link. */
export function createRoom(
  what: { setup: RoomSetup } | { session: unknown },
): Promise<{ room: string; link: string }> {
  const url = socketUrl(location.href);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.onopen = () =>
      ws.send(
        JSON.stringify(
          'setup' in what
            ? { t: 'create', setup: what.setup, ...(trainerKey ? { key: trainerKey } : {}) }
            : { t: 'open', session: what.session, ...(trainerKey ? { key: trainerKey } : {}) },
        ),
      );
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') return;
      const msg = JSON.parse(ev.data) as ServerMessage;
      if (msg.t === 'created') {
        ws.close(1000, 'the page reopens as the white cell');
        const base = `${location.origin}${location.pathname}`;
        resolve({ room: msg.room, link: `${base}#room=${msg.room}&token=${msg.token}` });
      } else if (msg.t === 'error') {
        ws.close();
        reject(new Error(msg.error));
      }
    };
    ws.onerror = () => reject(new Error('the classroom server did not answer'));
  });
}

/** Reopens this page as the white cell of the room just created. */
export function openRoomLink(link: string): void {
  // The URL changes in place (no navigation of its own), then the page loads it.
  history.replaceState(null, '', link);
  location.reload();
}
