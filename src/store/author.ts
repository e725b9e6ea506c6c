// Author mode's state (its own small store): whether it is open, the document being built, the
// schema's problems, undo and redo, the tool in hand, what is selected and the side panel's
// tab. The editing itself (EditSession, autosave) is author-session.ts, loaded with author mode:
// the schema it validates with must not load with the app's entry (see zod-jitless.ts).
import { createStore } from 'zustand/vanilla';
import type { Doc } from '../author/edit-session';
import type { Problem } from '../scenario/problems';

export type AuthorTool =
  | 'select'
  | 'unit'
  | 'base'
  | 'place'
  | 'zone-polygon'
  | 'zone-rectangle'
  | 'zone-circle'
  | 'route';

/** What is selected: an item of a table by id (unit types by their key). */
export interface AuthorSelection {
  table: string;
  id: string;
}

export interface AuthorState {
  open: boolean;
  doc: Doc | null;
  problems: Problem[];
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  tool: AuthorTool;
  /** The unit type the unit tool places (a key of the document's unitTypes). */
  unitType: string | null;
  /** Whose units, bases and zones the tools place (an actor id; null: the nearest nation). */
  owner: string | null;
  selection: AuthorSelection | null;
  tab: string;
  /** When the draft was last saved in this browser (ms since 1970), or null. */
  savedAt: number | null;
  /** A note for the planner (what a tool expects next, why a step was refused). */
  hint: string | null;
  /** How long the schema's check of the last change took, ms (the app bench reads it). */
  checkMs: number;
}

export const authorStore = createStore<AuthorState>()(() => ({
  open: false,
  doc: null,
  problems: [],
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
  tool: 'select',
  unitType: null,
  owner: null,
  selection: null,
  tab: 'scenario',
  savedAt: null,
  hint: null,
  checkMs: 0,
}));

export const getAuthor = (): AuthorState => authorStore.getState();

export function setAuthor(
  patch: Partial<Pick<AuthorState, 'tool' | 'unitType' | 'owner' | 'selection' | 'tab' | 'hint'>>,
): void {
  authorStore.setState(patch);
}

export function closeAuthor(): void {
  authorStore.setState({ open: false });
}
