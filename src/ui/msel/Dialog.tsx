// A modal dialog on the native <dialog> element: shown with showModal (focus moves in, the page
// behind is inert, it sits in the top layer above the side panel's containment), closed by
// Escape or by its own buttons. Mount it to open it; `onClose` unmounts it.
import { type ReactNode, useEffect, useRef } from 'react';

export function Dialog(props: {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  onClose(): void;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`msel-dialog ${props.className ?? ''}`}
      aria-labelledby={props.labelledBy}
      aria-describedby={props.describedBy}
      // Escape: the browser's cancel; we close through the owner's state instead.
      onCancel={(e) => {
        e.preventDefault();
        onClose.current();
      }}
      // The app's shortcuts (Space, arrows, N) are for the map, never while a dialog is open.
      onKeyDown={(e) => e.stopPropagation()}
    >
      {props.children}
    </dialog>
  );
}
