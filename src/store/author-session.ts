// Author mode's editing: the document in an EditSession (undo, redo, the schema's problems),
// published to the author store after every change, and saved in this browser at once
// (autosave), so a closed tab or a crash loses nothing; opening author mode offers the saved
// draft back. Loaded with author mode, never with the app's entry: it builds the scenario
// schema, which must come after zod-jitless.ts has switched zod's JIT off.
import { get, set } from 'idb-keyval';
import { type Doc, EditSession } from '../author/edit-session';
import { authorStore } from './author';

/** Where the draft lives in this browser's IndexedDB. */
export const DRAFT_KEY = 'concord-author-draft';

export interface SavedDraft {
  doc: Doc;
  savedAt: number;
}

let session: EditSession | null = null;
let saving: Promise<void> = Promise.resolve();

/** Saves in order (the last change wins even when writes overlap). */
function autosave(doc: Doc): void {
  const savedAt = Date.now();
  saving = saving
    .then(() => set(DRAFT_KEY, { doc, savedAt } satisfies SavedDraft))
    .then(() => authorStore.setState({ savedAt }))
    .catch(() =>
      authorStore.setState({
        hint: 'This browser would not keep the draft: download it to keep it.',
      }),
    );
}

/** Resolves when every change so far is saved (tests, Try it). */
export const draftSaved = (): Promise<void> => saving;

function publish(): void {
  if (!session) return;
  const t0 = performance.now();
  const problems = session.problems();
  authorStore.setState({
    doc: session.doc,
    problems,
    checkMs: performance.now() - t0,
    canUndo: session.canUndo,
    canRedo: session.canRedo,
    undoLabel: session.undoLabel,
    redoLabel: session.redoLabel,
  });
}

/** Opens author mode on a document (a bundled scenario, the planner's file, a new one). */
export function openAuthor(doc: Doc, opts: { save?: boolean } = {}): void {
  session = new EditSession(doc, { save: autosave });
  authorStore.setState({
    open: true,
    selection: null,
    tool: 'select',
    hint: null,
    tab: 'scenario',
  });
  const types = Object.keys((session.doc.unitTypes ?? {}) as object);
  authorStore.setState({ unitType: types[0] ?? null, owner: null });
  if (opts.save !== false) autosave(session.doc);
  publish();
}

/** The draft this browser saved last, if any. */
export async function savedDraft(): Promise<SavedDraft | null> {
  try {
    const d = (await get(DRAFT_KEY)) as SavedDraft | undefined;
    return d && typeof d === 'object' && d.doc ? d : null;
  } catch {
    return null;
  }
}

/** One edit (one undo step). A recipe that throws changes nothing and says why. */
export function authorEdit(label: string, recipe: (draft: Doc) => void): boolean {
  if (!session) return false;
  try {
    session.edit(label, recipe);
  } catch (e) {
    authorStore.setState({ hint: `${label}: ${e instanceof Error ? e.message : String(e)}` });
    return false;
  }
  // A hint answered a step before this one (a refusal, a tool's prompt): it is stale now.
  authorStore.setState({ hint: null });
  publish();
  return true;
}

export function authorUndo(): void {
  if (session?.undo()) publish();
}

export function authorRedo(): void {
  if (session?.redo()) publish();
}
