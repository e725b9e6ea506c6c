// The ORBAT tree as the rows on screen, and its keys (the WAI-ARIA tree pattern): which rows
// show given the closed groups, and what ↑ ↓ ← → Home End Enter do from the focused row.
// Pure, so the keyboard's rules are tested in Node; OrbatTree.tsx renders the rows and acts.
import type { OrbatActor, OrbatCommand, OrbatUnit } from '../../store/orbat';

interface RowBase {
  key: string;
  /** aria-level: 1 actor, 2 command, 3 unit. */
  level: 1 | 2 | 3;
  /** The row's parent (null for an actor). */
  parent: string | null;
  /** aria-setsize and aria-posinset among its siblings. */
  setSize: number;
  pos: number;
}
export type OrbatRow =
  | (RowBase & { kind: 'actor'; actor: OrbatActor; expanded: boolean })
  | (RowBase & { kind: 'command'; command: OrbatCommand; color: string; expanded: boolean })
  | (RowBase & { kind: 'unit'; unit: OrbatUnit });

/** The rows shown: every actor, and below an open group its children. */
export function visibleRows(tree: readonly OrbatActor[], closed: ReadonlySet<string>): OrbatRow[] {
  const rows: OrbatRow[] = [];
  tree.forEach((actor, ai) => {
    const open = !closed.has(actor.key);
    rows.push({
      kind: 'actor',
      key: actor.key,
      level: 1,
      parent: null,
      setSize: tree.length,
      pos: ai + 1,
      actor,
      expanded: open,
    });
    if (!open) return;
    actor.commands.forEach((command, ci) => {
      const cOpen = !closed.has(command.key);
      rows.push({
        kind: 'command',
        key: command.key,
        level: 2,
        parent: actor.key,
        setSize: actor.commands.length,
        pos: ci + 1,
        command,
        color: actor.color,
        expanded: cOpen,
      });
      if (!cOpen) return;
      command.units.forEach((unit, ui) => {
        rows.push({
          kind: 'unit',
          key: unit.key,
          level: 3,
          parent: command.key,
          setSize: command.units.length,
          pos: ui + 1,
          unit,
        });
      });
    });
  });
  return rows;
}

/** What a key does on the tree: move focus to a row, open or close a group, choose a unit. */
export type TreeAction =
  | { do: 'focus'; key: string }
  | { do: 'open'; key: string }
  | { do: 'close'; key: string }
  | { do: 'choose'; unit: number }
  /** ↑ on the first row: back to the search box. */
  | { do: 'search' };

/** The WAI-ARIA tree's keys from the focused row `at` (a key), or null if the key does nothing. */
export function treeKey(rows: readonly OrbatRow[], at: string, key: string): TreeAction | null {
  const i = rows.findIndex((r) => r.key === at);
  const row = rows[i];
  if (!row) return rows.length ? { do: 'focus', key: rows[0]!.key } : null;
  const group = row.kind !== 'unit';
  switch (key) {
    case 'ArrowDown':
      return i + 1 < rows.length ? { do: 'focus', key: rows[i + 1]!.key } : null;
    case 'ArrowUp':
      return i > 0 ? { do: 'focus', key: rows[i - 1]!.key } : { do: 'search' };
    case 'Home':
      return { do: 'focus', key: rows[0]!.key };
    case 'End':
      return { do: 'focus', key: rows[rows.length - 1]!.key };
    case 'ArrowRight':
      if (!group) return null;
      if (!row.expanded) return { do: 'open', key: row.key };
      return rows[i + 1]?.parent === row.key ? { do: 'focus', key: rows[i + 1]!.key } : null;
    case 'ArrowLeft':
      if (group && row.expanded) return { do: 'close', key: row.key };
      return row.parent ? { do: 'focus', key: row.parent } : null;
    case 'Enter':
    case ' ':
      if (row.kind === 'unit') return { do: 'choose', unit: row.unit.index };
      return row.expanded ? { do: 'close', key: row.key } : { do: 'open', key: row.key };
    default:
      return null;
  }
}
