// A room's journal on disk (the format: src/exercise/journal.ts). `append` resolves only once
// the line is on disk (write + fsync), so the room acknowledges an order only after that.
// Opening folds the file, and then rewrites it whole (temp file, fsync, rename): a line torn
// by a crash goes, and the journal starts again from one header line. Writes are serialised.

import { readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import {
  type Folded,
  foldJournal,
  type JournalState,
  journalDelta,
  journalHeader,
} from '../exercise/journal';
import type { SessionFile } from '../exercise/session-file';
import type { TurnState } from '../exercise/turns';
import { writeFileAtomic } from '../node/atomic';

/** After this many lines the journal is rewritten from one header (bounded restart time). */
const COMPACT_AFTER_LINES = 2000;

type State = JournalState;

export class JournalFile {
  private fh: FileHandle | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private lines = 1;
  private closed = false;

  private constructor(
    readonly path: string,
    private last: State,
  ) {}

  /** A new journal holding one header line (written atomically). */
  static async create(
    path: string,
    session: SessionFile,
    turn: TurnState | null,
    at: number | null,
  ) {
    const j = new JournalFile(path, { session: structuredClone(session), turn, at });
    j.rewrite();
    return j;
  }

  /** An existing journal, folded, then rewritten whole. Throws JournalError on a bad line. */
  static async open(path: string): Promise<{ journal: JournalFile; folded: Folded }> {
    const folded = foldJournal(readFileSync(path, 'utf8'));
    const j = new JournalFile(path, { session: folded.session, turn: folded.turn, at: folded.at });
    j.rewrite();
    return { journal: j, folded };
  }

  /**
   * Appends what changed since the last line; resolves once it is durable. `session` is kept
   * as the next line's base: the caller's own copy (host.toFile()), never changed afterwards.
   */
  append(session: SessionFile, turn: TurnState | null, at: number | null): Promise<void> {
    const next: State = { session, turn: structuredClone(turn), at };
    const run = this.chain.then(() => this.write(next));
    this.chain = run.catch(() => {});
    return run;
  }

  private async write(next: State): Promise<void> {
    if (this.closed) throw new Error('the journal is closed');
    const d = journalDelta(this.last, next);
    if (!d) return;
    if (this.lines >= COMPACT_AFTER_LINES) {
      this.last = next;
      await this.closeHandle();
      this.rewrite();
      return;
    }
    this.fh ??= await open(this.path, 'a');
    await this.fh.write(`${JSON.stringify(d)}\n`);
    await this.fh.sync();
    this.lines++;
    this.last = next;
  }

  private rewrite(): void {
    writeFileAtomic(this.path, `${JSON.stringify(journalHeader(this.last))}\n`);
    this.lines = 1;
  }

  private async closeHandle(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }

  async close(): Promise<void> {
    await this.chain;
    this.closed = true;
    await this.closeHandle();
  }
}
