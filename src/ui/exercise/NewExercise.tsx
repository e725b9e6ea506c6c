// The top bar's "New exercise…" button and the setup dialog it opens.
import { useState } from 'react';
import { SetupDialog } from './SetupDialog';

export function NewExerciseButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="tb-btn"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        id="ex-new"
      >
        New exercise…
      </button>
      {open && <SetupDialog onClose={() => setOpen(false)} />}
    </>
  );
}
