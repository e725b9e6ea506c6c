// "Open as room…": a saved session file (.concord.json) becomes a classroom room on the server
// behind this page, going on from where it was saved; the page reopens as its white cell.
import { useRef, useState } from 'react';
import { createRoom, openRoomLink } from '../../store/room-create';
import { setNotice } from '../../store/session';
import { JsonFileInput } from '../session/JsonFileInput';

/** A session file is a few MB at most (the server refuses more than 8 MB). */
const MAX_BYTES = 8 * 1024 * 1024;

export function OpenAsRoomButton() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const open = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setNotice(
        { text: `${file.name}: larger than 8 MB; the server takes at most 8 MB`, level: 'error' },
        'user',
      );
      return;
    }
    setBusy(true);
    try {
      const doc: unknown = JSON.parse(await file.text());
      openRoomLink((await createRoom({ session: doc })).link);
    } catch (e) {
      setNotice(
        {
          text: `${file.name} could not be opened as a room: ${(e as Error).message}`,
          level: 'error',
        },
        'user',
      );
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        className="tb-btn"
        id="open-as-room"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Open a saved session (.concord.json) as a classroom room on this server"
      >
        {busy ? 'Opening…' : 'Open as room…'}
      </button>
      <JsonFileInput inputRef={input} onFiles={(files) => void open(files?.[0])} />
    </>
  );
}
