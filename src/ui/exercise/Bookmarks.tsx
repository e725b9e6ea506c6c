// Bookmarks: any role marks the current moment with a note for the debrief; the white cell sees
// every role's bookmarks listed (a player its own).
import { useId, useState } from 'react';
import { WHITE } from '../../store/exercise-commands';
import { useExercise, useSession } from '../../store/react';
import { dPlus, dtg } from '../../store/time';
import { ex } from './commands';
import { Dialog } from './Dialog';
import { useRoleName } from './hooks';

export function BookmarkButton() {
  const [open, setOpen] = useState(false);
  const count = useExercise((s) => s.view?.bookmarks.length ?? 0);
  return (
    <>
      <button
        type="button"
        className="tb-btn"
        onClick={() => setOpen(true)}
        aria-label={`Bookmark this moment (${count} bookmarks)`}
        title="Bookmark this moment with a note for the debrief"
      >
        ★<span className="ex-wide-only"> Bookmark</span>
        {count > 0 && (
          <span className="ex-count" aria-hidden="true">
            {count}
          </span>
        )}
      </button>
      {open && <BookmarkDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function BookmarkDialog(props: { onClose(): void }) {
  const role = useExercise((s) => s.role);
  const bookmarks = useExercise((s) => s.view?.bookmarks) ?? [];
  const tick = useSession((s) => s.tick);
  const tm = useSession((s) => s.tickMinutes);
  const start = useSession((s) => s.description?.scenario.start ?? '');
  const name = useRoleName();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const noteId = useId();
  const save = async () => {
    setSaving(true);
    const r = await ex.bookmark(note.trim());
    setSaving(false);
    if (r.ok) setNote('');
  };
  const white = role === WHITE;
  return (
    <Dialog title="Bookmarks" onClose={props.onClose} className="ex-bookmarks">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={noteId} className="ex-field-label">
          Note for {dPlus(tick * tm)} {start ? `(${dtg(start, tick * tm)})` : ''}
        </label>
        <textarea
          id={noteId}
          value={note}
          maxLength={2000}
          rows={3}
          data-autofocus
          onChange={(e) => setNote(e.target.value)}
          placeholder="What happened, what to discuss in the debrief"
        />
        <div className="ex-buttons">
          <button type="submit" className="btn primary" disabled={saving}>
            Bookmark this moment
          </button>
        </div>
      </form>
      <h3 className="ex-subhead">
        {white ? 'All bookmarks' : 'Your bookmarks'} ({bookmarks.length})
      </h3>
      {bookmarks.length === 0 ? (
        <p className="ex-empty">None yet.</p>
      ) : (
        <ol className="ex-bookmark-list">
          {[...bookmarks].reverse().map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: bookmarks are append-only
            <li key={i}>
              <span className="ex-bm-when">{dPlus(b.tick * tm)}</span>
              {white && <span className="ex-bm-role">{name(b.role)}</span>}
              <span className="ex-bm-note">{b.note || <em>(no note)</em>}</span>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
