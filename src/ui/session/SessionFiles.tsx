// Session files in the top bar: "Save session" downloads the open run as a .concord.json file,
// "Open…" picks a session or a scenario file, and a file dropped anywhere on the app opens the
// same way (src/store/session-files.ts decides what it is and checks it). A refusal opens a
// dialog that lists each problem by path; the open run stays as it was.

import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { app } from '../../store/bridge';
import { useSession } from '../../store/react';
import { setNotice } from '../../store/session';
import {
  type FilesState,
  filesStore,
  openFileAndReport,
  sessionRecord,
  sessionText,
} from '../../store/session-files';
import { download } from '../download';
import { FileProblemsDialog } from './FileProblemsDialog';
import { JsonFileInput } from './JsonFileInput';

const useFiles = <T,>(selector: (s: FilesState) => T): T => useStore(filesStore, selector);

/** Saves the open run's record and downloads it under its session file name. */
export async function saveSession(): Promise<string | null> {
  if (filesStore.getState().busy) return null;
  filesStore.setState({ busy: 'saving' });
  try {
    const { name, file } = await sessionRecord(app);
    download(name, sessionText(file), 'application/json');
    setNotice(
      { text: `Saved ${name}: ${file.orders.length} orders, tick ${file.tick}.`, level: 'info' },
      'user',
    );
    return name;
  } catch (e) {
    setNotice(
      { text: `Save failed: ${e instanceof Error ? e.message : String(e)}`, level: 'error' },
      'user',
    );
    return null;
  } finally {
    filesStore.setState({ busy: null });
  }
}

/** Opens the first file of a pick or a drop. */
export function openPicked(files: FileList | readonly File[] | null): void {
  const file = files?.[0];
  if (file) void openFileAndReport(app, file);
}

/** Files dragged over the window: the overlay shows, a drop opens the first file. */
function useDropToOpen(): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const carriesFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file itself, leaving the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      openPicked(e.dataTransfer?.files ?? null);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

/** Save session, Open… and the drop target; a classroom device saves its room only. */
export function SessionFiles(props: { remote?: boolean }) {
  return props.remote ? (
    <div className="tb-group sessions">
      <SaveButton />
    </div>
  ) : (
    <LocalSessionFiles />
  );
}

function SaveButton() {
  const busy = useFiles((s) => s.busy);
  const ready = useSession((s) => s.status.phase === 'ready');
  return (
    <button
      type="button"
      className="tb-btn"
      id="save-session"
      disabled={!ready || busy !== null}
      onClick={() => void saveSession()}
      title="Download this session as a .concord.json file (it reopens, and `concord replay` checks it)"
    >
      Save session
    </button>
  );
}

function LocalSessionFiles() {
  const busy = useFiles((s) => s.busy);
  const input = useRef<HTMLInputElement>(null);
  const over = useDropToOpen();
  return (
    <div className="tb-group sessions">
      <SaveButton />
      <button
        type="button"
        className="tb-btn"
        id="open-file"
        disabled={busy !== null}
        onClick={() => input.current?.click()}
        title="Open a session (.concord.json) or your own scenario (.json); or drop the file anywhere on the app"
      >
        {busy && busy !== 'saving' ? 'Opening…' : 'Open…'}
      </button>
      <JsonFileInput inputRef={input} onFiles={openPicked} />
      {over && (
        <div className="sessions-drop" aria-hidden="true">
          <div>
            Drop a session (<code>.concord.json</code>) or a scenario (<code>.json</code>) to open
            it
          </div>
        </div>
      )}
      <FileProblemsDialog />
    </div>
  );
}
