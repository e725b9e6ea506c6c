// Every keyboard shortcut the app has, in one list: the help overlay (?) shows it, and the
// handlers of the app-wide keys (App.tsx, the orders' keys, the measuring tool) match keys
// through `isKey`, so what the help says is what the keys do. Keys that act inside one control
// (the order menu, the units list, the time sliders, dialogs) are listed for the help only:
// their components handle them.

export interface Shortcut {
  readonly id: string;
  /** The group it is listed under in the help. */
  readonly group: ShortcutGroup;
  /** `KeyboardEvent.key` values that trigger it (letters match either case); none: help only. */
  readonly keys?: readonly string[];
  /** Whether Shift must be held (true) or not (false); unset: either. */
  readonly shift?: boolean;
  /** How the keys read in the help. */
  readonly label: string;
  readonly does: string;
}

export type ShortcutGroup = 'clock' | 'orders' | 'tools' | 'author' | 'controls';

/** The help's groups, in order: a title and who or where the keys serve. */
export const SHORTCUT_GROUPS: ReadonlyArray<{ id: ShortcutGroup; title: string; note: string }> = [
  { id: 'clock', title: 'Clock', note: "the white cell's, and a planner's run" },
  { id: 'orders', title: 'Orders', note: 'for the selected unit' },
  { id: 'tools', title: 'Map tools', note: 'Enter to Esc while measuring' },
  { id: 'author', title: 'Author mode', note: 'building a scenario on the map' },
  { id: 'controls', title: 'In menus, lists, the timeline and dialogs', note: '' },
];

export const SHORTCUTS = [
  {
    id: 'au-select',
    group: 'author',
    keys: ['v'],
    label: 'V',
    does: 'Select and drag (vertices, units, bases)',
  },
  {
    id: 'au-unit',
    group: 'author',
    keys: ['u'],
    label: 'U',
    does: 'Place a unit of the chosen type',
  },
  { id: 'au-base', group: 'author', keys: ['b'], label: 'B', does: 'Place a base' },
  { id: 'au-place', group: 'author', keys: ['t'], label: 'T', does: 'Place a town or place' },
  {
    id: 'au-polygon',
    group: 'author',
    keys: ['z'],
    label: 'Z',
    does: 'Draw a zone point by point',
  },
  { id: 'au-rectangle', group: 'author', keys: ['x'], label: 'X', does: 'Draw a rectangular zone' },
  {
    id: 'au-circle',
    group: 'author',
    keys: ['c'],
    label: 'C',
    does: 'Draw a circular zone by its radius',
  },
  {
    id: 'au-route',
    group: 'author',
    keys: ['w'],
    label: 'W',
    does: 'Draw a route (snaps to places)',
  },
  {
    id: 'au-finish',
    group: 'author',
    keys: ['Enter'],
    label: 'Enter',
    does: 'Finish the zone or route',
  },
  {
    id: 'au-back',
    group: 'author',
    keys: ['Backspace'],
    label: 'Backspace',
    does: 'Take back the last point drawn',
  },
  {
    id: 'au-delete',
    group: 'author',
    keys: ['Delete'],
    label: 'Delete',
    does: 'Remove the selected item',
  },
  {
    id: 'au-cancel',
    group: 'author',
    keys: ['Escape'],
    label: 'Esc',
    does: 'Stop drawing; back to Select',
  },
  { id: 'au-undo', group: 'author', label: 'Ctrl+Z', does: 'Undo' },
  { id: 'au-redo', group: 'author', label: 'Ctrl+Y, Ctrl+Shift+Z', does: 'Redo' },
  { id: 'play', group: 'clock', keys: [' '], label: 'Space', does: 'Play or pause' },
  { id: 'step', group: 'clock', keys: ['ArrowRight'], label: '→', does: 'One tick forward' },
  { id: 'back', group: 'clock', keys: ['ArrowLeft'], label: '←', does: 'One tick back' },
  { id: 'next', group: 'clock', keys: ['n'], label: 'N', does: 'Run to the next event' },
  {
    id: 'move',
    group: 'orders',
    keys: ['m'],
    label: 'M',
    does: 'Move the selected unit: click where it goes (M again cancels)',
  },
  {
    id: 'orders',
    group: 'orders',
    keys: ['o'],
    label: 'O',
    does: "The selected unit's order menu",
  },
  { id: 'units', group: 'orders', keys: ['u'], label: 'U', does: 'The units list and its search' },
  {
    id: 'cancel',
    group: 'orders',
    keys: ['Escape'],
    label: 'Esc',
    does: 'Cancel the move, close the order menu, dismiss a refusal',
  },
  {
    id: 'context',
    group: 'orders',
    label: 'Right-click',
    does: "The selected unit's order menu at that point of the map",
  },
  {
    id: 'measure',
    group: 'tools',
    keys: ['r'],
    label: 'R',
    does: 'Measure (ruler): click points on the map; R again stops',
  },
  {
    id: 'measure-end',
    group: 'tools',
    keys: ['Enter'],
    shift: false,
    label: 'Enter',
    does: 'End the path (or double-click its last point)',
  },
  {
    id: 'measure-close',
    group: 'tools',
    keys: ['Enter'],
    shift: true,
    label: 'Shift+Enter',
    does: 'Close the path and show its area (or click its first point)',
  },
  {
    id: 'measure-undo',
    group: 'tools',
    keys: ['Backspace'],
    label: 'Backspace',
    does: 'Take back the last point',
  },
  {
    id: 'measure-clear',
    group: 'tools',
    keys: ['Escape'],
    label: 'Esc',
    does: 'Clear the path and stop measuring',
  },
  {
    id: 'save-png',
    group: 'tools',
    keys: ['p'],
    label: 'P',
    does: 'Save the map as PNG: as shown, with its title, time, view, scale and forces',
  },
  { id: 'help', group: 'tools', keys: ['?'], label: '?', does: 'This list of keys' },
  {
    id: 'list-move',
    group: 'controls',
    label: '↑ ↓ Home End',
    does: 'Move in the order menu, the units list and the ORBAT tree',
  },
  {
    id: 'tree-move',
    group: 'controls',
    label: '→ ←',
    does: 'ORBAT tree: open or close a group, or go to its first row or up to its parent',
  },
  {
    id: 'list-choose',
    group: 'controls',
    label: 'Enter',
    does: 'Choose the item (in a units search: the first match); in the ORBAT, select and centre',
  },
  {
    id: 'list-close',
    group: 'controls',
    label: 'Esc, Tab',
    does: 'Close the order menu or the units list',
  },
  {
    id: 'slider',
    group: 'controls',
    label: '← → ↑ ↓',
    does: 'Timeline: a tick (← →) or an hour (↑ ↓) back or forward',
  },
  { id: 'slider-day', group: 'controls', label: 'PgUp PgDn', does: 'Timeline: a day' },
  { id: 'slider-ends', group: 'controls', label: 'Home End', does: 'Timeline: start or end' },
  {
    id: 'dialog',
    group: 'controls',
    label: 'Esc',
    does: "Close a dialog or the Session menu; leave the review's report",
  },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

const byId = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]));

/** Whether the key event is shortcut `id`'s key (letters in either case, Shift as it says). */
export function isKey(id: ShortcutId, e: Pick<KeyboardEvent, 'key' | 'shiftKey'>): boolean {
  const s = byId.get(id);
  if (!s?.keys) return false;
  if (s.shift !== undefined && s.shift !== e.shiftKey) return false;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  return s.keys.includes(key);
}

/** The help's key label of shortcut `id` ("R"), for buttons that announce their key. */
export function keyLabel(id: ShortcutId): string {
  return byId.get(id)?.label ?? '';
}
