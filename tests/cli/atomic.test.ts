// Atomic writes are durable: the temp file's data is fsynced before the rename, and the
// directory after it (so the rename itself survives a power cut), in that order.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const calls: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (p: string, flags: string) => {
      const fd = fs.openSync(p, flags);
      calls.push(`open ${p.endsWith('.tmp') ? 'tmp' : 'dir'} ${fd}`);
      return fd;
    },
    fsyncSync: (fd: number) => {
      calls.push(`fsync ${fd}`);
      fs.fsyncSync(fd);
    },
    renameSync: (a: string, b: string) => {
      calls.push('rename');
      fs.renameSync(a, b);
    },
  };
});

describe('writeFileAtomic', () => {
  it('fsyncs the temp file before the rename and the directory after it', async () => {
    const { writeFileAtomic } = await import('../../src/node/atomic');
    const dir = mkdtempSync(join(tmpdir(), 'concord-atomic-'));
    const file = join(dir, 'out.csv');
    writeFileAtomic(file, 'a,b\n1,2\n');
    expect(readFileSync(file, 'utf8')).toBe('a,b\n1,2\n');
    const [openTmp, syncTmp, rename, openDir, syncDir] = calls;
    const tmpFd = openTmp!.split(' ')[2];
    const dirFd = openDir!.split(' ')[2];
    expect([openTmp, syncTmp, rename, openDir, syncDir]).toEqual([
      `open tmp ${tmpFd}`,
      `fsync ${tmpFd}`,
      'rename',
      `open dir ${dirFd}`,
      `fsync ${dirFd}`,
    ]);
  });
});
