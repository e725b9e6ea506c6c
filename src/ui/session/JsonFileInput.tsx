// The hidden file input behind an "Open…" button: JSON files only, and the same file picked
// twice fires twice (the value is cleared after each pick).
import type { RefObject } from 'react';

export function JsonFileInput(props: {
  inputRef: RefObject<HTMLInputElement | null>;
  onFiles(files: FileList | null): void;
}) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      accept=".json,application/json"
      className="sessions-input"
      tabIndex={-1}
      aria-hidden="true"
      onChange={(e) => {
        props.onFiles(e.currentTarget.files);
        e.currentTarget.value = '';
      }}
    />
  );
}
