// Is build/cli/concord.mjs (scripts/build-cli.mjs) current? In a checkout, a source file newer
// than the build, or gone, means the bundle is stale and the CLI runs from source through tsx.
// One stat per source file (about 100): a millisecond or two, paid on every start.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The bundle's path when it exists and no source it was built from changed since; else null. */
export function freshBundle(root) {
  const bundle = join(root, 'build', 'cli', 'concord.mjs');
  let built;
  try {
    built = JSON.parse(readFileSync(join(root, 'build', 'cli', 'inputs.json'), 'utf8'));
    statSync(bundle);
  } catch {
    return null;
  }
  // Installed without the sources (a packed copy): the bundle is all there is.
  if (!statSync(join(root, 'src'), { throwIfNoEntry: false })) return bundle;
  for (const f of built.inputs) {
    const st = statSync(join(root, f), { throwIfNoEntry: false });
    if (!st || st.mtimeMs >= built.builtAt) return null;
  }
  return bundle;
}
