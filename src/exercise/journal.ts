// A room's journal: the session record as an append-only NDJSON log, so that every order is
// durable (append + fsync) before it is acknowledged without rewriting the whole file. Line 1
// is a header holding the whole session file; each later line holds what changed since the
// line before: new elements of the record's growing lists (`orders+`…), whole values for
// what is edited in place (`tick`, `msel`, `proposals`…), the turn state (`turn`) and the
// tick the engine stands at (`at`: behind the record's end after a rewind), which the session
// file does not keep. Folding the lines gives the session file back, which
// `concord replay` then verifies. Pure: the file handling is in src/serve/journal-file.ts.

import type { SessionFile } from './session-file';
import type { TurnState } from './turns';

export const JOURNAL_FORMAT = 'concord-journal';
export const JOURNAL_VERSION = 1;

/** Lists the host only appends to (or cuts back after a rewind). */
const GROWING = ['orders', 'fired', 'acks', 'bookmarks', 'turns', 'hashes'] as const;
type Growing = (typeof GROWING)[number];
/** Fields the host edits in place: written whole when they change. */
const WHOLE = ['tick', 'title', 'msel', 'proposals', 'roles', 'setup', 'set', 'engine'] as const;

/** What a journal holds: the record, and what the record does not say of the live exercise. */
export interface JournalState {
  session: SessionFile;
  turn: TurnState | null;
  /** The engine's tick (the record's `tick` is the furthest reached); null: the record's. */
  at: number | null;
}

export interface JournalHeader extends JournalState {
  journal: typeof JOURNAL_FORMAT;
  v: typeof JOURNAL_VERSION;
}

export type JournalLine = Record<string, unknown>;

export interface Folded extends JournalState {
  /** Lines read (header included). */
  lines: number;
  /** A last line cut short by a crash (never acknowledged): dropped. */
  torn: boolean;
}

export class JournalError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export function journalHeader(s: JournalState): JournalHeader {
  return { journal: JOURNAL_FORMAT, v: JOURNAL_VERSION, ...s };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from `prev` to `next` (null: nothing worth a line). */
export function journalDelta(prev: JournalState, next: JournalState): JournalLine | null {
  const out: JournalLine = {};
  const a = prev.session as unknown as Record<string, unknown>;
  const b = next.session as unknown as Record<string, unknown>;
  for (const k of GROWING) {
    const from = a[k] as unknown[];
    const to = b[k] as unknown[];
    if (grewFrom(from, to)) {
      if (to.length > from.length) out[`${k}+`] = to.slice(from.length);
    } else out[k] = to;
  }
  for (const k of WHOLE) if (!same(a[k], b[k])) out[k] = b[k];
  if (!same(prev.turn, next.turn)) out.turn = next.turn;
  if (prev.at !== next.at) out.at = next.at;
  if (!Object.keys(out).length) return null;
  out.savedAt = next.session.savedAt;
  return out;
}

/**
 * Whether `to` is `from` with elements appended. The host changes a list in place only at
 * its end (the hash of the current tick) or cuts it back after a rewind, so the last two
 * elements are compared as well as the lengths.
 */
function grewFrom(from: readonly unknown[], to: readonly unknown[]): boolean {
  if (to.length < from.length) return false;
  for (let i = Math.max(0, from.length - 2); i < from.length; i++)
    if (!same(from[i], to[i])) return false;
  return true;
}

/** Applies one line to the folded state (in place). */
export function applyLine(state: JournalState, d: JournalLine) {
  const s = state.session as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(d)) {
    if (k === 'turn') state.turn = v as TurnState | null;
    else if (k === 'at') state.at = typeof v === 'number' ? v : null;
    else if (k.endsWith('+')) {
      const name = k.slice(0, -1);
      if (!(GROWING as readonly string[]).includes(name) || !Array.isArray(v))
        throw new TypeError(`"${k}" is not a list of the session record`);
      (s[name as Growing] as unknown[]).push(...v);
    } else if (k === 'savedAt' || (WHOLE as readonly string[]).includes(k) || isGrowing(k))
      s[k] = v;
    else throw new TypeError(`"${k}" is not a field of the session record`);
  }
}

function isGrowing(k: string): boolean {
  return (GROWING as readonly string[]).includes(k);
}

/**
 * A journal's text → the session record and turn state it ends with. A last line without its
 * newline, or that does not parse, was cut by a crash before it was acknowledged: it is
 * dropped and `torn` says so. Any other bad line is an error naming its line.
 */
export function foldJournal(text: string): Folded {
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  let torn = false;
  const parsed: JournalLine[] = [];
  lines.forEach((line, i) => {
    const last = i === lines.length - 1;
    try {
      const v: unknown = JSON.parse(line);
      if (typeof v !== 'object' || v === null || Array.isArray(v))
        throw new JournalError(i + 1, 'not a JSON object');
      if (last && !complete) torn = true;
      else parsed.push(v as JournalLine);
    } catch (e) {
      if (last && i > 0) torn = true;
      else if (e instanceof JournalError) throw e;
      else throw new JournalError(i + 1, `not JSON (${(e as Error).message})`);
    }
  });
  const head = parsed[0] as Partial<JournalHeader> | undefined;
  if (!head || head.journal !== JOURNAL_FORMAT)
    throw new JournalError(1, `not a Concord journal (expected "journal": "${JOURNAL_FORMAT}")`);
  if (head.v !== JOURNAL_VERSION)
    throw new JournalError(
      1,
      `journal version ${String(head.v)}; this Concord reads ${JOURNAL_VERSION}`,
    );
  const state: JournalState = {
    session: structuredClone(head.session as SessionFile),
    turn: head.turn ?? null,
    at: typeof head.at === 'number' ? head.at : null,
  };
  for (let i = 1; i < parsed.length; i++) {
    try {
      applyLine(state, parsed[i]!);
    } catch (e) {
      throw new JournalError(i + 1, (e as Error).message);
    }
  }
  return { ...state, lines: parsed.length, torn };
}

/** Whether a text (a file's start) is a journal rather than a session file. */
export function looksLikeJournal(text: string): boolean {
  return text.trimStart().startsWith(`{"journal":"${JOURNAL_FORMAT}"`);
}
