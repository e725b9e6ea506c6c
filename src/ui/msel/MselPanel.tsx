// The MSEL tab: the white cell's exercise control. The injects in a table (time order,
// triggered last) with a status filter and a search; a form to add, edit, duplicate, delete
// and fire them; who has acknowledged what; CSV/XLSX import (file picker or drop a file on
// the tab) and export. Only the white cell in an exercise sees it.
import { type DragEvent, type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { canonicalHours } from '../../exercise/msel-time';
import { refreshExercise } from '../../store/bridge';
import type { StatusFilter } from '../../store/msel-editor';
import { useExercise, useSession, useSessionThrottled } from '../../store/react';
import { setPanel } from '../../store/session';
import { download } from '../download';
import { AckView } from './AckView';
import { EntryForm } from './EntryForm';
import { CSV_TYPE, mselEditor as editor, XLSX_TYPE } from './editor';
import { FireDialog } from './FireDialog';
import { ImportDialog } from './ImportDialog';
import { MselTable } from './MselTable';
import { buildRows, filterRows, rowCounts } from './rows';
import { effectInWords, toInWords } from './words';

const FILTERS: Array<{ id: StatusFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'pending', label: 'Pending' },
  { id: 'fired', label: 'Fired' },
  { id: 'waiting', label: 'Fired, awaiting acknowledgement' },
  { id: 'acked', label: 'Fired, acknowledged' },
];

/** Keys the app takes as shortcuts (play, step, next event): not theirs inside this panel. */
const SHORTCUT_KEYS = new Set([' ', 'ArrowLeft', 'ArrowRight', 'n', 'N']);

function keepKeys(e: KeyboardEvent) {
  const t = e.target as HTMLElement;
  if (SHORTCUT_KEYS.has(e.key) && t.closest('button, input, select, textarea, a, [role="tab"]'))
    e.stopPropagation();
}

export function MselPanel() {
  const available = useExercise((s) => s.active && s.view?.msel != null);
  // A player's screen, or a planner's run: the MSEL is not theirs.
  useEffect(() => {
    if (!available) setPanel('events', 'user');
  }, [available]);
  return available ? <MselEditorView /> : null;
}

function useEditor<T>(selector: (s: ReturnType<typeof editor.get>) => T): T {
  return useStore(editor.store, selector);
}

function MselEditorView() {
  const view = useExercise((s) => s.view);
  const sessionId = useExercise((s) => s.sessionId);
  const tickMinutes = useSession((s) => s.tickMinutes);
  const start = useSession((s) => s.description?.scenario.start ?? '');
  const nowTick = useSessionThrottled((s) => s.tick, 1000);
  const ctx = useEditor((s) => s.context);
  const contextError = useEditor((s) => s.contextError);
  const acks = useEditor((s) => s.acks);
  const filter = useEditor((s) => s.filter);
  const search = useEditor((s) => s.search);
  const tab = useEditor((s) => s.tab);
  const editing = useEditor((s) => s.editing);
  const confirmFire = useEditor((s) => s.confirmFire);
  const importing = useEditor((s) => s.importing);
  const undo = useEditor((s) => s.undo);
  const busy = useEditor((s) => s.busy);
  const error = useEditor((s) => s.error);
  const message = useEditor((s) => s.message);
  const [dropping, setDropping] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const sc = ctx?.scenario ?? null;

  useEffect(() => {
    if (sessionId) void editor.ensureContext(sessionId);
  }, [sessionId]);
  // The spreadsheet libraries stay out of the app's first load, but are fetched as the tab
  // opens: import and export then answer at once during the game.
  useEffect(() => {
    void import('write-excel-file/universal').catch(() => undefined);
    void import('read-excel-file/universal').catch(() => undefined);
  }, []);
  // Entries fire as the clock runs: keep the view current while the tab is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh as the clock moves
  useEffect(() => {
    void refreshExercise();
  }, [nowTick]);
  // New acknowledgements: read their ticks from the record.
  const ackKey = (view?.cards ?? []).map((c) => `${c.serial}:${c.ackedBy.join(',')}`).join('|');
  useEffect(() => {
    if (ackKey) void editor.syncAcks();
  }, [ackKey]);

  const rows = useMemo(
    () => (view ? buildRows(view, acks, sc, start) : []),
    [view, acks, sc, start],
  );
  const shown = useMemo(
    () => filterRows(rows, filter, search, tickMinutes),
    [rows, filter, search, tickMinutes],
  );
  const counts = rowCounts(rows);
  if (!view) return null;
  const entries = view.msel ?? [];

  const readFile = async (file: File) => {
    const xlsx = /\.xlsx$/i.test(file.name);
    const data = xlsx ? new Uint8Array(await file.arrayBuffer()) : await file.text();
    await editor.importFile(file.name, data);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) void readFile(file);
  };
  const fireEntry = confirmFire ? entries.find((x) => x.serial === confirmFire) : undefined;
  const firedTick = (serial: string) => {
    const f = (view.fired ?? []).filter((x) => x.serial === serial);
    return f.length ? f[f.length - 1]!.tick : null;
  };
  const exportCsv = () => {
    const f = editor.exportCsv();
    download(f.name, f.data, CSV_TYPE);
  };
  const exportXlsx = async () => {
    try {
      const f = await editor.exportXlsx();
      download(f.name, f.data, XLSX_TYPE);
    } catch (e) {
      editor.store.setState({ error: `XLSX export failed: ${(e as Error).message}` });
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files; the same import is on the Import button
    <div
      className={`msel${dropping ? ' dropping' : ''}`}
      id="msel-panel"
      onKeyDown={keepKeys}
      // A file dragged over this tab is an MSEL, not a session: the app-wide drop handler
      // (which opens sessions and scenarios) does not see drags that stay here.
      onDragEnter={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        setDropping(true);
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.stopPropagation();
        e.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(e) => {
        e.stopPropagation();
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={onDrop}
    >
      <div className="msel-head">
        <h2 className="panel-title">
          MSEL <span className="msel-count">{view.title}</span>
        </h2>
        <p className="msel-summary">
          {counts.all} entries · {counts.pending} pending · {counts.fired} fired ·{' '}
          <span className={counts.waiting ? 'msel-waiting' : ''}>
            {counts.waiting} awaiting acknowledgement
          </span>
        </p>
        <div className="msel-bar">
          <button
            type="button"
            className="btn primary"
            disabled={busy || !sc}
            onClick={() => editor.add(canonicalHours(Math.ceil((nowTick * tickMinutes) / 60) + 1))}
          >
            + Add entry
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy || !sc}
            onClick={() => fileInput.current?.click()}
          >
            Import CSV/XLSX…
          </button>
          <input
            ref={fileInput}
            id="msel-import-file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="sr-only"
            tabIndex={-1}
            aria-label="MSEL file to import (CSV or XLSX)"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void readFile(file);
            }}
          />
          <button type="button" className="btn" disabled={!sc} onClick={exportCsv}>
            Export CSV
          </button>
          <button type="button" className="btn" disabled={!sc} onClick={() => void exportXlsx()}>
            Export XLSX
          </button>
        </div>
      </div>

      {contextError && (
        <p className="msel-problem" role="alert">
          {contextError}
        </p>
      )}
      <div className="msel-live" role="status" aria-live="polite">
        {error && <span className="msel-problem">{error}</span>}
        {!error && message && <span className="msel-ok">{message}</span>}
        {undo && (
          <button
            type="button"
            className="btn small"
            disabled={busy}
            onClick={() => void editor.undoRemove()}
          >
            Undo delete of entry {undo.entry.serial}
          </button>
        )}
      </div>

      <div className="msel-filters">
        <fieldset className="msel-views">
          <legend className="sr-only">Show</legend>
          <button
            type="button"
            className={`seg-light${tab === 'entries' ? ' on' : ''}`}
            aria-pressed={tab === 'entries'}
            onClick={() => editor.setTab('entries')}
          >
            Entries
          </button>
          <button
            type="button"
            className={`seg-light${tab === 'acks' ? ' on' : ''}`}
            aria-pressed={tab === 'acks'}
            onClick={() => editor.setTab('acks')}
          >
            Acknowledgements{counts.waiting ? ` (${counts.waiting} waiting)` : ''}
          </button>
        </fieldset>
        {tab === 'entries' && (
          <>
            <label className="msel-inline">
              <span>Status</span>
              <select
                value={filter}
                onChange={(e) => editor.setFilter(e.target.value as StatusFilter)}
              >
                {FILTERS.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="msel-inline msel-search">
              <span>Search</span>
              <input
                type="search"
                value={search}
                placeholder="serial, subject, actor, zone…"
                onChange={(e) => editor.setSearch(e.target.value)}
              />
            </label>
            <span className="msel-hint">
              {shown.length === rows.length
                ? `${rows.length} entries`
                : `${shown.length} of ${rows.length} shown`}
            </span>
          </>
        )}
      </div>

      {tab === 'entries' && (
        <>
          <MselTable
            rows={shown}
            total={rows.length}
            tickMinutes={tickMinutes}
            busy={busy}
            onEdit={(s) => editor.edit(s)}
            onFire={(s) => editor.askFire(s)}
          />
          <p className="msel-hint msel-drop-hint">
            Drop a CSV or XLSX file here to import it. Columns: No., Time, DTG, From, To, Method,
            Subject, Message, Expected Action, Trigger, Effect, Effect Details.
          </p>
        </>
      )}
      {tab === 'acks' && <AckView rows={rows} tickMinutes={tickMinutes} />}

      {editing && (
        <EntryForm
          key={`${editing.serial ?? 'new'}:${editing.entry.serial}`}
          serial={editing.serial}
          entry={editing.entry}
          entries={entries}
          firedTick={editing.serial === null ? null : firedTick(editing.serial)}
          sc={sc}
          roles={view.roles}
          tickMinutes={tickMinutes}
          nowTick={nowTick}
          busy={busy}
          onSave={(serial, entry) => void editor.save(serial, entry)}
          onClose={() => editor.closeForm()}
          onDuplicate={(s) => editor.duplicate(s)}
          onDelete={(s) => void editor.remove(s)}
          onFire={(s) => editor.askFire(s)}
        />
      )}
      {fireEntry && (
        <FireDialog
          entry={fireEntry}
          fired={firedTick(fireEntry.serial) !== null}
          to={toInWords(fireEntry.to, sc)}
          effect={effectInWords(fireEntry.effect, sc)}
          onFire={() => void editor.fire(fireEntry.serial)}
          onCancel={() => editor.cancelFire()}
        />
      )}
      {importing && (
        <ImportDialog
          state={importing}
          busy={busy}
          onApply={() => void editor.applyImport()}
          onCancel={() => editor.cancelImport()}
          onRemoveOthers={(on) => editor.setRemoveOthers(on)}
        />
      )}
    </div>
  );
}
