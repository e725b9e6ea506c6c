// The refusal of a picked or dropped file: a modal dialog naming the file and each problem by
// its path, and what stayed as it was. Focus moves to Close and returns where it was; Escape,
// Close or a click outside closes it.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { closeFileDialog, filesStore } from '../../store/session-files';

export function FileProblemsDialog() {
  const dialog = useStore(filesStore, (s) => s.dialog);
  const close = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    // Escape closes it wherever the focus is (capture: before the app's own shortcuts).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      closeFileDialog();
    };
    // A click outside the dialog (on the backdrop) closes it too.
    const onDown = (e: PointerEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) closeFileDialog();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onDown, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onDown, true);
      before?.focus?.();
    };
  }, [dialog]);
  if (!dialog) return null;
  const shown = dialog.problems.slice(0, 50);
  return (
    <div className="sessions-backdrop">
      <div
        ref={box}
        className="sessions-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sessions-dialog-title"
        aria-describedby="sessions-dialog-note"
        id="file-problems"
        onKeyDown={(e) => {
          if (e.key === 'Tab') {
            // One control: keep the focus inside the dialog.
            e.preventDefault();
            close.current?.focus();
          }
        }}
      >
        <h2 id="sessions-dialog-title">{dialog.title}</h2>
        <p className="sessions-file">
          <code>{dialog.file}</code>
        </p>
        <ul className="sessions-problems">
          {shown.map((p, i) => {
            const at = p.indexOf(': ');
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; the same text may repeat
              <li key={i}>
                {at > 0 ? (
                  <>
                    <code>{p.slice(0, at)}</code>: {p.slice(at + 2)}
                  </>
                ) : (
                  p
                )}
              </li>
            );
          })}
          {dialog.problems.length > shown.length && (
            <li>…and {dialog.problems.length - shown.length} more.</li>
          )}
        </ul>
        <p id="sessions-dialog-note" className="sessions-note">
          {dialog.note}
        </p>
        <div className="sessions-actions">
          <button type="button" className="btn" ref={close} onClick={closeFileDialog}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
