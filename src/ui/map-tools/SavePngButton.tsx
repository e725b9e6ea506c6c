// The "Save map as PNG" button in the map's +, −, Fit column (P does the same from anywhere on
// the page): the map as shown, with title, time, view, scale and forces (map-png.ts).
import { useRef } from 'react';
import { useSession } from '../../store/react';
import { keyLabel } from '../shortcuts';
import { saveMapPng } from './map-png';

export function SavePngButton() {
  const ready = useSession((s) => s.status.phase === 'ready');
  // One picture at a time (a double click saves once); the button keeps its focus meanwhile.
  const saving = useRef(false);
  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    try {
      await saveMapPng();
    } finally {
      saving.current = false;
    }
  };
  return (
    <button
      type="button"
      className="save-png"
      aria-label="Save map as PNG"
      aria-keyshortcuts={keyLabel('save-png')}
      title={`Save the map as PNG (${keyLabel('save-png')})`}
      disabled={!ready}
      onClick={() => void save()}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <g fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
          <rect x="3" y="4" width="18" height="14" rx="1.5" />
          <path d="M3 15l5-5 4 4 3-3 6 6" />
          <circle cx="16.5" cy="8.5" r="1.6" />
          <path d="M12 19v3M9.5 20l2.5 2 2.5-2" strokeLinecap="round" />
        </g>
      </svg>
    </button>
  );
}
