// A spreadsheet import, before anything changes: every problem (row, column, message) when
// the file has any — and then nothing is imported — or what it would do (entries added,
// replaced, unchanged, not in the file), applied only on confirmation.
import type { MselEntry } from '../../exercise/msel';
import type { ImportState } from '../../store/msel-editor';
import { Dialog } from './Dialog';

function Serials({ list, entries }: { list: readonly string[]; entries: readonly MselEntry[] }) {
  const subject = (s: string) => entries.find((e) => e.serial === s)?.subject ?? '';
  return (
    <ul className="msel-serials">
      {list.map((s) => (
        <li key={s}>
          <span className="mono">{s}</span> {subject(s)}
        </li>
      ))}
    </ul>
  );
}

/** Problems without repeats (the same message for the same cell says nothing more). */
function unique<T extends { path: string; message: string }>(list: readonly T[]): T[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = `${p.path}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function ImportDialog(props: {
  state: ImportState;
  busy: boolean;
  onApply(): void;
  onCancel(): void;
  onRemoveOthers(on: boolean): void;
}) {
  const s = props.state;
  return (
    <Dialog labelledBy="msel-import-title" onClose={props.onCancel} className="msel-import-dialog">
      <div className="msel-confirm" id="msel-import" data-phase={s.phase}>
        <header className="msel-dialog-head">
          <h2 id="msel-import-title">Import {s.file}</h2>
          <button type="button" className="msel-x" aria-label="Close" onClick={props.onCancel}>
            ✕
          </button>
        </header>
        {s.phase === 'reading' && <p role="status">Reading the file…</p>}
        {s.phase === 'problems' && (
          <>
            <p className="msel-problem" role="alert">
              {s.problems.length === 1 ? '1 problem' : `${s.problems.length} problems`}: nothing was
              imported. Correct the file and import it again.
            </p>
            <div className="msel-scroll">
              <table className="msel-table msel-problems" id="msel-import-problems">
                <caption className="sr-only">Problems in {s.file}</caption>
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {unique(s.problems).map((p) => (
                    <tr key={`${p.path}|${p.message}`}>
                      <td className="nowrap">
                        {p.row === 0 ? (p.path === 'file' ? 'file' : p.path) : p.row}
                      </td>
                      <td className="nowrap">{p.column ?? '—'}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="msel-buttons">
              <span className="msel-spacer" />
              <button type="button" className="btn primary" onClick={props.onCancel}>
                Close
              </button>
            </div>
          </>
        )}
        {s.phase === 'preview' && (
          <>
            <p role="status" id="msel-import-summary">
              {s.plan.entries.length} entries read: <strong>{s.plan.added.length} added</strong>,{' '}
              <strong>{s.plan.replaced.length} replaced</strong>, {s.plan.unchanged.length}{' '}
              unchanged.
            </p>
            <div className="msel-scroll">
              {s.plan.added.length > 0 && (
                <>
                  <h3>Added</h3>
                  <Serials list={s.plan.added} entries={s.plan.entries} />
                </>
              )}
              {s.plan.replaced.length > 0 && (
                <>
                  <h3>Replaced</h3>
                  <Serials list={s.plan.replaced} entries={s.plan.entries} />
                </>
              )}
              {s.plan.notInFile.length + s.plan.notInFileFired.length > 0 && (
                <p>
                  {s.plan.notInFile.length + s.plan.notInFileFired.length} entries of the MSEL are
                  not in the file (No. {[...s.plan.notInFile, ...s.plan.notInFileFired].join(', ')}
                  ): they are kept
                  {s.plan.notInFileFired.length ? '; fired ones always are' : ''}.
                </p>
              )}
              {s.plan.notInFile.length > 0 && (
                <label className="msel-radio">
                  <input
                    type="checkbox"
                    checked={s.removeOthers}
                    onChange={(e) => props.onRemoveOthers(e.target.checked)}
                  />
                  Remove the {s.plan.notInFile.length} pending entries that are not in the file
                </label>
              )}
            </div>
            <div className="msel-buttons">
              <span className="msel-spacer" />
              <button type="button" className="btn" onClick={props.onCancel}>
                Cancel
              </button>
              <button
                type="button"
                className="btn primary"
                onClick={props.onApply}
                disabled={props.busy}
              >
                Apply import
              </button>
            </div>
          </>
        )}
      </div>
    </Dialog>
  );
}
