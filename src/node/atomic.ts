// Atomic file writes: write a temp file beside the target, fsync it, rename it over the target,
// then fsync the directory, so a crash or kill at any point leaves either the old file or the
// new one whole — never a half-written output, and never a rename the disk forgot.
import {
  closeSync,
  fsyncSync,
  openSync,
  readdirSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

let writes = 0;

/** `mode`: the file's permissions from its first byte (0o600 for secrets); default 0o666 & umask. */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o666): void {
  const n = ++writes;
  // Unique per process and call: two writes of one target never share a temp file.
  const tmp = `${path}.${process.pid}.${n}.tmp`;
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', mode);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    stallHook(n, 'before', path);
    renameSync(tmp, path);
    fsyncDir(dirname(path));
    stallHook(n, 'after', path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // renamed already, or never created
    }
    // write and fsync errors carry no path: name the file the user asked for.
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err === 'object' && err.code && !err.path) err.path = path;
    throw e;
  }
}

/** Makes a rename durable; platforms that cannot open or fsync a directory are skipped. */
function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EACCES') throw e;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Removes temp files a killed writer left beside these targets (`<target>.<pid>.<n>.tmp`).
 * Call it only while holding the targets' lock: then no live process is writing them.
 */
export function removeStaleTemps(targets: readonly string[]): void {
  for (const dir of new Set(targets.map((t) => dirname(t)))) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const mine = new Set(targets.filter((t) => dirname(t) === dir).map((t) => basename(t)));
    for (const name of names) {
      const m = /^(.*)\.\d+\.\d+\.tmp$/.exec(name);
      if (m && mine.has(m[1]!)) unlinkSync(join(dir, name));
    }
  }
}

/**
 * Fault injection for tests (tests/cli/sweep-crash.test.ts): with CONCORD_STALL_WRITE=N (or
 * N:before) the N-th atomic write of this process (1-based) stops with its temp file written
 * and fsynced but not yet renamed; with N:after it stops just after the rename. Either way it
 * prints `concord: stalled … (write N)` on stderr and blocks forever, so the test can kill -9 it
 * at exactly that point. Unset, it does nothing.
 */
function stallHook(n: number, when: 'before' | 'after', path: string): void {
  const spec = process.env.CONCORD_STALL_WRITE;
  if (!spec) return;
  const [at, phase = 'before'] = spec.split(':');
  if (Number(at) !== n || phase !== when) return;
  const what = when === 'before' ? 'before renaming' : 'after renaming';
  writeSync(2, `concord: stalled ${what} ${path} (write ${n})\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
}
