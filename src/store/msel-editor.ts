// The MSEL editor's state and commands (the white cell's exercise control): the exercise's
// scenario for checks and names, acknowledgements with their ticks, the entry in the form, a
// delete that can be undone, a fire that waits for confirmation, and a spreadsheet import
// that shows its problems or its changes before anything is applied. Every change to the
// list is checked whole (schema, then against the scenario) and goes to the engine with
// `setMsel`, which saves the session before it answers.
//
// Framework-free and Node-testable: `createMselEditor(deps)` takes the engine, the exercise
// view and the scenario loader as deps (the browser's instance is in src/ui/msel/editor.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ExerciseView } from '../../workers/exercise-view';
import { type MselEntry, validateMsel } from '../exercise/msel';
import { checkMselAgainstScenario } from '../exercise/msel-check';
import { exportMselCsv, importMselCsv } from '../exercise/msel-csv';
import type { MselImport, TableProblem } from '../exercise/msel-table';
import { exportMselXlsx, importMselXlsx } from '../exercise/msel-xlsx';
import { applyAssignments } from '../scenario/paths';
import type { Problem } from '../scenario/problems';
import type { Scenario } from '../scenario/schema';
import { validateScenario } from '../scenario/validate';
import type { EngineApi } from './engine-api';

export type StatusFilter = 'all' | 'pending' | 'fired' | 'waiting' | 'acked';

export interface AckRecord {
  serial: string;
  role: string;
  tick: number;
}

/** What an import would do, by serial. */
export interface ImportPlan {
  /** The entries read from the file, in file order. */
  entries: MselEntry[];
  added: string[];
  replaced: string[];
  unchanged: string[];
  /** Entries of the MSEL the file does not hold (kept unless the user removes them). */
  notInFile: string[];
  /** Of those, fired ones: always kept (their cards and acknowledgements refer to them). */
  notInFileFired: string[];
}

export type ImportState =
  | { phase: 'reading'; file: string }
  | { phase: 'problems'; file: string; problems: TableProblem[] }
  | { phase: 'preview'; file: string; plan: ImportPlan; removeOthers: boolean };

export interface MselEditorState {
  filter: StatusFilter;
  search: string;
  tab: 'entries' | 'acks';
  /** The exercise's scenario with its assignments, validated: ids, names, checks. */
  context: { sessionId: string; scenario: Scenario; title: string } | null;
  contextError: string | null;
  /** Acknowledgements with the tick of each (the view gives only who). */
  acks: readonly AckRecord[];
  /** The entry in the form: the serial it replaces (null: a new entry) and its values. */
  editing: { serial: string | null; entry: MselEntry } | null;
  /** Serial waiting for the user to confirm "fire now". */
  confirmFire: string | null;
  importing: ImportState | null;
  /** The entry just deleted, and where it was, for Undo. */
  undo: { entry: MselEntry; index: number } | null;
  busy: boolean;
  /** The last failure, in words (stays until the next action). */
  error: string | null;
  /** The last success, in words ("Entry 17 saved."). */
  message: string | null;
}

export interface MselEditorDeps {
  api: Pick<EngineApi, 'setMsel' | 'fireNow' | 'saveFile'>;
  /** Runs an engine conversation after every earlier one (app-session's `exclusive`). */
  run<T>(fn: () => Promise<T>): Promise<T>;
  /** Re-reads the exercise view of the role on screen. */
  refresh(): Promise<void>;
  /** The exercise view on screen: the white cell's has `msel` and `fired`. */
  view(): ExerciseView | null;
  /** A bundled scenario's document by file name (scenarios/<name>.json). */
  scenarioDoc(name: string): Promise<unknown>;
}

// ——— pure helpers ———

/** Fields of a fired entry that may still change: its text. Everything else is history. */
export const FIRED_EDITABLE = ['subject', 'message', 'expectedAction'] as const;

/** Fields of an entry other than its text, compared when a fired entry is edited or imported. */
const FIRED_LOCKED = ['timing', 'from', 'to', 'method', 'effect'] as const;

/** Deep equality of plain JSON values (entries). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) =>
    sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Which locked fields (timing, from, to, method, effect) differ between two versions. */
export function lockedChanges(before: MselEntry, after: MselEntry): string[] {
  return FIRED_LOCKED.filter((k) => !sameValue(before[k], after[k]));
}

/** A fired entry with only its text taken from the edit. */
export function withTextOf(fired: MselEntry, edit: MselEntry): MselEntry {
  return {
    ...fired,
    subject: edit.subject,
    message: edit.message,
    expectedAction: edit.expectedAction,
  };
}

/** Serials in a person's order: 2 before 10, 3 before 3a. */
export const compareSerials = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

/** MSEL order for people: timed entries by time (then serial), triggered ones last by serial. */
export function compareEntries(a: MselEntry, b: MselEntry): number {
  const ta = a.timing.kind === 'at' ? a.timing.hours : Number.POSITIVE_INFINITY;
  const tb = b.timing.kind === 'at' ? b.timing.hours : Number.POSITIVE_INFINITY;
  return ta !== tb ? (ta < tb ? -1 : 1) : compareSerials(a.serial, b.serial);
}

/** The next free whole-number serial (one more than the highest number used). */
export function nextSerial(entries: readonly MselEntry[]): string {
  let max = 0;
  for (const e of entries) {
    const n = /^\d+/.exec(e.serial);
    if (n) max = Math.max(max, Number(n[0]));
  }
  let n = max + 1;
  const used = new Set(entries.map((e) => e.serial));
  while (used.has(String(n))) n++;
  return String(n);
}

/** Problems of a whole list: the schema, then the scenario (paths like `[3].effect.zone`). */
export function listProblems(entries: readonly MselEntry[], sc: Scenario): Problem[] {
  const v = validateMsel(entries);
  if (!v.ok) return v.problems;
  return checkMselAgainstScenario(v.value, sc);
}

/** What importing `imported` into `current` does, or the fired entries it would rewrite. */
export function planImport(
  current: readonly MselEntry[],
  imported: readonly MselEntry[],
  fired: ReadonlySet<string>,
): { ok: true; plan: ImportPlan } | { ok: false; problems: TableProblem[] } {
  const bySerial = new Map(current.map((e) => [e.serial, e]));
  const inFile = new Set(imported.map((e) => e.serial));
  const plan: ImportPlan = {
    entries: [...imported],
    added: [],
    replaced: [],
    unchanged: [],
    notInFile: [],
    notInFileFired: [],
  };
  const problems: TableProblem[] = [];
  for (const e of imported) {
    const old = bySerial.get(e.serial);
    if (!old) plan.added.push(e.serial);
    else if (sameValue(old, e)) plan.unchanged.push(e.serial);
    else {
      const locked = fired.has(e.serial) ? lockedChanges(old, e) : [];
      if (locked.length)
        problems.push({
          path: `No. ${e.serial}`,
          row: 0,
          column: null,
          message: `No. ${e.serial} has fired: only Subject, Message and Expected Action may change, and the file changes its ${locked.map(columnOfField).join(', ')}`,
        });
      plan.replaced.push(e.serial);
    }
  }
  for (const e of current)
    if (!inFile.has(e.serial))
      (fired.has(e.serial) ? plan.notInFileFired : plan.notInFile).push(e.serial);
  return problems.length ? { ok: false, problems } : { ok: true, plan };
}

function columnOfField(field: string): string {
  return (
    {
      timing: 'Time or Trigger',
      from: 'From',
      to: 'To',
      method: 'Method',
      effect: 'Effect',
    }[field] ?? field
  );
}

/** The MSEL after an import: replaced in place, added at the end, others kept or removed. */
export function applyImportPlan(
  current: readonly MselEntry[],
  plan: ImportPlan,
  removeOthers: boolean,
): MselEntry[] {
  const byFile = new Map(plan.entries.map((e) => [e.serial, e]));
  const drop = new Set(removeOthers ? plan.notInFile : []);
  const out = current.filter((e) => !drop.has(e.serial)).map((e) => byFile.get(e.serial) ?? e);
  const have = new Set(current.map((e) => e.serial));
  for (const e of plan.entries) if (!have.has(e.serial)) out.push(e);
  return out;
}

/** A file name from the exercise title: letters, digits and dashes ("Sahel-CPX-26-MSEL.csv"). */
export function mselFileName(title: string, ext: 'csv' | 'xlsx'): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'exercise'}-MSEL.${ext}`;
}

/** The exercise's scenario, validated with its assignments, from the session record. */
export async function scenarioOfRecord(
  record: { scenario: { name: string | null; doc?: unknown }; set: readonly string[] },
  load: (name: string) => Promise<unknown>,
): Promise<{ ok: true; scenario: Scenario } | { ok: false; error: string }> {
  const doc =
    record.scenario.doc ?? (record.scenario.name ? await load(record.scenario.name) : null);
  if (doc === null || doc === undefined)
    return { ok: false, error: 'the session names no scenario document' };
  const raw = structuredClone(doc);
  try {
    applyAssignments(raw, record.set);
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const v = validateScenario(raw);
  if (!v.ok)
    return {
      ok: false,
      error: v.problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; '),
    };
  return { ok: true, scenario: v.value };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// ——— the editor ———

export function createMselEditor(deps: MselEditorDeps) {
  const store: StoreApi<MselEditorState> = createStore<MselEditorState>()(() => ({
    filter: 'all',
    search: '',
    tab: 'entries',
    context: null,
    contextError: null,
    acks: [],
    editing: null,
    confirmFire: null,
    importing: null,
    undo: null,
    busy: false,
    error: null,
    message: null,
  }));
  const get = store.getState;
  const set = (patch: Partial<MselEditorState>) => store.setState(patch);

  const entries = (): MselEntry[] => deps.view()?.msel ?? [];
  const firedSet = (): Set<string> => new Set((deps.view()?.fired ?? []).map((f) => f.serial));

  /** Checks the whole list, then gives it to the engine (saved before it answers). */
  async function commit(next: MselEntry[], message: string): Promise<boolean> {
    const ctx = get().context;
    if (!ctx) {
      set({ error: 'The scenario is not loaded yet: try again in a moment.', message: null });
      return false;
    }
    const problems = listProblems(next, ctx.scenario);
    if (problems.length) {
      set({
        error: `Not saved: ${problems
          .slice(0, 3)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; ')}`,
        message: null,
      });
      return false;
    }
    set({ busy: true, error: null });
    try {
      const r = await deps.run(() => deps.api.setMsel(next));
      if (!r.ok) {
        set({ error: `Not saved: ${r.error}`, message: null });
        return false;
      }
      await deps.refresh();
      set({ message });
      return true;
    } catch (e) {
      set({ error: `Not saved: ${e instanceof Error ? e.message : String(e)}`, message: null });
      return false;
    } finally {
      set({ busy: false });
    }
  }

  /** Reads the session record: acknowledgements with ticks (and, once, the scenario). */
  async function readRecord(sessionId: string, withScenario: boolean): Promise<void> {
    try {
      const rec = await deps.run(() => deps.api.saveFile());
      set({ acks: rec.acks.map((a) => ({ serial: a.serial, role: a.role, tick: a.tick })) });
      if (!withScenario) return;
      const sc = await scenarioOfRecord(rec, deps.scenarioDoc);
      if (sc.ok) set({ context: { sessionId, scenario: sc.scenario, title: rec.title } });
      else set({ contextError: `The exercise's scenario could not be read: ${sc.error}` });
    } catch (e) {
      set({
        contextError: `The exercise record could not be read: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  return {
    store,
    get,
    entries,
    firedSet,

    /** Loads the scenario of the exercise `sessionId` (once per exercise) and the acks. */
    async ensureContext(sessionId: string): Promise<void> {
      if (get().context?.sessionId === sessionId) return;
      set({ context: null, contextError: null, editing: null, importing: null, undo: null });
      await readRecord(sessionId, true);
    },

    /** Re-reads the acknowledgements (after the view reports new ones). */
    async syncAcks(): Promise<void> {
      const ctx = get().context;
      if (ctx) await readRecord(ctx.sessionId, false);
    },

    setFilter: (filter: StatusFilter) => set({ filter }),
    setSearch: (search: string) => set({ search }),
    setTab: (tab: MselEditorState['tab']) => set({ tab }),
    dismiss: () => set({ error: null, message: null }),

    // ——— the form ———

    edit(serial: string): void {
      const e = entries().find((x) => x.serial === serial);
      if (e) set({ editing: { serial, entry: e }, error: null, message: null });
    },

    /** A new entry at `hours` (the form's defaults). */
    add(hours: number): void {
      const entry: MselEntry = {
        serial: nextSerial(entries()),
        timing: { kind: 'at', hours },
        from: 'EXCON',
        to: [],
        method: 'email',
        subject: '',
        message: '',
        expectedAction: '',
        effect: null,
      };
      set({ editing: { serial: null, entry }, error: null, message: null });
    },

    /** A copy of an entry under a new serial, opened in the form (saved when the user saves). */
    duplicate(serial: string): void {
      const e = entries().find((x) => x.serial === serial);
      if (!e) return;
      const entry = { ...structuredClone(e), serial: nextSerial(entries()) };
      set({ editing: { serial: null, entry }, error: null, message: `Copy of entry ${serial}.` });
    },

    closeForm: () => set({ editing: null }),

    /**
     * Saves the form's entry in place of `serial` (null: adds it). A fired entry keeps all but
     * its text, even if it fired while the form was open.
     */
    async save(serial: string | null, entry: MselEntry): Promise<boolean> {
      const list = entries();
      const i = serial === null ? -1 : list.findIndex((e) => e.serial === serial);
      if (serial !== null && i < 0) {
        set({ error: `Entry ${serial} is no longer in the MSEL.`, message: null });
        return false;
      }
      let value = entry;
      let note = '';
      if (i >= 0 && firedSet().has(serial!)) {
        const old = list[i]!;
        value = withTextOf(old, entry);
        if (lockedChanges(old, entry).length || entry.serial !== old.serial)
          note = ' It has fired: only its text was changed.';
      }
      const next = i < 0 ? [...list, value] : list.map((e, j) => (j === i ? value : e));
      const ok = await commit(next, `Entry ${value.serial} ${i < 0 ? 'added' : 'saved'}.${note}`);
      if (ok) set({ editing: null });
      return ok;
    },

    /** Deletes a pending entry (a fired one stays: its card and acks refer to it); Undo restores it. */
    async remove(serial: string): Promise<boolean> {
      const list = entries();
      const i = list.findIndex((e) => e.serial === serial);
      if (i < 0) return false;
      if (firedSet().has(serial)) {
        set({ error: `Entry ${serial} has fired and stays in the MSEL.`, message: null });
        return false;
      }
      const ok = await commit(
        list.filter((_, j) => j !== i),
        `Entry ${serial} deleted.`,
      );
      if (ok) set({ editing: null, undo: { entry: list[i]!, index: i } });
      return ok;
    },

    async undoRemove(): Promise<boolean> {
      const u = get().undo;
      if (!u) return false;
      const list = entries();
      if (list.some((e) => e.serial === u.entry.serial)) {
        set({ undo: null, error: `Serial ${u.entry.serial} is in use again: not restored.` });
        return false;
      }
      const next = [...list];
      next.splice(Math.min(u.index, next.length), 0, u.entry);
      const ok = await commit(next, `Entry ${u.entry.serial} restored.`);
      if (ok) set({ undo: null });
      return ok;
    },

    // ——— fire now ———

    askFire: (serial: string) => set({ confirmFire: serial }),
    cancelFire: () => set({ confirmFire: null }),

    async fire(serial: string): Promise<boolean> {
      set({ busy: true, confirmFire: null, error: null });
      try {
        const r = await deps.run(() => deps.api.fireNow(serial));
        if (!r.ok) {
          set({ error: `Not fired: ${r.error}`, message: null });
          return false;
        }
        await deps.refresh();
        set({ message: `Entry ${serial} fired: it takes effect at the next tick.`, editing: null });
        return true;
      } catch (e) {
        set({ error: `Not fired: ${e instanceof Error ? e.message : String(e)}`, message: null });
        return false;
      } finally {
        set({ busy: false });
      }
    },

    // ——— spreadsheets ———

    /** Reads a CSV (text) or XLSX (bytes) file; shows its problems, or what it would change. */
    async importFile(file: string, data: string | Uint8Array): Promise<void> {
      const ctx = get().context;
      if (!ctx) {
        set({ error: 'The scenario is not loaded yet: try again in a moment.' });
        return;
      }
      set({ importing: { phase: 'reading', file }, error: null, message: null });
      let r: MselImport;
      try {
        r =
          typeof data === 'string'
            ? importMselCsv(data, ctx.scenario)
            : await importMselXlsx(data, ctx.scenario);
      } catch (e) {
        r = {
          ok: false,
          problems: [
            {
              path: 'file',
              row: 0,
              column: null,
              message: `could not be read (${e instanceof Error ? e.message : String(e)})`,
            },
          ],
        };
      }
      if (get().importing?.file !== file) return; // cancelled meanwhile
      if (!r.ok) {
        set({ importing: { phase: 'problems', file, problems: r.problems } });
        return;
      }
      const p = planImport(entries(), r.entries, firedSet());
      set({
        importing: p.ok
          ? { phase: 'preview', file, plan: p.plan, removeOthers: false }
          : { phase: 'problems', file, problems: p.problems },
      });
    },

    setRemoveOthers(on: boolean): void {
      const s = get().importing;
      if (s?.phase === 'preview') set({ importing: { ...s, removeOthers: on } });
    },

    cancelImport: () => set({ importing: null }),

    async applyImport(): Promise<boolean> {
      const s = get().importing;
      if (s?.phase !== 'preview') return false;
      const { plan, removeOthers } = s;
      const removed = removeOthers ? plan.notInFile.length : 0;
      const ok = await commit(
        applyImportPlan(entries(), plan, removeOthers),
        `Imported ${s.file}: ${plural(plan.added.length, 'entry', 'entries')} added, ${plan.replaced.length} replaced${removed ? `, ${removed} removed` : ''}.`,
      );
      if (ok) set({ importing: null, undo: null });
      return ok;
    },

    /** The MSEL as CSV text in time order, named after the exercise. */
    exportCsv(): { name: string; data: string } {
      const ctx = get().context;
      return {
        name: mselFileName(ctx?.title ?? deps.view()?.title ?? '', 'csv'),
        data: exportMselCsv([...entries()].sort(compareEntries), {
          start: ctx?.scenario.start ?? '',
        }),
      };
    },

    async exportXlsx(): Promise<{ name: string; data: Uint8Array }> {
      const ctx = get().context;
      return {
        name: mselFileName(ctx?.title ?? deps.view()?.title ?? '', 'xlsx'),
        data: await exportMselXlsx([...entries()].sort(compareEntries), {
          start: ctx?.scenario.start ?? '',
        }),
      };
    },
  };
}

export type MselEditor = ReturnType<typeof createMselEditor>;
