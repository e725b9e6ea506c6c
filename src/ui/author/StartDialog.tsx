// Where author mode starts: the scenario on screen, a bundled one, the planner's own file, the
// draft this browser kept, or a new scenario framed on the countries picked from the atlas.
import { useEffect, useRef, useState } from 'react';
import { type AtlasCountry, atlasCountries } from '../../author/atlas-countries';
import { newScenario } from '../../author/new-scenario';
import { openAuthor, type SavedDraft, savedDraft } from '../../store/author-session';
import { loadTopology } from '../../store/bridge';
import { loadScenarioJson, scenarioNames } from '../../store/scenarios';
import { getSession } from '../../store/session';
import { NewScenarioForm } from './NewScenarioForm';

export interface StartDialogProps {
  onClose(): void;
}

async function openBundled(name: string, done: () => void): Promise<void> {
  openAuthor((await loadScenarioJson(name)) as Record<string, unknown>);
  done();
}

function openFile(file: File, done: () => void, fail: (why: string) => void): void {
  void file.text().then((text) => {
    try {
      const doc = JSON.parse(text) as unknown;
      if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        throw new Error('it is not a JSON object');
      openAuthor(doc as Record<string, unknown>);
      done();
    } catch (e) {
      fail(`${file.name} could not be opened: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

export function StartDialog(props: StartDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState<SavedDraft | null>(null);
  const [countries, setCountries] = useState<AtlasCountry[] | null>(null);
  const [bundled, setBundled] = useState(getSession().scenario || scenarioNames[0] || '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
    void savedDraft().then(setDraft);
    void loadTopology('50m').then((t) => setCountries(atlasCountries(t)));
  }, []);
  const done = () => props.onClose();
  return (
    <dialog ref={dialog} className="au-start" aria-labelledby="au-start-title" onClose={done}>
      <h2 id="au-start-title">Build an exercise</h2>
      <p className="au-desc">
        Author mode builds a scenario on the map; Try it runs it at once, Download keeps it.
      </p>
      {error && (
        <p className="au-problem" role="alert">
          {error}
        </p>
      )}
      <div className="au-start-row">
        <label>
          Start from a bundled scenario{' '}
          <select value={bundled} onChange={(e) => setBundled(e.target.value)}>
            {scenarioNames.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="button" className="au-btn" onClick={() => void openBundled(bundled, done)}>
          Edit a copy
        </button>
      </div>
      <div className="au-start-row">
        <label className="au-btn au-file">
          Open a scenario file…
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              if (f) openFile(f, done, setError);
              e.currentTarget.value = '';
            }}
          />
        </label>
        {draft && (
          <button
            type="button"
            className="au-btn"
            onClick={() => {
              openAuthor(draft.doc, { save: false });
              done();
            }}
          >
            Resume the draft saved {new Date(draft.savedAt).toLocaleString('en-GB')}
          </button>
        )}
      </div>
      <h3>A new scenario</h3>
      {countries ? (
        <NewScenarioForm
          countries={countries}
          onCreate={(choice) => {
            openAuthor(newScenario(choice));
            done();
          }}
        />
      ) : (
        <p className="au-desc">Loading the atlas…</p>
      )}
      <div className="au-start-foot">
        <button type="button" className="au-btn" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}
