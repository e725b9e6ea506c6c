// The MSEL table's rows: each entry with its time, its status (pending, or fired and who has
// acknowledged it), sorted as planners read an MSEL and filtered by status and search text.
// Pure: the white cell's exercise view, the acknowledgements with their ticks, a scenario.
import type { ExerciseView } from '../../../workers/exercise-view';
import type { MselEntry } from '../../exercise/msel';
import type { Scenario } from '../../scenario/schema';
import { type AckRecord, compareEntries, type StatusFilter } from '../../store/msel-editor';
import {
  effectInWords,
  type TimeWords,
  tickDPlus,
  timeInWords,
  toInWords,
  triggerInWords,
} from './words';

export interface RoleAck {
  role: string;
  name: string;
  /** Tick of the acknowledgement; null: not yet. */
  tick: number | null;
}

export type EntryStatus =
  | { kind: 'pending' }
  | {
      kind: 'fired';
      /** The last time it fired (the white cell may fire an entry again). */
      tick: number;
      times: number;
      /** Played roles it is addressed to, each with its acknowledgement. */
      roles: RoleAck[];
    };

export interface MselRow {
  entry: MselEntry;
  time: TimeWords;
  trigger: string;
  to: string;
  effect: string;
  status: EntryStatus;
}

type RoleList = ExerciseView['roles'];

/** Played roles an entry is addressed to: every played role when `to` is empty. */
export function addressedRoles(entry: MselEntry, roles: RoleList): RoleList {
  return roles.filter((r) => r.actor !== null && (!entry.to.length || entry.to.includes(r.actor)));
}

export function statusOf(
  entry: MselEntry,
  fired: ExerciseView['fired'],
  roles: RoleList,
  acks: readonly AckRecord[],
): EntryStatus {
  const mine = (fired ?? []).filter((f) => f.serial === entry.serial);
  if (!mine.length) return { kind: 'pending' };
  return {
    kind: 'fired',
    tick: mine[mine.length - 1]!.tick,
    times: mine.length,
    roles: addressedRoles(entry, roles).map((r) => ({
      role: r.id,
      name: r.name,
      tick: acks.find((a) => a.serial === entry.serial && a.role === r.id)?.tick ?? null,
    })),
  };
}

/** pending; fired and waiting for an acknowledgement; fired and acknowledged by all addressed. */
export function statusClass(s: EntryStatus): 'pending' | 'waiting' | 'acked' {
  if (s.kind === 'pending') return 'pending';
  return s.roles.some((r) => r.tick === null) ? 'waiting' : 'acked';
}

/** "Pending", "Fired D+0 22:00 · acknowledged by Niger (D+0 23:15) · waiting for Mali". */
export function statusInWords(s: EntryStatus, tickMinutes: number): string {
  if (s.kind === 'pending') return 'Pending';
  const at = (t: number) => tickDPlus(t, tickMinutes);
  const parts = [`Fired ${at(s.tick)}${s.times > 1 ? ` (${s.times}×)` : ''}`];
  const acked = s.roles.filter((r) => r.tick !== null);
  const waiting = s.roles.filter((r) => r.tick === null);
  if (acked.length)
    parts.push(`acknowledged by ${acked.map((r) => `${r.name} (${at(r.tick!)})`).join(', ')}`);
  if (waiting.length) parts.push(`waiting for ${waiting.map((r) => r.name).join(', ')}`);
  return parts.join(' · ');
}

export function buildRows(
  view: Pick<ExerciseView, 'msel' | 'fired' | 'roles'>,
  acks: readonly AckRecord[],
  sc: Scenario | null,
  startIso: string,
): MselRow[] {
  return [...(view.msel ?? [])].sort(compareEntries).map((entry) => ({
    entry,
    time: timeInWords(entry, startIso),
    trigger: entry.timing.kind === 'trigger' ? triggerInWords(entry.timing.trigger, sc) : '',
    to: toInWords(entry.to, sc),
    effect: effectInWords(entry.effect, sc),
    status: statusOf(entry, view.fired, view.roles, acks),
  }));
}

/** Whether a row passes the status filter. */
export function matchesStatus(row: MselRow, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'fired') return row.status.kind === 'fired';
  return statusClass(row.status) === filter;
}

/** Every word a search may match in a row (case and accents ignored). */
export function rowText(row: MselRow, tickMinutes: number): string {
  const e = row.entry;
  return fold(
    [
      e.serial,
      row.time.dplus,
      row.time.dtg,
      e.from,
      row.to,
      e.method,
      e.subject,
      e.message,
      e.expectedAction,
      row.effect,
      row.trigger,
      statusInWords(row.status, tickMinutes),
    ].join('\n'),
  );
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** Rows passing the filter whose text holds every word of the search. */
export function filterRows(
  rows: readonly MselRow[],
  filter: StatusFilter,
  search: string,
  tickMinutes: number,
): MselRow[] {
  const words = fold(search).split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (!matchesStatus(r, filter)) return false;
    if (!words.length) return true;
    const text = rowText(r, tickMinutes);
    return words.every((w) => text.includes(w));
  });
}

/** Counts for the header: entries, fired, waiting for an acknowledgement. */
export function rowCounts(rows: readonly MselRow[]): {
  all: number;
  pending: number;
  fired: number;
  waiting: number;
  acked: number;
} {
  const c = { all: rows.length, pending: 0, fired: 0, waiting: 0, acked: 0 };
  for (const r of rows) {
    const k = statusClass(r.status);
    c[k]++;
    if (k !== 'pending') c.fired++;
  }
  return c;
}
