// A modal dialog on the browser's own <dialog> (showModal): the rest of the page is inert while
// it is open, Tab stays inside it, Escape closes it, and focus goes back to where it was.
// Rendered into <body> so that it inherits nothing from where it is opened (the dark top bar).
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab may reach inside `root`, in order. */
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );
}

/** Keeps Tab and Shift+Tab cycling inside `root`. */
export function trapTab(e: React.KeyboardEvent<HTMLElement>, root: HTMLElement | null): void {
  if (e.key !== 'Tab' || !root) return;
  const list = focusables(root);
  if (!list.length) return;
  const first = list[0]!;
  const last = list[list.length - 1]!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !root.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !root.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}

export function Dialog(props: {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
  /** Id of the element describing the dialog (read by screen readers on opening). */
  describedBy?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const before = document.activeElement as HTMLElement | null;
    if (!d.open) d.showModal();
    const auto = d.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(d)[0];
    auto?.focus();
    return () => {
      if (d.open) d.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return createPortal(
    <dialog
      ref={ref}
      className={`ex-dialog${props.className ? ` ${props.className}` : ''}`}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
      onCancel={(e) => {
        // Escape: the dialog closes through its owner's state, not by itself.
        e.preventDefault();
        onClose.current();
      }}
      onClose={() => onClose.current()}
      onKeyDown={(e) => {
        trapTab(e, ref.current);
        // The app's shortcuts (Space, arrows) never see keys typed in a dialog.
        e.stopPropagation();
      }}
    >
      <header className="ex-dialog-head">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          className="ex-close"
          aria-label={`Close ${props.title}`}
          onClick={() => onClose.current()}
        >
          ✕
        </button>
      </header>
      <div className="ex-dialog-body">{props.children}</div>
    </dialog>,
    document.body,
  );
}
