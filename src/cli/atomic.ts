// Atomic file writes: write a temp file beside the target, then rename over it, so a failed
// or interrupted run never leaves a half-written output.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';

export function writeFileAtomic(path: string, data: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw e;
  }
}
