// One sweep per output: `<base>.lock` holds {pid, host, started} of the sweep writing it. It is
// created whole (a hard link of a fsynced temp file, so no reader sees it half-written), and
// its mtime is a lease the holder refreshes: a lock left on another node by a preempted or
// timed-out job expires, where a pid check cannot reach. On this host a lock whose process is
// gone is taken over at once.
import {
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { CliError } from '../node/load';
import { baseOf } from './results';

const REFRESH_MS = 15_000;
/** A lock from another host not refreshed for this long belongs to a sweep that is gone. */
export const EXPIRE_MS = 120_000;

interface Holder {
  pid: number;
  host: string;
  started: string;
}

export interface SweepLock {
  file: string;
  release(): void;
}

export const lockFile = (out: string): string => `${baseOf(out)}.lock`;

/** Takes the lock of `out`, or throws a CliError (exit 2) naming who holds it. */
export function lockOutput(out: string, onLost: (why: string) => void): SweepLock {
  const file = lockFile(out);
  const text = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() })}\n`;
  for (let attempt = 0; !create(file, text); attempt++) {
    const stale = staleHolder(file, out);
    if (stale && attempt < 3) takeOver(file, stale.text, stale.why);
    else if (stale)
      throw new CliError(`${file}: another sweep took this lock at the same time; try again`, 2);
  }
  const owned = () => read(file) === text;
  const timer = setInterval(() => {
    try {
      if (owned()) {
        const now = new Date();
        utimesSync(file, now, now);
        return;
      }
    } catch {
      // removed between the read and the touch: lost as well
    }
    clearInterval(timer);
    onLost(`${file} was removed or taken over by another sweep`);
  }, REFRESH_MS);
  timer.unref();
  const release = () => {
    clearInterval(timer);
    process.off('exit', release);
    try {
      if (owned()) unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { file, release };
}

/** Creates the lock with its whole text, or returns false if it exists. */
function create(file: string, text: string): boolean {
  const tmp = `${file}.${process.pid}.0.tmp`;
  try {
    writeWhole(tmp, 'w', text);
    linkSync(tmp, file);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: an exclusive create (a reader may see it empty).
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
      return createExclusive(file, text);
    throw e;
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      // never created
    }
  }
}

function writeWhole(file: string, flags: 'w' | 'wx', text: string): void {
  const fd = openSync(file, flags);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function createExclusive(file: string, text: string): boolean {
  try {
    writeWhole(file, 'wx', text);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's text and why it is stale; throws when a live sweep holds it; undefined if gone. */
function staleHolder(file: string, out: string): { text: string; why: string } | undefined {
  const text = read(file);
  if (text === undefined) return undefined;
  let h: Holder | undefined;
  try {
    h = JSON.parse(text) as Holder;
  } catch {
    h = undefined;
  }
  if (!h || !Number.isInteger(h.pid) || typeof h.host !== 'string')
    throw new CliError(
      `${file}: a lock file that names no sweep; if no sweep is writing ${out}, remove ${file}`,
      2,
    );
  const who = `pid ${h.pid} on ${h.host}, started ${h.started}`;
  if (h.host === hostname()) {
    // Our own pid in it: left by an earlier process that had it (a restarted container).
    if (h.pid === process.pid || !alive(h.pid)) return { text, why: `${who} is gone` };
    throw new CliError(
      `${out}: another sweep is writing it (${who}; lock ${file}); wait for it to finish, or if that process is gone remove ${file}`,
      2,
    );
  }
  const age = Date.now() - statSync(file).mtimeMs;
  if (age > EXPIRE_MS)
    return { text, why: `${who} has not refreshed it for ${Math.round(age / 1000)} s` };
  throw new CliError(
    `${out}: another sweep is writing it (${who}, lock refreshed ${Math.round(age / 1000)} s ago; lock ${file}); wait for it, or if that sweep is gone remove ${file} (it expires ${EXPIRE_MS / 1000} s after the last refresh)`,
    2,
  );
}

/** Moves a stale lock aside; if what was moved is not the stale lock seen, puts it back. */
function takeOver(file: string, stale: string, why: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  if (read(aside) === stale) {
    process.stderr.write(`concord: taking over ${file}: ${why}\n`);
  } else {
    try {
      linkSync(aside, file);
    } catch {
      // a third sweep has taken it meanwhile; the next attempt finds that one
    }
  }
  unlinkSync(aside);
}
