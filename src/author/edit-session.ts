// Author mode's editing state, framework-free: the scenario document being built, every edit
// as an immer recipe whose patches (and their inverses) make undo and redo exact, and the
// schema's own problems for the document as it stands (the same path-named problems as
// `concord validate`). Autosave is injected: it gets each new document after an edit.
import { applyPatches, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { Problem } from '../scenario/problems';
import { validateScenario } from '../scenario/validate';

enablePatches();

/** The scenario document as JSON (the schema decides whether it is a scenario). */
export type Doc = Record<string, unknown>;

interface Step {
  label: string;
  patches: Patch[];
  inverse: Patch[];
}

export interface EditSessionDeps {
  /** Called with the document after every change (an edit, an undo, a redo). */
  save?(doc: Doc): void;
}

/** At most this many steps are kept for undo (each holds only its patches). */
const MAX_STEPS = 500;

export class EditSession {
  private current: Doc;
  private readonly past: Step[] = [];
  private readonly future: Step[] = [];
  private checked: { doc: Doc; problems: Problem[] } | null = null;

  constructor(
    doc: unknown,
    private readonly deps: EditSessionDeps = {},
  ) {
    this.current = structuredClone(doc) as Doc;
  }

  get doc(): Doc {
    return this.current;
  }

  /** Changes the document by a recipe; a recipe that changes nothing leaves no step. */
  edit(label: string, recipe: (draft: Doc) => void): void {
    const [next, patches, inverse] = produceWithPatches(this.current, recipe);
    if (!patches.length) return;
    this.current = next;
    this.past.push({ label, patches, inverse });
    if (this.past.length > MAX_STEPS) this.past.shift();
    this.future.length = 0;
    this.changed();
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** What undo would take back (for the button's title), or null. */
  get undoLabel(): string | null {
    return this.past.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.future.at(-1)?.label ?? null;
  }

  undo(): boolean {
    const step = this.past.pop();
    if (!step) return false;
    this.current = applyPatches(this.current, step.inverse);
    this.future.push(step);
    this.changed();
    return true;
  }

  redo(): boolean {
    const step = this.future.pop();
    if (!step) return false;
    this.current = applyPatches(this.current, step.patches);
    this.past.push(step);
    this.changed();
    return true;
  }

  /** The schema's problems with the document as it stands (cached per document). */
  problems(): Problem[] {
    if (this.checked?.doc !== this.current) {
      const v = validateScenario(this.current);
      this.checked = { doc: this.current, problems: v.ok ? [] : v.problems };
    }
    return this.checked.problems;
  }

  /** "Try it" runs the document only when the schema finds nothing wrong with it. */
  get mayTry(): boolean {
    return this.problems().length === 0;
  }

  private changed(): void {
    this.deps.save?.(this.current);
  }
}
