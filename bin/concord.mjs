#!/usr/bin/env node
// The concord command: runs the bundle built at install (scripts/build-cli.mjs) when it is
// current, else registers tsx and runs the TypeScript sources (a checkout being edited).
// CONCORD_DEBUG=1 says on stderr which one runs.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle-fresh.mjs';

// `concord schema | head`: a closed pipe ends the output quietly, not with a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = process.env.CONCORD_TSX ? null : freshBundle(root);
if (process.env.CONCORD_DEBUG)
  process.stderr.write(
    `concord: running ${bundle ? 'build/cli/concord.mjs' : 'src/cli/main.ts through tsx'}\n`,
  );
let main;
if (bundle) {
  ({ main } = await import(pathToFileURL(bundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
