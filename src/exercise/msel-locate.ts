// Where in a spreadsheet row a problem with an entry lies: an entry path (`effect.strength`,
// `timing.trigger.zone`, `to[1]`) → the column that holds it, and for an Effect Details key the
// text the planner wrote for it ("strength=0"), so the message quotes what is in the cell.
import type { MselColumn } from './msel-table';

export interface RowContext {
  /** 1-based spreadsheet row. */
  row: number;
  /** Which column gave the time: Time, or DTG when Time was empty. */
  timeColumn: 'Time' | 'DTG';
  /** Effect Details as written, by key ("strength" → "strength=0"). */
  raw: ReadonlyMap<string, string>;
}

const FIELD_COLUMNS = new Map<string, MselColumn>([
  ['serial', 'No.'],
  ['from', 'From'],
  ['to', 'To'],
  ['method', 'Method'],
  ['subject', 'Subject'],
  ['message', 'Message'],
  ['expectedAction', 'Expected Action'],
]);

/** Segments of a formatted path: `to[1]` → ["to", "1"]; `(root)` → []. */
export function pathSegments(path: string): string[] {
  return path === '(root)' ? [] : (path.match(/[^.[\]"]+/g) ?? []);
}

export function locate(
  segments: readonly string[],
  ctx: RowContext,
): { column: MselColumn | null; found?: string } {
  const [first, second] = segments;
  if (first === 'timing') {
    if (second === 'trigger') return { column: 'Trigger' };
    return { column: second === 'hours' ? ctx.timeColumn : 'Time' };
  }
  if (first === 'effect') {
    if (second === undefined || second === 'kind') return { column: 'Effect' };
    const found = ctx.raw.get(second);
    return found === undefined ? { column: 'Effect Details' } : { column: 'Effect Details', found };
  }
  return { column: (first && FIELD_COLUMNS.get(first)) || null };
}

/** Replaces the "found …" part of a schema message with the cell's own text. */
export function rewriteFound(message: string, found: string | undefined): string {
  if (found === undefined || !message.startsWith('found ')) return message;
  const cut = message.indexOf('; ');
  return `found ${JSON.stringify(found)}${cut < 0 ? '' : message.slice(cut)}`;
}
