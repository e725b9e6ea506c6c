// File-system failures (a read-only directory, no permission, a full disk) told as what
// happened and where, with their own exit code, instead of "internal error". Atomic writes
// leave the files that were there untouched, so the message can say so.

/** Exit code of a failed read or write of a file (documented in the README). */
export const EXIT_IO = 3;

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EIO: 'input/output error',
  EBUSY: 'busy',
  ENAMETOOLONG: 'name too long',
  EFBIG: 'file too large',
};

const ACTIONS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  fsync: 'flush',
  close: 'close',
  rename: 'replace',
  mkdir: 'create the directory',
  unlink: 'remove',
  scandir: 'list',
  stat: 'read',
  copyfile: 'copy',
};

export interface FsError extends Error {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

export function isFsError(e: unknown): e is FsError {
  const x = e as Partial<FsError> | null;
  return !!x && typeof x === 'object' && typeof x.code === 'string' && x.code in REASONS;
}

/** "cannot write /out/r.csv.123.tmp: no space left on the device (ENOSPC)". */
export function describeFsError(e: FsError): string {
  const action = ACTIONS[e.syscall ?? ''] ?? 'use';
  const where = e.dest ?? e.path ?? '(a file)';
  return `cannot ${action} ${where}: ${REASONS[e.code]} (${e.code}); files already there were left as they were`;
}
