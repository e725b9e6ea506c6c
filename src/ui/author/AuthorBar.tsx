// Author mode's bar: the scenario's name, undo and redo (with what they take back), how many
// problems the schema finds (a click lists them), autosave's time, Import GeoJSON, Download,
// Try it (refused, with the reason, until the problems are fixed) and back to the run.
import { useRef } from 'react';
import { closeAuthor, setAuthor } from '../../store/author';
import { authorRedo, authorUndo } from '../../store/author-session';
import { downloadScenario, importGeoJson, tryIt } from './actions';
import { useAuthor } from './use-author';

function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="au-btn"
        onClick={() => input.current?.click()}
        title="Zones, routes and places from a GeoJSON file"
      >
        Import GeoJSON…
      </button>
      <input
        ref={input}
        type="file"
        accept=".geojson,.json,application/geo+json,application/json"
        className="sessions-input"
        tabIndex={-1}
        aria-hidden="true"
        data-import="geojson"
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) void f.text().then((t) => importGeoJson(t, f.name));
        }}
      />
    </>
  );
}

export function AuthorBar() {
  const name = useAuthor((s) => (typeof s.doc?.name === 'string' ? s.doc.name : 'New scenario'));
  const canUndo = useAuthor((s) => s.canUndo);
  const canRedo = useAuthor((s) => s.canRedo);
  const undoLabel = useAuthor((s) => s.undoLabel);
  const redoLabel = useAuthor((s) => s.redoLabel);
  const problems = useAuthor((s) => s.problems.length);
  const savedAt = useAuthor((s) => s.savedAt);
  return (
    <header className="au-bar">
      <div className="brand">CONCORD</div>
      <span className="au-mode">Author</span>
      <h1 className="au-title" title={name}>
        {name}
      </h1>
      <button
        type="button"
        className="au-btn"
        disabled={!canUndo}
        onClick={authorUndo}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="au-btn"
        disabled={!canRedo}
        onClick={authorRedo}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Y)` : 'Nothing to redo'}
      >
        ↷ Redo
      </button>
      <button
        type="button"
        className={`au-btn au-status${problems ? ' bad' : ' ok'}`}
        onClick={() => setAuthor({ tab: 'problems' })}
        aria-live="polite"
      >
        {problems ? `${problems} problem${problems > 1 ? 's' : ''}` : 'Valid'}
      </button>
      <span className="au-saved" title="Every change is kept in this browser">
        {savedAt ? `Saved ${new Date(savedAt).toLocaleTimeString('en-GB')}` : ''}
      </span>
      <span className="au-spacer" />
      <ImportButton />
      <button
        type="button"
        className="au-btn"
        onClick={downloadScenario}
        title="The scenario as a JSON file, with its $schema"
      >
        Download
      </button>
      <button
        type="button"
        className="au-btn primary"
        aria-disabled={problems > 0}
        onClick={() => void tryIt()}
        title={problems ? 'Fix the problems first' : 'Run this scenario now, in this window'}
      >
        ▶ Try it
      </button>
      <button
        type="button"
        className="au-btn"
        onClick={closeAuthor}
        title="Back to the run (the draft is kept)"
      >
        Close
      </button>
    </header>
  );
}
